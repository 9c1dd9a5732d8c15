import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskIdNumber, maskName, maskPhone } from "./mask.ts";

describe("masking personal data", () => {
  it("shows a phone's first three and last four digits", () => {
    assert.equal(maskPhone("13812345678"), "138****5678");
    assert.equal(maskPhone(null), null);
    assert.equal(maskPhone("123"), "****");
  });

  it("shows an ID number's region and last four characters", () => {
    assert.equal(maskIdNumber("32010219650506123X"), "3201**********123X");
  });

  it("keeps only the surname of a name", () => {
    assert.equal(maskName("张三丰"), "张**");
    assert.equal(maskName("王芳"), "王*");
    assert.equal(maskName(""), "");
  });
});
