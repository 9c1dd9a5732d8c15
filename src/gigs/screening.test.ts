import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { screenForUpfrontFees } from "./screening.ts";

describe("screening a post for up-front fees", () => {
  it("refuses a post that asks for a deposit", () => {
    const result = screenForUpfrontFees("招普工", "入职需交押金200元");
    assert.equal(result.ok, false);
    assert.deepEqual(result.terms, ["押金"]);
  });

  it("finds every kind of fee named, through spaces and punctuation", () => {
    const result = screenForUpfrontFees("急招保安", "先交 培训-费 300，体检费自理；服装费从工资扣");
    assert.deepEqual(result.terms.sort(), ["体检费", "培训费", "服装费"].sort());
  });

  it("refuses agency fees and work-uniform fees", () => {
    assert.equal(screenForUpfrontFees("收中介费100元").ok, false);
    assert.equal(screenForUpfrontFees("工装费50").ok, false);
    assert.equal(screenForUpfrontFees("介绍费一次性收取").ok, false);
    assert.equal(screenForUpfrontFees("保证金500").ok, false);
  });

  it("lets an honest post promise there is no fee", () => {
    assert.equal(screenForUpfrontFees("无押金，不收任何培训费，免体检费").ok, true);
    assert.equal(screenForUpfrontFees("日结200元，工具由我方提供").ok, true);
  });

  it("is not fooled by a denial far from the fee", () => {
    const result = screenForUpfrontFees("不要迟到，押金200元");
    assert.equal(result.ok, false);
  });
});
