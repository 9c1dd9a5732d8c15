/**
 * Market fixtures for tests: employers and workers with their profiles, and gigs,
 * inserted directly so a test reads as the situation it sets up.
 */
import { eq } from "drizzle-orm";
import { employers, stations, users, workerProfiles } from "../../src/db/schema/index.ts";
import type { TestApp } from "./app.ts";

export interface Actor {
  token: string;
  userId: string;
}
export interface EmployerActor extends Actor {
  employerId: string;
}

/** A point inside 润州区 (321111), near the city centre. */
export const RUNZHOU = { districtCode: "321111", lat: 32.188365, lng: 119.421007 };
/** A point inside 京口区 (321102). */
export const JINGKOU = { districtCode: "321102", lat: 32.184713, lng: 119.636307 };

const HOUR = 3_600_000;

export async function employer(t: TestApp, name = "镇江好帮手保洁有限公司"): Promise<EmployerActor> {
  const actor = await t.tokenFor("employer");
  const [row] = await t.ctx.database.db
    .insert(employers)
    .values({
      cityCode: "321100",
      ownerUserId: actor.userId,
      kind: "enterprise",
      name,
      verification: "verified",
    })
    .returning({ id: employers.id });
  return { ...actor, employerId: row.id };
}

export async function worker(
  t: TestApp,
  profile: Partial<typeof workerProfiles.$inferInsert> = {},
): Promise<Actor & { phone: string }> {
  const actor = await t.tokenFor("worker");
  await t.ctx.database.db.insert(workerProfiles).values({
    userId: actor.userId,
    cityCode: "321100",
    name: "张师傅",
    birthYear: 1975,
    categoryCodes: ["cleaning"],
    homeLat: 32.21,
    homeLng: 119.43,
    experienceYears: 5,
    ...profile,
  });
  const [user] = await t.ctx.database.db
    .select({ phone: users.phone })
    .from(users)
    .where(eq(users.id, actor.userId));
  return { ...actor, phone: user.phone ?? "" };
}

/** Station staff at a 驿站 in the given district. */
export async function stationStaff(t: TestApp, districtCode = RUNZHOU.districtCode): Promise<Actor> {
  const [station] = await t.ctx.database.db
    .insert(stations)
    .values({
      cityCode: "321100",
      districtCode,
      kind: "station",
      name: "宝塔路零工驿站",
      address: "镇江市润州区宝塔路",
      lat: RUNZHOU.lat,
      lng: RUNZHOU.lng,
    })
    .returning({ id: stations.id });
  return t.tokenFor("station_staff", { districtCode, stationId: station.id });
}

/** A valid post body; start `startsInHours` from the test clock, lasting `hours`. */
export function gigBody(t: TestApp, overrides: Record<string, unknown> = {}, startsInHours = 24, hours = 8) {
  const start = t.clock.now().getTime() + startsInHours * HOUR;
  return {
    categoryCode: "cleaning",
    title: "商场开荒保洁",
    description: "新商场开业前保洁，工具由我方提供",
    address: "镇江市润州区中山西路1号",
    ...RUNZHOU,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + hours * HOUR).toISOString(),
    headcount: 3,
    payFen: 200_00,
    payUnit: "day",
    settlement: "same_day",
    requirements: "能吃苦，身体健康",
    ...overrides,
  };
}

/** Posts a gig as the employer and returns its id. */
export async function postedGig(
  t: TestApp,
  owner: Actor,
  overrides: Record<string, unknown> = {},
  startsInHours = 24,
  hours = 8,
): Promise<string> {
  const response = await t.request("POST", "/api/gigs", {
    as: owner.token,
    body: gigBody(t, overrides, startsInHours, hours),
  });
  if (response.statusCode !== 201) throw new Error(`posting a gig failed: ${response.body}`);
  return response.json().id;
}
