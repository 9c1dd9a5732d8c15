/**
 * The self-service terminal (自助服务终端): today's and tomorrow's gigs near its station by
 * pickers, queue slips for the counter for a person without a phone, and its use counted per
 * station and day for the monitoring platform. Nothing personal passes through these calls.
 */
import { assertDistrictScope } from "../accounts/scope.ts";
import { inTransaction } from "../db/transaction.ts";
import { browse } from "../gigs/gigs.browse.ts";
import { addDays, localDay } from "../monitoring/periods.ts";
import { notify } from "../notifications/notify.ts";
import type { AppContext } from "../platform/context.ts";
import type { RequestDevice, SessionUser } from "../platform/http/access.ts";
import { boardGig, NEARBY_KM } from "./board.service.ts";
import { deviceErrors } from "./devices.errors.ts";
import { stationById } from "./devices.repository.ts";
import * as repo from "./kiosk.repository.ts";

function terminalOnly(device: RequestDevice): void {
  if (device.kind !== "terminal") throw deviceErrors.terminal_only();
}

export async function kioskGigs(
  ctx: AppContext,
  device: RequestDevice,
  query: { day: "today" | "tomorrow"; category?: string },
) {
  terminalOnly(device);
  const station = await stationById(ctx.database.db, device.stationId);
  if (!station) throw deviceErrors.station_not_found();
  const today = localDay(ctx.clock.now());
  const day = query.day === "today" ? today : addDays(today, 1);
  const page = await browse(ctx, station.cityCode, {
    lat: station.lat,
    lng: station.lng,
    withinKm: NEARBY_KM,
    date: day,
    category: query.category,
    sort: "soonest",
    page: 1,
    pageSize: 50,
  });
  return { day, items: page.items.map(boardGig) };
}

export async function takeQueueSlip(ctx: AppContext, device: RequestDevice, categoryCode?: string) {
  terminalOnly(device);
  const now = ctx.clock.now();
  const day = localDay(now);
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const slip = await repo.insertQueueSlip(tx, {
      stationId: device.stationId,
      deviceId: device.id,
      day,
      categoryCode: categoryCode ?? null,
      createdAt: now,
    });
    await repo.countUse(tx, {
      stationId: device.stationId,
      districtCode: device.districtCode,
      day,
      kind: "queue_slip",
    });
    // The counter hears of her at once, in the console's notification centre.
    const category = categoryCode ? await repo.categoryNameZh(tx, categoryCode) : null;
    for (const userId of await repo.stationStaffIds(tx, device.stationId))
      await notify(tx, {
        userId,
        kind: "walk_in_queued",
        facts: { queueNumber: slip.number, ...(category ? { category } : {}) },
        link: "/station/devices",
        onceKey: `queue_slip:${slip.id}`,
        at: now,
      });
    return slip;
  });
  return queueSlipView(row);
}

function queueSlipView(row: Awaited<ReturnType<typeof repo.insertQueueSlip>>) {
  return {
    id: row.id,
    number: row.number,
    day: row.day,
    categoryCode: row.categoryCode,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function countTerminalUse(
  ctx: AppContext,
  device: RequestDevice,
  kind: "session" | "slip_printed",
) {
  terminalOnly(device);
  await repo.countUse(ctx.database.db, {
    stationId: device.stationId,
    districtCode: device.districtCode,
    day: localDay(ctx.clock.now()),
    kind,
  });
  return { ok: true as const };
}

/** Today's queue slips of a station, for its console: the counter calls them by number. */
export async function stationQueueSlips(ctx: AppContext, staff: SessionUser, stationId: string) {
  const station = await stationById(ctx.database.db, stationId);
  if (!station || station.cityCode !== staff.cityCode) throw deviceErrors.station_not_found();
  assertDistrictScope(staff, station.districtCode, station.cityCode);
  const rows = await repo.queueSlipsOf(ctx.database.db, stationId, localDay(ctx.clock.now()));
  return rows.map(queueSlipView);
}

const USE_COLUMNS = {
  session: "sessions",
  application: "applications",
  slip_printed: "slipsPrinted",
  queue_slip: "queueSlips",
  gig_posted: "gigsPosted",
} as const;

/** Terminal use per station and day in the admin's scope (a district admin: her district). */
export async function terminalUse(ctx: AppContext, admin: SessionUser, range: { from: string; to: string }) {
  const districtCode = admin.role === "city_admin" ? null : admin.districtCode;
  if (admin.role !== "city_admin") assertDistrictScope(admin, districtCode);
  const rows = await repo.terminalUseByStationDay(ctx.database.db, {
    cityCode: admin.cityCode,
    districtCode,
    ...range,
  });
  const byKey = new Map<
    string,
    Record<(typeof USE_COLUMNS)[keyof typeof USE_COLUMNS], number> & {
      stationId: string;
      stationName: string;
      districtCode: string;
      districtName: string;
      day: string;
    }
  >();
  for (const row of rows) {
    const key = `${row.stationId}|${row.day}`;
    const entry = byKey.get(key) ?? {
      stationId: row.stationId,
      stationName: row.stationName,
      districtCode: row.districtCode,
      districtName: row.districtName,
      day: row.day,
      sessions: 0,
      applications: 0,
      slipsPrinted: 0,
      queueSlips: 0,
      gigsPosted: 0,
    };
    entry[USE_COLUMNS[row.kind]] = row.count;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** The same counts summed per district and day: the monitoring platform's view of terminal use. */
export async function terminalUseByDistrict(
  ctx: AppContext,
  admin: SessionUser,
  range: { from: string; to: string },
) {
  const rows = await terminalUse(ctx, admin, range);
  const byKey = new Map<
    string,
    Record<(typeof USE_COLUMNS)[keyof typeof USE_COLUMNS], number> & {
      districtCode: string;
      districtName: string;
      day: string;
      stations: number;
    }
  >();
  for (const row of rows) {
    const key = `${row.districtCode}|${row.day}`;
    const entry = byKey.get(key) ?? {
      districtCode: row.districtCode,
      districtName: row.districtName,
      day: row.day,
      stations: 0,
      sessions: 0,
      applications: 0,
      slipsPrinted: 0,
      queueSlips: 0,
      gigsPosted: 0,
    };
    entry.stations += 1;
    for (const column of Object.values(USE_COLUMNS)) entry[column] += row[column];
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.districtCode.localeCompare(b.districtCode),
  );
}
