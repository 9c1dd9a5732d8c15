/**
 * Job alerts (订阅): a worker — or station staff for a walk-in — saves a search; when a gig is
 * posted, every instance hears of it (NOTIFY market_events), asks its in-memory index which searches
 * it fits and tells those workers, at most ALERTS_PER_DAY a day. The once-key "job_alert:<gig>"
 * makes the instances that race on the same gig tell each worker once.
 */
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit.service.ts";
import { findWorkerProfile } from "../bookings/bookings.repository.ts";
import type { DbOrTx } from "../db/client.ts";
import { MARKET_CHANNEL, type MarketNotice } from "../market/market-events.ts";
import type { AppContext } from "../platform/context.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { findStation } from "../stations/stations.repository.ts";
import { AlertIndex, type AlertSearch, MAX_RADIUS_KM } from "./alert-index.ts";
import * as repo from "./alerts.repository.ts";
import { localDayStart } from "./delivery.rules.ts";
import { notificationErrors } from "./notifications.errors.ts";
import { notify } from "./notify.ts";

export const ALERTS_PER_DAY = 3;
export const MAX_ALERTS_PER_WORKER = 5;
const CHANGED_CHANNEL = "job_alerts_changed";

export interface AlertInput {
  categoryCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lng: number | null;
  radiusKm: number | null;
  minDailyPayFen: number;
  sameDayPayOnly: boolean;
}

const toSearch = (row: repo.JobAlertRow): AlertSearch => ({
  id: row.id,
  workerId: row.workerId,
  categoryCode: row.categoryCode,
  districtCode: row.districtCode,
  lat: row.lat,
  lng: row.lng,
  radiusKm: row.radiusKm,
  minDailyPayFen: row.minDailyPayFen,
  sameDayPayOnly: row.sameDayPayOnly,
});

export function alertView(row: repo.JobAlertRow) {
  return { ...toSearch(row), createdAt: row.createdAt.toISOString() };
}

export class JobAlerts {
  readonly index = new AlertIndex();
  private stops: Array<() => Promise<void>> = [];
  private work: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: AppContext) {}

  async start(): Promise<void> {
    const db = this.ctx.database.db;
    for (const row of await repo.activeAlerts(db)) this.index.put(toSearch(row));
    this.stops.push(
      await this.ctx.database.listen(MARKET_CHANNEL, (payload) => {
        const notice = JSON.parse(payload) as MarketNotice;
        if (notice.kind === "gig_posted" && notice.subjectId)
          this.queue(() => this.tellAbout(notice.subjectId as string));
      }),
      await this.ctx.database.listen(CHANGED_CHANNEL, (id) => this.queue(() => this.reload(id))),
    );
  }

  async stop(): Promise<void> {
    for (const stop of this.stops) await stop().catch(() => undefined);
    await this.work;
  }

  /** Waits for the alerts in progress (tests). */
  settled(): Promise<unknown> {
    return this.work;
  }

  private queue(task: () => Promise<unknown>): void {
    this.work = this.work.then(task).catch(() => undefined);
  }

  private async reload(id: string): Promise<void> {
    const row = await repo.findAlert(this.ctx.database.db, id);
    if (row?.active) this.index.put(toSearch(row));
    else this.index.remove(id);
  }

  /** Tells the workers whose searches the gig fits; returns how many were told. */
  async tellAbout(gigId: string): Promise<number> {
    const db = this.ctx.database.db;
    const gig = await repo.openGigForAlert(db, gigId);
    if (!gig) return 0;
    const workers = new Set(this.index.matches(gig).map((s) => s.workerId));
    const now = this.ctx.clock.now();
    let told = 0;
    for (const workerId of workers) {
      const sent = await db.transaction(async (tx) => {
        await repo.lockPersonAlerts(tx, workerId);
        if ((await repo.alertsSentSince(tx, workerId, localDayStart(now))) >= ALERTS_PER_DAY) return null;
        return notify(tx, {
          userId: workerId,
          kind: "job_alert",
          facts: {
            gig: gig.title,
            district: gig.district ?? "",
            payFen: gig.payFen,
            payUnit: gig.payUnit,
            startsAt: gig.startsAt.toISOString(),
            address: gig.address,
          },
          link: `/worker/gigs/${gig.id}`,
          onceKey: `job_alert:${gig.id}`,
          at: now,
        });
      });
      if (sent) told += 1;
    }
    return told;
  }
}

function checkPlace(input: AlertInput): void {
  const byPoint = input.lat !== null && input.lng !== null && input.radiusKm !== null;
  if (input.districtCode === null && !byPoint) throw notificationErrors.job_alert_needs_place();
  if (byPoint && ((input.radiusKm as number) <= 0 || (input.radiusKm as number) > MAX_RADIUS_KM)) {
    throw notificationErrors.job_alert_needs_place();
  }
}

async function announce(ctx: AppContext, id: string): Promise<void> {
  await ctx.database.db.execute(sql`select pg_notify(${CHANGED_CHANNEL}, ${id})`);
}

export async function saveAlert(ctx: AppContext, user: SessionUser, input: AlertInput) {
  const row = await insertAlert(ctx, user, user.id, input, async () => undefined);
  await announce(ctx, row.id);
  return alertView(row);
}

/** Checks and saves a search in one transaction; `record` writes the audit line when staff do it. */
async function insertAlert(
  ctx: AppContext,
  user: SessionUser,
  workerId: string,
  input: AlertInput,
  record: (tx: DbOrTx, row: repo.JobAlertRow) => Promise<void>,
) {
  checkPlace(input);
  return ctx.database.db.transaction(async (tx) => {
    await repo.lockPersonAlerts(tx, workerId);
    if ((await repo.alertsOfWorker(tx, workerId)).length >= MAX_ALERTS_PER_WORKER) {
      throw notificationErrors.too_many_job_alerts({ max: MAX_ALERTS_PER_WORKER });
    }
    const row = await repo.insertAlert(tx, {
      ...input,
      cityCode: user.cityCode,
      workerId,
      createdByStationId: user.role === "worker" ? null : user.stationId,
      createdAt: ctx.clock.now(),
    });
    await record(tx, row);
    return row;
  });
}

/**
 * Station staff set one up for a walk-in they registered; a district admin for a worker of her
 * district (registered there, or looking for work there); the city admin for any worker of the city.
 */
export async function saveAlertForWalkIn(
  ctx: AppContext,
  staff: SessionUser,
  workerId: string,
  input: AlertInput,
  ip: string,
) {
  await checkCovered(ctx, staff, workerId);
  const row = await insertAlert(ctx, staff, workerId, input, (tx, saved) =>
    recordAudit(tx, {
      actor: staff,
      action: "job_alert.created_for_worker",
      subjectType: "worker",
      subjectId: workerId,
      detail: { jobAlertId: saved.id },
      ip,
      at: saved.createdAt,
    }),
  );
  await announce(ctx, row.id);
  return alertView(row);
}

/**
 * A walk-in's saved searches, for the staff helping her at the desk. A "near me" search keeps where
 * she stood when she saved it, perhaps her home: staff see the distance, not the point.
 */
export async function alertsOfWalkIn(ctx: AppContext, staff: SessionUser, workerId: string) {
  await checkCovered(ctx, staff, workerId);
  return (await repo.alertsOfWorker(ctx.database.db, workerId)).map((row) => ({
    ...alertView(row),
    lat: null,
    lng: null,
  }));
}

/** Staff stop a walk-in's alert (she asked at the desk). Audited. */
export async function deleteAlertOfWalkIn(
  ctx: AppContext,
  staff: SessionUser,
  workerId: string,
  alertId: string,
  ip: string,
) {
  await checkCovered(ctx, staff, workerId);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.findAlertOfWorker(tx, workerId, alertId)))
      throw notificationErrors.job_alert_not_found();
    await repo.deactivateAlert(tx, alertId);
    await recordAudit(tx, {
      actor: staff,
      action: "job_alert.stopped_for_worker",
      subjectType: "worker",
      subjectId: workerId,
      detail: { jobAlertId: alertId },
      ip,
      at: ctx.clock.now(),
    });
  });
  await announce(ctx, alertId);
}

async function checkCovered(ctx: AppContext, staff: SessionUser, workerId: string): Promise<void> {
  const profile = await findWorkerProfile(ctx.database.db, workerId);
  if (!profile || profile.cityCode !== staff.cityCode || !(await coversWorker(ctx, staff, profile)))
    throw notificationErrors.worker_not_found_for_alert();
}

async function coversWorker(
  ctx: AppContext,
  staff: SessionUser,
  profile: { registeredByStationId: string | null; districtCodes: string[] },
): Promise<boolean> {
  if (staff.role === "city_admin") return true;
  if (staff.role === "station_staff")
    return staff.stationId !== null && profile.registeredByStationId === staff.stationId;
  if (staff.role !== "district_admin" || !staff.districtCode) return false;
  if (profile.districtCodes.includes(staff.districtCode)) return true;
  const station = profile.registeredByStationId
    ? await findStation(ctx.database.db, profile.registeredByStationId)
    : null;
  return station?.districtCode === staff.districtCode;
}

export async function myAlerts(ctx: AppContext, user: SessionUser) {
  return (await repo.alertsOfWorker(ctx.database.db, user.id)).map(alertView);
}

export async function deleteAlert(ctx: AppContext, user: SessionUser, id: string) {
  const row = await repo.findAlert(ctx.database.db, id);
  if (!row || row.workerId !== user.id || !row.active) throw notificationErrors.job_alert_not_found();
  await repo.deactivateAlert(ctx.database.db, id);
  await announce(ctx, id);
}
