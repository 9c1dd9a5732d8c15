/** Devices for tests: a station staff member's station, and a terminal or screen enrolled to it. */
import { eq } from "drizzle-orm";
import { users } from "../../src/db/schema/index.ts";
import type { TestApp } from "./app.ts";

/** The station a staff account works at. */
export async function stationOf(t: TestApp, staffUserId: string): Promise<string> {
  const [row] = await t.ctx.database.db
    .select({ stationId: users.stationId })
    .from(users)
    .where(eq(users.id, staffUserId));
  return row?.stationId as string;
}

/** Enrols a device of `kind` to the station through the routes; its id and its device token. */
export async function enrolledDevice(
  t: TestApp,
  staffToken: string,
  stationId: string,
  kind: "terminal" | "screen",
): Promise<{ id: string; token: string }> {
  const created = await t.request("POST", "/api/devices", {
    as: staffToken,
    body: { stationId, kind, name: kind },
  });
  const enrolled = await t.request("POST", "/api/devices/enrol", {
    body: { code: created.json().enrolmentCode },
  });
  return { id: created.json().device.id, token: enrolled.json().token };
}
