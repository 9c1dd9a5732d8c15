/**
 * A worker and an employer with a little of everything the platform keeps about people: a worked,
 * approved and paid shift, ratings both ways, a complaint, a staff view of the booking, consent,
 * a job alert; the worker's profile carries an ID number. For 我的数据 and 注销账号 tests.
 */

import { eq } from "drizzle-orm";
import { workerProfiles } from "../../src/db/schema/index.ts";
import type { ManualClock } from "../../src/platform/clock.ts";
import { recordConsent } from "../../src/privacy/consent.service.ts";
import { maskIdNumber } from "../../src/privacy/mask.ts";
import type { TestApp } from "./app.ts";
import { ACCEPTED_CONSENT } from "./app.ts";
import { stationStaff } from "./market-fixtures.ts";
import { type BookedShift, workedShift } from "./shift-fixtures.ts";

export interface WorkingLife extends BookedShift {
  workerName: string;
  idNumber: string;
  complaintId: string;
}

async function ok(response: Promise<{ statusCode: number; body: string }>, what: string) {
  const answer = await response;
  if (answer.statusCode >= 300) throw new Error(`${what} failed: ${answer.body}`);
  return answer;
}

export async function workingLife(
  t: TestApp,
  clock: ManualClock,
  person: { workerName: string; idNumber: string },
): Promise<WorkingLife> {
  const shift = await workedShift(t, clock);
  const db = t.ctx.database.db;
  await db
    .update(workerProfiles)
    .set({
      name: person.workerName,
      // Only the masked form is kept (decision 0012); the full number lies in the free text.
      idNumberMasked: maskIdNumber(person.idNumber),
      intro: `我叫${person.workerName}，电话${shift.who.phone}，身份证${person.idNumber}`,
    })
    .where(eq(workerProfiles.userId, shift.who.userId));
  for (const who of [shift.who, shift.boss]) {
    await recordConsent(db, {
      ...ACCEPTED_CONSENT,
      userId: who.userId,
      cityCode: "321100",
      channel: "worker_app",
      at: clock.now(),
    });
  }
  const as = (token: string, method: string, url: string, body: unknown = {}) =>
    ok(t.request(method, url, { as: token, body: method === "GET" ? undefined : body }), `${method} ${url}`);
  await as(shift.boss.token, "POST", `/api/bookings/${shift.bookingId}/timesheet/approve`);
  const paid = await as(shift.boss.token, "POST", `/api/bookings/${shift.bookingId}/payments`, {
    amountFen: 200_00,
    method: "wechat",
    paidAt: clock.now().toISOString(),
    note: `付给${person.workerName}`,
  });
  await as(shift.who.token, "POST", `/api/payments/${JSON.parse(paid.body).id}/confirm`);
  await as(shift.who.token, "POST", `/api/bookings/${shift.bookingId}/ratings`, {
    stars: 5,
    tags: ["按时结算"],
  });
  await as(shift.boss.token, "POST", `/api/bookings/${shift.bookingId}/ratings`, {
    stars: 4,
    tags: ["准时"],
    comment: `${person.workerName}干活麻利`,
  });
  const complaint = await as(shift.who.token, "POST", "/api/complaints", {
    kind: "abuse",
    bookingId: shift.bookingId,
    description: `我是${person.workerName}，手机${shift.who.phone}，现场管理人员辱骂我`,
  });
  const staff = await stationStaff(t);
  await as(staff.token, "GET", `/api/bookings/${shift.bookingId}`);
  return { ...shift, ...person, complaintId: JSON.parse(complaint.body).id };
}
