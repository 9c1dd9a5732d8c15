/**
 * After a morning dispatch is sent: where each invitation stands (invited, accepted, declined,
 * expired), how it reaches her (the app, a text message, or staff call her), and the call card
 * staff read from when they phone a woman who has no app. The page follows it live: a worker's
 * answer anywhere (her app, the counter, the kiosk) and a call logged at another counter reach it
 * through NOTIFY, on whichever instance the page is connected to.
 */

import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { coversDistrict } from "../accounts/scope.ts";
import type { DbOrTx } from "../db/client.ts";
import type { ApplicationStatus } from "../db/schema/index.ts";
import { MARKET_CHANNEL, type MarketNotice } from "../market/market-events.ts";
import { spokenPay, spokenTime } from "../notifications/templates.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors, type Lang } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { streamPushes } from "../platform/http/event-stream.ts";
import { discloseToStaff } from "../privacy/disclosure.ts";
import { maskPhone } from "../privacy/mask.ts";
import { findStation } from "../stations/stations.repository.ts";
import { matchingErrors } from "./matching.errors.ts";
import * as repo from "./matching.repository.ts";

/** NOTIFY channel: a dispatch's calls changed (payload: the dispatch id). */
export const DISPATCH_CHANNEL = "dispatch_progress";

type OfferStatus = "not_sent" | "invited" | "accepted" | "declined" | "expired";

function offerStatus(application: ApplicationStatus | null): OfferStatus {
  if (application === null) return "not_sent";
  if (application === "pending") return "invited";
  if (application === "accepted") return "accepted";
  if (application === "declined" || application === "rejected") return "declined";
  return "expired";
}

/** The dispatch, if the caller may see it: staff of its district (or the city's admin). */
export async function dispatchInScope(ctx: AppContext, user: SessionUser, dispatchId: string) {
  const dispatch = await repo.findDispatch(ctx.database.db, dispatchId);
  if (!dispatch || dispatch.cityCode !== user.cityCode) throw matchingErrors.dispatch_not_found();
  const district = (dispatch.params as { districtCode?: string }).districtCode ?? null;
  if (!coversDistrict(user, dispatch.cityCode, district)) throw commonErrors.out_of_scope();
  return dispatch;
}

export async function dispatchProgress(ctx: AppContext, user: SessionUser, dispatchId: string) {
  return progressOf(ctx, await dispatchInScope(ctx, user, dispatchId));
}

type Dispatch = Awaited<ReturnType<typeof dispatchInScope>>;

/** The counts and offers of a dispatch the caller was found entitled to. */
async function progressOf(ctx: AppContext, dispatch: Dispatch) {
  const dispatchId = dispatch.id;
  const rows = await repo.dispatchOfferRows(ctx.database.db, dispatchId);
  const counts = { not_sent: 0, invited: 0, accepted: 0, declined: 0, expired: 0 };
  const offers = rows.map((r) => {
    const status = offerStatus(r.applicationStatus);
    counts[status]++;
    return {
      offerId: r.offerId,
      gigId: r.gigId,
      gigTitle: r.gigTitle,
      startsAt: r.startsAt.toISOString(),
      address: r.address,
      payFen: r.payFen,
      payUnit: r.payUnit,
      workerId: r.workerId,
      workerName: r.workerName,
      phone: maskPhone(r.phone),
      score: r.score,
      status,
      channel: r.channel,
      applicationId: r.applicationId,
      unansweredCalls: r.unansweredCalls,
      lastCallAt: r.lastCallAt?.toISOString() ?? null,
    };
  });
  return {
    dispatchId,
    status: dispatch.status,
    createdAt: dispatch.createdAt.toISOString(),
    counts,
    offers,
  };
}

async function offerOf(ctx: AppContext, dispatchId: string, offerId: string) {
  const [offer] = await repo.dispatchOfferRows(ctx.database.db, dispatchId, offerId);
  if (!offer) throw matchingErrors.dispatch_offer_not_found();
  return offer;
}

/** What staff say when they phone her, and her number in full (a staff view of personal data). */
export async function callCard(
  ctx: AppContext,
  staff: SessionUser,
  dispatchId: string,
  offerId: string,
  ip: string,
  lang: Lang,
) {
  await dispatchInScope(ctx, staff, dispatchId);
  const offer = await offerOf(ctx, dispatchId, offerId);
  const station = staff.stationId ? await findStation(ctx.database.db, staff.stationId) : null;
  const when = spokenTime(offer.startsAt.toISOString(), lang);
  const pay = spokenPay(offer.payFen, offer.payUnit, lang);
  const who = station?.name ?? (lang === "en" ? "the gig market" : "零工市场");
  const script =
    lang === "en"
      ? `Hello ${offer.workerName}, this is ${who}. There is work for you: "${offer.gigTitle}", ${when}, at ${offer.address}, ${pay}. Would you like it? If yes, I will accept it for you now.`
      : `${offer.workerName}您好，我是${who}的工作人员。有一份活想请您去：「${offer.gigTitle}」，${when}，地点在${offer.address}，${pay}。您愿意去吗？愿意的话我现在就帮您接下。`;
  return discloseToStaff(
    ctx.database.db,
    {
      staff,
      action: "dispatch.call_card_viewed",
      subjectType: "worker",
      subjectId: offer.workerId,
      fields: ["name", "phone"],
      detail: { dispatchId, offerId },
      ip,
      at: ctx.clock.now(),
    },
    { offerId, workerName: offer.workerName, phone: offer.phone, script },
  );
}

/** Staff phoned and nobody answered: counted on the offer, seen live on every counter's screen. */
export async function recordUnansweredCall(
  ctx: AppContext,
  staff: SessionUser,
  dispatchId: string,
  offerId: string,
) {
  const dispatch = await dispatchInScope(ctx, staff, dispatchId);
  await offerOf(ctx, dispatchId, offerId);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.countUnansweredCall(tx, dispatchId, offerId, staff.id, ctx.clock.now())))
      throw matchingErrors.dispatch_offer_answered();
    await notifyProgress(tx, dispatchId);
  });
  return progressOf(ctx, dispatch);
}

/** Tells every screen following the dispatch that it changed; sent when the transaction commits. */
export async function notifyProgress(tx: DbOrTx, dispatchId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${DISPATCH_CHANNEL}, ${dispatchId})`);
}

const MIN_INTERVAL_MS = 500;
const HEARTBEAT_MS = 15_000;

/**
 * Streams the dispatch's progress: at once, then whenever one of its invitations is answered or
 * expires (a market event about it) or a call is logged. Ends when the client goes away or the
 * server shuts down (the browser reconnects elsewhere).
 */
export async function streamDispatchProgress(
  ctx: AppContext,
  user: SessionUser,
  dispatchId: string,
  reply: FastifyReply,
  shutdown: AbortSignal,
): Promise<void> {
  // Refused before the stream opens, with the usual error answer.
  await dispatchInScope(ctx, user, dispatchId);
  let applications = new Set<string>();
  await streamPushes(reply, {
    event: "progress",
    load: () => dispatchProgress(ctx, user, dispatchId),
    onPush: (progress) => {
      applications = new Set(progress.offers.flatMap((o) => (o.applicationId ? [o.applicationId] : [])));
    },
    minIntervalMs: MIN_INTERVAL_MS,
    heartbeatMs: HEARTBEAT_MS,
    shutdown,
    // Notices missed while the LISTEN connection was cut: send the progress as it is now.
    subscribe: async (changed) => [
      await ctx.database.listen(
        MARKET_CHANNEL,
        (payload) => {
          const notice = parseNotice(payload);
          if (notice?.subjectId && applications.has(notice.subjectId)) changed();
        },
        changed,
      ),
      await ctx.database.listen(DISPATCH_CHANNEL, (payload) => payload === dispatchId && changed(), changed),
    ],
  });
}

function parseNotice(payload: string): MarketNotice | null {
  try {
    return JSON.parse(payload) as MarketNotice;
  } catch {
    return null;
  }
}
