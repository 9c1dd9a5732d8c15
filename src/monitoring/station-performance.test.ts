import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { startTestApp, type TestApp } from "../../test/support/app.ts";
import {
  type Actor,
  employer,
  JINGKOU,
  postedGig,
  RUNZHOU,
  stationStaff,
  worker,
} from "../../test/support/market-fixtures.ts";
import { bookings, complaints, payments, serviceRecords, users, workerProfiles } from "../db/schema/index.ts";
import { ManualClock } from "../platform/clock.ts";
import { foldPerformance, median } from "./station-performance.ts";

describe("station performance (驿站服务绩效), the counting rules", () => {
  it("the median is the middle value, or the mean of the two middle ones", () => {
    assert.equal(median([]), null);
    assert.equal(median([70, 30]), 50);
    assert.equal(median([5, 100, 12]), 12);
  });

  it("over the period a person counts once; her days each count", () => {
    const folded = foldPerformance({
      services: [
        { stationId: "A", day: "2030-03-05", personId: "w1", services: 2, registrations: 1 },
        { stationId: "A", day: "2030-03-06", personId: "w1", services: 1, registrations: 0 },
      ],
      bookings: [
        { stationId: "A", day: "2030-03-05", workerId: "w1", minutesFromArrival: 20 },
        { stationId: "A", day: "2030-03-06", workerId: "w1", minutesFromArrival: null },
      ],
      paid: [],
      closed: [{ stationId: "A", day: "2030-03-06", complaints: 2 }],
    });
    assert.deepEqual(
      folded.days.map((d) => [d.day, d.walkIns, d.services, d.peopleBooked, d.medianMinutesToBooking]),
      [
        ["2030-03-05", 1, 2, 1, 20],
        ["2030-03-06", 1, 1, 1, null],
      ],
    );
    const total = folded.totals.get("A");
    assert.equal(total?.walkIns, 1);
    assert.equal(total?.peopleBooked, 1);
    assert.equal(total?.complaintsHandled, 2);
    assert.equal(total?.bookedOnArrivalDay, 1);
  });
});

/** 2030-03-05 in Shanghai, at hh:mm local time. */
const onDay5 = (hhmm: string) => new Date(`2030-03-05T${hhmm}:00+08:00`);
const onDay6 = (hhmm: string) => new Date(`2030-03-06T${hhmm}:00+08:00`);

describe("station performance for the bureau, against a hand-built day", () => {
  let t: TestApp;
  let staffA: Actor;
  let staffB: Actor;
  let staffC: Actor;
  const station: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };

  before(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2030-03-01T00:00:00Z")) });
    const db = t.ctx.database.db;
    staffA = await stationStaff(t);
    staffB = await stationStaff(t);
    staffC = await stationStaff(t, JINGKOU.districtCode);
    for (const [key, staff] of [
      ["A", staffA],
      ["B", staffB],
      ["C", staffC],
    ] as const) {
      const [row] = await db.select({ s: users.stationId }).from(users).where(eq(users.id, staff.userId));
      station[key] = row.s as string;
    }
    const boss = await employer(t);
    const gigId = await postedGig(t, boss);
    const [w1, w2, w3, w4, w5] = await Promise.all(
      ["周秀兰", "王桂英", "陈德明", "刘建国", "孙玉梅"].map((name) => worker(t, { name })),
    );
    await db
      .update(workerProfiles)
      .set({ registeredByStationId: station.A })
      .where(eq(workerProfiles.userId, w1.userId));
    const service = (
      s: "A" | "B" | "C",
      staff: Actor,
      who: Actor,
      kind: "registration" | "job_referral" | "on_behalf" | "follow_up",
      at: Date,
    ) => ({
      cityCode: "321100",
      districtCode: s === "C" ? JINGKOU.districtCode : RUNZHOU.districtCode,
      stationId: station[s],
      staffUserId: staff.userId,
      personUserId: who.userId,
      kind,
      createdAt: at,
    });
    await db
      .insert(serviceRecords)
      .values([
        service("A", staffA, w1, "registration", onDay5("09:00")),
        service("A", staffA, w2, "job_referral", onDay5("10:00")),
        service("A", staffA, w2, "on_behalf", onDay5("10:20")),
        service("A", staffA, w3, "job_referral", onDay5("14:00")),
        service("A", staffA, w4, "follow_up", onDay5("15:00")),
        service("B", staffB, w1, "follow_up", onDay5("16:00")),
        service("C", staffC, w5, "registration", onDay5("09:30")),
      ]);
    const booking = (who: Actor, at: Date) => ({
      cityCode: "321100",
      gigId,
      workerId: who.userId,
      employerId: boss.employerId,
      createdAt: at,
    });
    const booked = await db
      .insert(bookings)
      .values([
        booking(w1, onDay5("09:30")),
        booking(w2, onDay5("11:10")),
        booking(w3, onDay6("09:00")),
        // Booked by herself before she ever came to the station: not the station's doing.
        booking(w4, onDay5("08:00")),
        booking(w5, onDay5("10:00")),
      ])
      .returning({ id: bookings.id, workerId: bookings.workerId });
    const w1Booking = booked.find((b) => b.workerId === w1.userId)?.id as string;
    await db.insert(payments).values({
      cityCode: "321100",
      bookingId: w1Booking,
      amountFen: 200_00,
      method: "cash",
      paidAt: onDay6("09:00"),
      recordedBy: boss.userId,
      status: "confirmed",
      confirmedAt: onDay6("10:00"),
    });
    const complaint = (staff: Actor, districtCode: string, who: Actor) => ({
      cityCode: "321100",
      districtCode,
      kind: "wage_arrears" as const,
      complainantUserId: who.userId,
      description: "欠薪",
      status: "resolved" as const,
      assignedTo: staff.userId,
      dueAt: onDay6("17:00"),
      resolvedAt: onDay5("17:00"),
    });
    await db
      .insert(complaints)
      .values([complaint(staffA, RUNZHOU.districtCode, w2), complaint(staffC, JINGKOU.districtCode, w5)]);
  });
  after(() => t.close());

  const query = "?period=custom&date=2030-03-05&until=2030-03-06";

  it("the district admin sees her district's stations, per day and for the period", async () => {
    const admin = await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode });
    const response = await t.request("GET", `/api/monitoring/stations${query}`, { as: admin.token });
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json();
    const figures = (r: Record<string, unknown>) => [
      r.walkIns,
      r.services,
      r.registrations,
      r.peopleBooked,
      r.peoplePaid,
      r.complaintsHandled,
      r.medianMinutesToBooking,
    ];
    const days = Object.fromEntries(
      page.days.map((d: Record<string, unknown>) => [
        `${d.stationId === station.A ? "A" : "B"} ${d.day}`,
        figures(d),
      ]),
    );
    assert.deepEqual(days, {
      // 4 people, 5 services, 1 registration; 周 booked 30 min after arriving, 王 70: median 50.
      "A 2030-03-05": [4, 5, 1, 2, 0, 1, 50],
      // 陈 came the day before: booked, but no same-day arrival to time; 周 confirmed her pay.
      "A 2030-03-06": [0, 0, 0, 1, 1, 0, null],
      "B 2030-03-05": [1, 1, 0, 0, 0, 0, null],
      // B served 周 too (after her booking, so not its booking): her pay counts for both stations.
      "B 2030-03-06": [0, 0, 0, 0, 1, 0, null],
    });
    const totals = Object.fromEntries(
      page.stations.map((s: Record<string, unknown>) => [s.stationId === station.A ? "A" : "B", figures(s)]),
    );
    assert.deepEqual(totals, {
      A: [4, 5, 1, 3, 1, 1, 50],
      B: [1, 1, 0, 0, 1, 0, null],
    });
  });

  it("the city admin sees every district's; a district admin cannot look at another district", async () => {
    const city = await t.tokenFor("city_admin");
    const page = (await t.request("GET", `/api/monitoring/stations${query}`, { as: city.token })).json();
    const c = page.stations.find((s: { stationId: string }) => s.stationId === station.C);
    assert.deepEqual([c.walkIns, c.registrations, c.peopleBooked, c.complaintsHandled], [1, 1, 1, 1]);
    assert.equal(page.stations.length, 3);
    assert.equal(c.districtName, "京口区");

    const admin = await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode });
    const peek = await t.request("GET", `/api/monitoring/stations${query}&district=321102`, {
      as: admin.token,
    });
    assert.equal(peek.statusCode, 403);
    assert.equal(peek.json().error.code, "out_of_scope");
    const staff = await t.request("GET", `/api/monitoring/stations${query}`, { as: staffA.token });
    assert.equal(staff.statusCode, 403);
  });

  it("exports the table as .xlsx with Chinese headers", async () => {
    const admin = await t.tokenFor("district_admin", { districtCode: RUNZHOU.districtCode });
    const file = await t.request("GET", `/api/monitoring/exports/stations.xlsx${query}`, { as: admin.token });
    assert.equal(file.statusCode, 200, file.body);
    assert.match(String(file.headers["content-disposition"]), /stations_321111_2030-03-05\.xlsx/);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 5), [
      "驿站",
      "区划代码",
      "日期",
      "服务人数",
    ]);
    assert.equal(sheet.getRow(3).getCell(3).value, "本期合计");
  });
});
