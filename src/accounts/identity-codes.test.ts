import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { birthYearOfIdNumber, isValidCreditCode, isValidIdNumber } from "./identity-codes.ts";

describe("identity codes", () => {
  it("accepts an ID number whose check character matches, and refuses a typo", () => {
    // 11010519491231002X is the standard's own worked example.
    assert.ok(isValidIdNumber("11010519491231002X"));
    assert.ok(!isValidIdNumber("110105194912310021"));
    assert.ok(!isValidIdNumber("1101051949123100"));
    assert.equal(birthYearOfIdNumber("11010519491231002X"), 1949);
  });

  it("accepts a credit code whose check character matches, and refuses a typo", () => {
    // 91350100M000100Y43 is a widely published example with a correct check character.
    assert.ok(isValidCreditCode("91350100M000100Y43"));
    assert.ok(!isValidCreditCode("91350100M000100Y44"));
    assert.ok(!isValidCreditCode("91350100M000100YI3"), "I is not in the code's alphabet");
  });
});
