import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldFillEvents, NO_FILL } from "./fill.ts";
import {
  ageBand,
  cancellationRate,
  dailyPayFen,
  figure,
  fillRate,
  median,
  noShowRate,
} from "./indicators.ts";
import {
  comparePeriods,
  localDay,
  type Period,
  periodContaining,
  previousPeriod,
  samePeriodLastYear,
} from "./periods.ts";
import { computeSupplyDemand, type RatioRow, sumSupplyDemands } from "./supply-demand.ts";
import { foldSeekingActs, vacancyValidity } from "./validity.ts";

const span = (p: Period) => `${p.from}..${p.to}`;
const byKey = (rows: RatioRow[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe("reporting periods", () => {
  it("a running period is compared like for like: the same elapsed days, marked partial", () => {
    // On 2 December, December so far (2 days) against 1–2 November and 1–2 December last year.
    const c = comparePeriods(periodContaining("month", "2026-12-01"), "2026-12-02");
    assert.deepEqual(
      [span(c.current), span(c.previous), span(c.lastYear), c.partial, c.days],
      ["2026-12-01..2026-12-03", "2026-11-01..2026-11-03", "2025-12-01..2025-12-03", true, 2],
    );
    // On 31 March, the previous month (February, 29 days in 2024) is whole, not longer.
    const march = comparePeriods(periodContaining("month", "2024-03-01"), "2024-03-31");
    assert.equal(span(march.previous), "2024-02-01..2024-03-01");
    // A closed period is compared whole.
    const closed = comparePeriods(periodContaining("month", "2026-11-01"), "2026-12-02");
    assert.deepEqual(
      [span(closed.current), span(closed.previous), closed.partial],
      ["2026-11-01..2026-12-01", "2026-10-01..2026-11-01", false],
    );
  });

  it("a month compares with the month before and the same month last year", () => {
    const march = periodContaining("month", "2024-03-15");
    assert.equal(span(march), "2024-03-01..2024-04-01");
    assert.equal(span(previousPeriod(march)), "2024-02-01..2024-03-01");
    assert.equal(span(samePeriodLastYear(march)), "2023-03-01..2023-04-01");
  });

  it("a week starts on Monday and compares with the same weekdays a year before", () => {
    const week = periodContaining("week", "2024-03-15");
    assert.equal(span(week), "2024-03-11..2024-03-18");
    assert.equal(span(previousPeriod(week)), "2024-03-04..2024-03-11");
    assert.equal(span(samePeriodLastYear(week)), "2023-03-13..2023-03-20");
  });

  it("a quarter, a day and a custom range across 29 February", () => {
    const q2 = periodContaining("quarter", "2024-05-20");
    assert.equal(span(q2), "2024-04-01..2024-07-01");
    assert.equal(span(previousPeriod(q2)), "2024-01-01..2024-04-01");
    assert.equal(span(previousPeriod(periodContaining("day", "2024-01-01"))), "2023-12-31..2024-01-01");
    const custom = periodContaining("custom", "2024-02-29", "2024-03-01");
    assert.equal(span(custom), "2024-02-29..2024-03-02");
    assert.equal(span(previousPeriod(custom)), "2024-02-27..2024-02-29");
    assert.equal(span(samePeriodLastYear(custom)), "2023-02-28..2023-03-02");
  });

  it("refuses impossible dates and ranges longer than a year", () => {
    assert.throws(() => periodContaining("day", "2023-02-29"), { code: "invalid_period" });
    assert.throws(() => periodContaining("custom", "2024-01-01", "2025-01-05"), { code: "invalid_period" });
    assert.throws(() => periodContaining("custom", "2024-03-02", "2024-03-01"), { code: "invalid_period" });
  });

  it("counts a half past midnight in Zhenjiang on the local day", () => {
    assert.equal(localDay(new Date("2024-03-14T16:30:00Z")), "2024-03-15");
  });
});

describe("rates, medians and comparisons", () => {
  it("a rate of nothing is unknown, not zero", () => {
    assert.equal(fillRate(9, 12), 0.75);
    assert.equal(fillRate(0, 0), null);
    assert.equal(cancellationRate(1, 8), 0.125);
    assert.equal(noShowRate(1, 19), 0.05);
  });

  it("岗位满足率 counts the places held when the start day ended, from the gig's events (docs/indicators.md)", () => {
    const events = [
      { kind: "booking_made", day: "2024-05-08" },
      { kind: "booking_made", day: "2024-05-09" },
      { kind: "booking_made", day: "2024-05-09" },
      { kind: "booking_cancelled", day: "2024-05-09" },
      { kind: "booking_made", day: "2024-05-10" },
      { kind: "no_show", day: "2024-05-10" },
      { kind: "booking_made", day: "2024-05-11" },
      { kind: "gig_closed", day: "2024-05-11" },
    ];
    const facts = foldFillEvents("2024-05-10", NO_FILL, events);
    assert.deepEqual(facts, { filledByStart: 3, withdrawnByStart: false });
    assert.equal(fillRate(facts.filledByStart, 4), 0.75);
    // Counted a batch at a time, the same; a withdrawal after the start day changes nothing.
    const inTwo = foldFillEvents("2024-05-10", foldFillEvents("2024-05-10", NO_FILL, events.slice(0, 3)), [
      ...events.slice(3),
      { kind: "gig_cancelled", day: "2024-05-12" },
    ]);
    assert.deepEqual(inTwo, facts);
    assert.equal(
      foldFillEvents("2024-05-10", NO_FILL, [{ kind: "gig_cancelled", day: "2024-05-09" }]).withdrawnByStart,
      true,
    );
  });

  it("changes against the previous period and last year", () => {
    assert.deepEqual(figure(120, 100, 80), {
      value: 120,
      previous: 100,
      lastYear: 80,
      vsPrevious: 0.2,
      vsLastYear: 0.5,
      changeIn: "percent",
    });
    assert.equal(figure(5, 0, null).vsPrevious, null);
  });

  it("a ratio changes in points, this − that, even from 0", () => {
    // 求人倍率 1.25 this month, 1.50 last month, 0 a year ago: −0.25 and +1.25 points.
    assert.deepEqual(figure(1.25, 1.5, 0, "points"), {
      value: 1.25,
      previous: 1.5,
      lastYear: 0,
      vsPrevious: -0.25,
      vsLastYear: 1.25,
      changeIn: "points",
    });
  });

  it("medians, age bands and a day's pay", () => {
    assert.equal(median([300, 100, 200]), 200);
    assert.equal(median([100, 200, 300, 1000]), 250);
    assert.equal(median([]), null);
    assert.equal(ageBand(2000, 2024), "16-24");
    assert.equal(ageBand(1999, 2024), "25-34");
    assert.equal(ageBand(1980, 2024), "35-44");
    assert.equal(ageBand(1979, 2024), "45+");
    assert.equal(ageBand(2010, 2024), null);
    assert.equal(dailyPayFen(2500, "hour"), 20000);
    assert.equal(dailyPayFen(50, "piece"), null);
  });
});

describe("valid (有效) vacancies and seekers", () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  const gig = {
    postedAt: at("2024-03-01T10:00:00"),
    endsAt: at("2024-03-05T18:00:00"),
    stoppedAt: null,
  };

  it("an open gig's vacancies are valid from posting through the day its work ends", () => {
    assert.deepEqual(vacancyValidity(gig), { validFrom: "2024-03-01", validUntil: "2024-03-06" });
  });

  it("a gig stops counting after the day of its first fill, cancellation or close, or its end", () => {
    // Filled late on 2 March (local time): 2 March is its last valid day.
    assert.equal(vacancyValidity({ ...gig, stoppedAt: at("2024-03-02T23:00:00") }).validUntil, "2024-03-03");
    // A stop recorded after the work ended does not lengthen it.
    assert.equal(vacancyValidity({ ...gig, stoppedAt: at("2024-03-09T10:00:00") }).validUntil, "2024-03-06");
    // Stopped the day it was posted: valid that one day.
    assert.equal(vacancyValidity({ ...gig, stoppedAt: at("2024-03-01T12:00:00") }).validUntil, "2024-03-02");
  });

  it("a seeker stays valid through the 30th day after the last seeking act; a later act starts a new spell", () => {
    const { latest, added } = foldSeekingActs(null, ["2024-03-10", "2024-03-01", "2024-05-01", "2024-03-10"]);
    assert.equal(latest, null);
    // Last act 10 March: valid through 9 April (10 March + 30 days), so until (exclusive) 10 April.
    assert.deepEqual(added, [
      {
        validFrom: "2024-03-01",
        lastActiveDay: "2024-03-10",
        validUntil: "2024-04-10",
        actDays: ["2024-03-01", "2024-03-10"],
      },
      {
        validFrom: "2024-05-01",
        lastActiveDay: "2024-05-01",
        validUntil: "2024-06-01",
        actDays: ["2024-05-01"],
      },
    ]);
    // An act on the last valid day (31 May) extends the spell; the next day would start a new one.
    assert.deepEqual(foldSeekingActs(added[1], ["2024-05-31"]).added, []);
    assert.equal(foldSeekingActs(added[1], ["2024-06-01"]).added.length, 1);
    const extended = foldSeekingActs(added[1], ["2024-05-20"]);
    assert.deepEqual(extended.latest, {
      validFrom: "2024-05-01",
      lastActiveDay: "2024-05-20",
      validUntil: "2024-06-20",
      actDays: ["2024-05-01", "2024-05-20"],
    });
    assert.deepEqual(extended.added, []);
    // A late act inside the spell changes no bound, but she was active that day.
    const late = foldSeekingActs(extended.latest, ["2024-05-10"]).latest;
    assert.deepEqual(late?.actDays, ["2024-05-01", "2024-05-10", "2024-05-20"]);
    assert.equal(late?.validUntil, "2024-06-20");
  });

  it("a worker is active in a period only with a seeking act inside it, not one after it", () => {
    // Acts on 25 April and 3 May: valid all of May, active in April and in May's first week, but
    // not in the week of 10 May, nor in April's figures because of the act of 3 May.
    const { added } = foldSeekingActs(null, ["2024-04-25", "2024-05-03"]);
    const actedWithin = (from: string, to: string) => added[0].actDays.some((d) => d >= from && d < to);
    assert.equal(added.length, 1);
    assert.equal(actedWithin("2024-04-01", "2024-05-01"), true);
    assert.equal(actedWithin("2024-04-29", "2024-05-06"), true);
    assert.equal(actedWithin("2024-05-06", "2024-05-13"), false);
    assert.equal(
      actedWithin("2024-04-26", "2024-05-01"),
      false,
      "the act of 3 May does not make her active in late April",
    );
  });
});

describe("求人倍率 on a small market computed by hand", () => {
  // Demand: cleaning 10 (6 in 京口 for industry O, 4 in 润州 for G), loading 30 (京口, G): 40 in all.
  // Seekers: 5 women 45+ want cleaning, 10 men 25–34 loading, 3 women 35–44 housekeeping,
  // and 4 men 45+ take any work: 22 in all.
  const groups: Record<string, number> = { cleaning: 4, housekeeping: 4, loading: 6 };
  const result = computeSupplyDemand(
    [
      { categoryCode: "cleaning", districtCode: "321102", industryCode: "O", vacancies: 6 },
      { categoryCode: "cleaning", districtCode: "321111", industryCode: "G", vacancies: 4 },
      { categoryCode: "loading", districtCode: "321102", industryCode: "G", vacancies: 30 },
    ],
    [
      { categoryCode: "cleaning", sex: "female", ageBand: "45+", education: "junior", people: 5 },
      { categoryCode: "loading", sex: "male", ageBand: "25-34", education: "senior", people: 10 },
      { categoryCode: "housekeeping", sex: "female", ageBand: "35-44", education: "junior", people: 3 },
      { categoryCode: null, sex: "male", ageBand: "45+", education: "primary", people: 4 },
    ],
    [
      { districtCode: "321102", people: 12 },
      { districtCode: "321111", people: 4 },
      { districtCode: null, people: 6 },
    ],
    (code) => groups[code],
  );

  it("overall: 40 vacancies for 22 seekers is 1.82", () => {
    assert.deepEqual(result.overall, {
      key: "all",
      demand: 40,
      seekers: 22,
      seekersForRatio: 22,
      ratio: 1.82,
    });
    assert.equal(result.anyCategorySeekers, 4);
    assert.equal(result.anyDistrictSeekers, 6);
  });

  it("by category: the 4 open to any work go 1 to cleaning and 3 to loading, but are shown apart", () => {
    const rows = byKey(result.byCategory);
    assert.deepEqual(rows.cleaning, {
      key: "cleaning",
      demand: 10,
      seekers: 5,
      seekersForRatio: 6,
      ratio: 1.67,
    });
    assert.deepEqual(rows.loading, {
      key: "loading",
      demand: 30,
      seekers: 10,
      seekersForRatio: 13,
      ratio: 2.31,
    });
    assert.deepEqual(rows.housekeeping, {
      key: "housekeeping",
      demand: 0,
      seekers: 3,
      seekersForRatio: 3,
      ratio: 0,
    });
    const groupRows = byKey(result.byOccupationGroup);
    assert.equal(groupRows["4"].ratio, 1.11); // 10 ÷ (6 + 3)
    assert.equal(groupRows["6"].ratio, 2.31);
  });

  it("by district: 6 seekers with no district spread 5.4 to 京口 and 0.6 to 润州", () => {
    const rows = byKey(result.byDistrict);
    assert.equal(rows["321102"].seekersForRatio, 17.4);
    assert.equal(rows["321102"].ratio, 2.07); // 36 ÷ 17.4
    assert.equal(rows["321111"].ratio, 0.87); // 4 ÷ 4.6
  });

  it("by industry: each industry faces the seekers of the work it offers", () => {
    const rows = byKey(result.byIndustry);
    assert.equal(rows.O.seekersForRatio, 3.6); // 6 of cleaning's 10 → 6 × 6/10
    assert.equal(rows.O.ratio, 1.67);
    assert.equal(rows.G.seekersForRatio, 15.4); // 6 × 4/10 + 13
    assert.equal(rows.G.ratio, 2.21);
  });

  it("by sex and age: each group faces its share of the demand for the work it seeks", () => {
    const sex = byKey(result.bySex);
    // Women: 5/6 of cleaning's 10 = 8.33 for 8 people. Men: 30 × 10/13 + 10 × 1/6 + 30 × 3/13 = 31.67 for 14.
    assert.deepEqual([sex.female.demand, sex.female.seekers, sex.female.ratio], [8, 8, 1.04]);
    assert.deepEqual([sex.male.demand, sex.male.seekers, sex.male.ratio], [32, 14, 2.26]);
    const age = byKey(result.byAgeBand);
    assert.equal(age["45+"].ratio, 1.88); // (8.33 + 1.67 + 6.92) ÷ 9
    assert.equal(age["35-44"].ratio, 0);
  });

  it("lists shortages from the highest ratio and surpluses from the lowest", () => {
    assert.deepEqual(
      result.shortages.map((r) => r.key),
      ["loading", "cleaning"],
    );
    assert.deepEqual(
      result.surpluses.map((r) => r.key),
      ["housekeeping", "cleaning", "loading"],
    );
  });
});

describe("求人倍率 of a province: its cities computed one by one, then added up", () => {
  const seeker = (categoryCode: string | null, people: number) => ({
    categoryCode,
    sex: "female",
    ageBand: null,
    education: null,
    people,
  });
  // 镇江: 4 cleaning places in 京口 for 1 cleaner there. 南京: 3 in 玄武, 3 seekers, 2 of them open
  // to any district of 南京.
  const zhenjiang = computeSupplyDemand(
    [{ categoryCode: "cleaning", districtCode: "321102", industryCode: "C", vacancies: 4 }],
    [seeker("cleaning", 1)],
    [{ districtCode: "321102", people: 1 }],
    () => 4,
  );
  const nanjing = computeSupplyDemand(
    [{ categoryCode: "cleaning", districtCode: "320102", industryCode: "G", vacancies: 3 }],
    [seeker("cleaning", 3)],
    [
      { districtCode: "320102", people: 1 },
      { districtCode: null, people: 2 },
    ],
    () => 4,
  );
  const province = sumSupplyDemands([zhenjiang, nanjing]);

  it("adds up demand and seekers and divides the sums: 7 for 4 is 1.75, not the mean of 4 and 1", () => {
    assert.deepEqual(province.overall, {
      key: "all",
      demand: 7,
      seekers: 4,
      seekersForRatio: 4,
      ratio: 1.75,
    });
    assert.equal(province.byCategory[0]?.ratio, 1.75);
    assert.equal(province.anyDistrictSeekers, 2);
  });

  it("keeps 南京's seekers open to any district in 南京's districts", () => {
    const of = (key: string) => province.byDistrict.find((r) => r.key === key);
    assert.equal(of("321102")?.seekersForRatio, 1);
    assert.equal(of("320102")?.seekersForRatio, 3);
  });
});
