/**
 * A small market for the monitoring tests: employers, gigs, workers and applications written
 * as rows with their market events, the way the market's services write them. Each row is in the
 * city of its district (镇江 by default): the first four digits of a GB/T 2260 district code are
 * its city's, so the same fixtures put a market in 南京 (320102 …) once city:add has added it.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { applications, bookings, employers, gigs, users, workerProfiles } from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";

const CITY = "321100";
const cityOf = (districtCode: string | undefined) =>
  districtCode === undefined ? CITY : `${districtCode.slice(0, 4)}00`;
let serial = 0;

export async function addEmployer(
  db: DbOrTx,
  districtCode: string,
  industryCode: string,
  at: Date,
): Promise<string> {
  serial += 1;
  const cityCode = cityOf(districtCode);
  const [owner] = await db
    .insert(users)
    .values({
      cityCode,
      role: "employer",
      phone: `1370000${String(serial).padStart(4, "0")}`,
      createdAt: at,
    })
    .returning({ id: users.id });
  const [employer] = await db
    .insert(employers)
    .values({
      cityCode,
      ownerUserId: owner.id,
      kind: "enterprise",
      name: `镇江测试公司${serial}`,
      industryCode,
      districtCode,
      createdAt: at,
    })
    .returning({ id: employers.id });
  await recordMarketEvent(db, {
    cityCode,
    kind: "employer_registered",
    districtCode,
    subjectId: employer.id,
    at,
  });
  return employer.id;
}

export interface GigSpec {
  employerId: string;
  districtCode: string;
  categoryCode: string;
  headcount: number;
  payFen: number;
  payUnit?: "day" | "hour" | "piece";
  postedAt: Date;
  /** When the work begins; the posting time by default. */
  startsAt?: Date;
  endsAt: Date;
}

export async function postGig(db: DbOrTx, spec: GigSpec): Promise<string> {
  const [employer] = await db.select().from(employers).where(eq(employers.id, spec.employerId));
  const [gig] = await db
    .insert(gigs)
    .values({
      cityCode: employer.cityCode,
      districtCode: spec.districtCode,
      employerId: spec.employerId,
      postedByUserId: employer.ownerUserId,
      categoryCode: spec.categoryCode,
      title: `${spec.categoryCode} 测试岗位`,
      address: "镇江市测试路1号",
      lat: 32.2,
      lng: 119.45,
      startsAt: spec.startsAt ?? spec.postedAt,
      endsAt: spec.endsAt,
      headcount: spec.headcount,
      payFen: spec.payFen,
      payUnit: spec.payUnit ?? "day",
      settlement: "same_day",
      checkInCode: "1234",
      createdAt: spec.postedAt,
      updatedAt: spec.postedAt,
    })
    .returning({ id: gigs.id });
  await recordMarketEvent(db, {
    cityCode: employer.cityCode,
    kind: "gig_posted",
    districtCode: spec.districtCode,
    categoryCode: spec.categoryCode,
    subjectId: gig.id,
    quantity: spec.headcount,
    at: spec.postedAt,
  });
  return gig.id;
}

export async function cancelGig(db: DbOrTx, gigId: string, at: Date): Promise<void> {
  const [gig] = await db
    .update(gigs)
    .set({ status: "cancelled", updatedAt: at })
    .where(eq(gigs.id, gigId))
    .returning();
  await recordMarketEvent(db, {
    cityCode: gig.cityCode,
    kind: "gig_cancelled",
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    subjectId: gigId,
    at,
  });
}

export interface WorkerSpec {
  name: string;
  phone: string;
  sex: "male" | "female";
  birthYear: number;
  education: string;
  categoryCodes: string[];
  anyCategory?: boolean;
  districtCodes: string[];
  registeredAt: Date;
  /** The city of the first district by default; 镇江 for a worker who takes work anywhere. */
  cityCode?: string;
}

export async function registerWorker(db: DbOrTx, spec: WorkerSpec): Promise<string> {
  const cityCode = spec.cityCode ?? cityOf(spec.districtCodes[0]);
  const [user] = await db
    .insert(users)
    .values({
      cityCode,
      role: "worker",
      phone: spec.phone,
      displayName: spec.name,
      createdAt: spec.registeredAt,
    })
    .returning({ id: users.id });
  await db.insert(workerProfiles).values({
    userId: user.id,
    cityCode,
    name: spec.name,
    sex: spec.sex,
    birthYear: spec.birthYear,
    education: spec.education,
    categoryCodes: spec.categoryCodes,
    anyCategory: spec.anyCategory ?? false,
    districtCodes: spec.districtCodes,
    seekingSince: spec.registeredAt,
  });
  await recordMarketEvent(db, {
    cityCode,
    kind: "worker_registered",
    districtCode: spec.districtCodes[0] ?? null,
    subjectId: user.id,
    at: spec.registeredAt,
  });
  return user.id;
}

export async function apply(db: DbOrTx, gigId: string, workerId: string, at: Date): Promise<string> {
  const [gig] = await db.select().from(gigs).where(eq(gigs.id, gigId));
  const [application] = await db
    .insert(applications)
    .values({ cityCode: gig.cityCode, gigId, workerId, kind: "application", createdAt: at })
    .returning({ id: applications.id });
  await recordMarketEvent(db, {
    cityCode: gig.cityCode,
    kind: "application_made",
    districtCode: gig.districtCode,
    categoryCode: gig.categoryCode,
    subjectId: application.id,
    at,
  });
  return application.id;
}

/** A booking of the worker on the gig, with its event, which names the booking only, as accepting does. */
export async function book(db: DbOrTx, gigId: string, workerId: string, at: Date): Promise<string> {
  const [gig] = await db.select().from(gigs).where(eq(gigs.id, gigId));
  const [booking] = await db
    .insert(bookings)
    .values({ cityCode: gig.cityCode, gigId, workerId, employerId: gig.employerId, createdAt: at })
    .returning({ id: bookings.id });
  await bookingEvent(db, booking.id, "booking_made", at);
  return booking.id;
}

/** Another event of a booking (cancelled, no-show), recorded as the booking services do. */
export async function bookingEvent(
  db: DbOrTx,
  bookingId: string,
  kind: "booking_made" | "booking_cancelled" | "no_show",
  at: Date,
): Promise<void> {
  const [row] = await db
    .select({ cityCode: bookings.cityCode, districtCode: gigs.districtCode, categoryCode: gigs.categoryCode })
    .from(bookings)
    .innerJoin(gigs, eq(gigs.id, bookings.gigId))
    .where(eq(bookings.id, bookingId));
  await recordMarketEvent(db, { kind, ...row, subjectId: bookingId, at });
}

/** A local (Asia/Shanghai) time as an instant. */
export const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
