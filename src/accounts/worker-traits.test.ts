import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskIdNumber } from "../privacy/mask.ts";
import { ageOn, distinctEntries, idNumberDigest, readIdNumber, resolveTraits } from "./worker-traits.ts";

// Numbers in the real format: a Zhenjiang division (321102 京口区, 321111 润州区, 321183 句容市),
// a birth date, a three-digit sequence whose last digit is odd for men, and the MOD 11-2 check.
const WOMAN_1965 = "321102196505061222";
const MAN_1970 = "321111197003152811";
const MAN_1958 = "321183195811204512";
const LEAP_DAY_2008 = "321102200802290012";
const TODAY = "2026-12-02";

describe("the resident ID number (GB 11643)", () => {
  it("gives the birth date and sex of a valid number", () => {
    assert.deepEqual(readIdNumber(WOMAN_1965), { birthDate: "1965-05-06", sex: "female" });
    assert.deepEqual(readIdNumber(MAN_1970), { birthDate: "1970-03-15", sex: "male" });
    assert.deepEqual(readIdNumber(MAN_1958), { birthDate: "1958-11-20", sex: "male" });
    assert.deepEqual(readIdNumber(LEAP_DAY_2008), { birthDate: "2008-02-29", sex: "male" });
    // The standard's own example ends in X (check value 10), typed in lower case at a counter.
    assert.deepEqual(readIdNumber("11010519491231002x"), { birthDate: "1949-12-31", sex: "female" });
  });

  it("refuses a typo in any digit, a wrong check character, and a date that is not in the calendar", () => {
    assert.equal(readIdNumber("321102196505061223"), null, "wrong check character");
    assert.equal(readIdNumber("321102196505062122"), null, "two digits swapped");
    assert.equal(readIdNumber("321102196505061X22"), null, "X only as the check character");
    assert.equal(readIdNumber("32110219650506122"), null, "17 characters");
    // Check characters computed correctly for impossible birth dates:
    assert.equal(readIdNumber("321102196502301227"), null, "30 February");
    assert.equal(readIdNumber("321102200702290015"), null, "29 February of a common year");
  });

  it("is kept as a keyed digest that depends on the secret, and shown masked", () => {
    const digest = idNumberDigest("pepper-a", "11010519491231002x");
    assert.equal(digest, idNumberDigest("pepper-a", "11010519491231002X"), "the same number, however typed");
    assert.notEqual(digest, idNumberDigest("pepper-b", "11010519491231002X"));
    assert.match(digest, /^[0-9a-f]{64}$/);
    assert.equal(maskIdNumber(WOMAN_1965), "3211**********1222");
  });
});

describe("a worker's traits from what was entered", () => {
  it("takes birth date and sex from the ID number, and accepts the same stated beside it", () => {
    const result = resolveTraits({ idNumber: WOMAN_1965, sex: "female", birthYear: 1965 }, TODAY);
    assert.deepEqual(result, {
      ok: true,
      traits: {
        birthDate: "1965-05-06",
        birthYear: 1965,
        sex: "female",
        fromIdNumber: { birthDate: "1965-05-06", sex: "female" },
      },
    });
  });

  it("refuses a sex, date or year that disagrees with the ID number", () => {
    const problem = (stated: Parameters<typeof resolveTraits>[0]) => {
      const result = resolveTraits(stated, TODAY);
      return result.ok ? null : result.problem;
    };
    assert.equal(problem({ idNumber: WOMAN_1965, sex: "male" }), "id_number_mismatch");
    assert.equal(problem({ idNumber: WOMAN_1965, birthDate: "1965-06-05" }), "id_number_mismatch");
    assert.equal(problem({ idNumber: WOMAN_1965, birthYear: 1956 }), "id_number_mismatch");
    assert.equal(problem({ idNumber: "321102196505061223" }), "id_number_invalid");
    assert.equal(problem({ birthDate: "1965-05-06", birthYear: 1966 }), "birth_mismatch");
    // An ID number on file binds later edits the same way.
    assert.equal(
      problem({ sex: "male", idOnFile: { birthDate: "1965-05-06", sex: "female" } }),
      "id_number_mismatch",
    );
  });

  it("takes a date of birth, or only a year, when there is no ID number", () => {
    const byDate = resolveTraits({ birthDate: "1961-09-30", sex: "male" }, TODAY);
    assert.ok(byDate.ok && byDate.traits.birthYear === 1961 && byDate.traits.birthDate === "1961-09-30");
    const byYear = resolveTraits({ birthYear: 1961 }, TODAY);
    assert.ok(byYear.ok && byYear.traits.birthDate === null && byYear.traits.birthYear === 1961);
    const nothing = resolveTraits({}, TODAY);
    assert.ok(nothing.ok && nothing.traits.birthYear === null && nothing.traits.sex === null);
  });

  it("refuses someone under 16, counted to the day", () => {
    const fifteen = resolveTraits({ idNumber: "321102201201010024" }, TODAY);
    assert.deepEqual(fifteen, { ok: false, problem: "under_working_age" });
    assert.equal(resolveTraits({ birthDate: "2010-12-03" }, TODAY).ok, false, "16 tomorrow");
    assert.equal(resolveTraits({ birthDate: "2010-12-02" }, TODAY).ok, true, "16 today");
    assert.equal(ageOn("1965-05-06", TODAY), 61);
    assert.equal(ageOn("1965-12-03", TODAY), 60);
  });

  it("keeps each skill or certificate once, trimmed, codes and free text alike", () => {
    assert.deepEqual(distinctEntries(["electrician", " 电工证 ", "electrician", "", "低压电工作业证"]), [
      "electrician",
      "电工证",
      "低压电工作业证",
    ]);
  });
});
