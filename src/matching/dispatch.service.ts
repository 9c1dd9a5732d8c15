/**
 * Morning dispatch (早市派工) for station staff: preview the best set of offers for a district's
 * open gigs and its available workers, then send them as invitations the workers still accept or
 * decline. The preview is stored (status "preview") so what is sent is exactly what was shown.
 */

import { coversDistrict } from "../accounts/scope.ts";
import type { DispatchChannel } from "../db/schema/index.ts";
import { recordMarketEvent } from "../market/market-events.ts";
import { chosenChannels } from "../notifications/channels.ts";
import { findRecipients, type Recipient } from "../notifications/notifications.repository.ts";
import type { AppContext } from "../platform/context.ts";
import { commonErrors, type Lang } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskPhone } from "../privacy/mask.ts";
import { problemFromPairs, solveDispatch } from "./dispatch.solver.ts";
import { dispatchInScope, notifyProgress } from "./dispatch-progress.ts";
import { explainPair } from "./explain.ts";
import { matchingErrors } from "./matching.errors.ts";
import type { MatchingIndexes } from "./matching.indexes.ts";
import * as repo from "./matching.repository.ts";
import { described } from "./recommendations.service.ts";
import type { WorkerRecord } from "./worker-index.ts";

export interface PreviewRequest {
  gigIds?: string[];
  startingWithinHours?: number;
  districtCode?: string;
  maxKm: number;
}

/** Scores become integer weights (thousandths of a point) so the solver's sums are exact. */
const WEIGHT_SCALE = 1000;
const DEFAULT_WINDOW_HOURS = 12;

export async function previewDispatch(
  ctx: AppContext,
  indexes: MatchingIndexes,
  user: SessionUser,
  body: PreviewRequest,
  lang: Lang,
) {
  const district = user.role === "city_admin" ? body.districtCode : user.districtCode;
  if (!district) throw matchingErrors.dispatch_district_required();
  const now = ctx.clock.now();
  const gigIds = await chooseGigs(ctx, user, district, body, now);
  const gigs = (await repo.gigTitles(ctx.database.db, gigIds)).filter(
    (g) => indexes.gigs.rowOfId(g.id) !== undefined && g.headcount > g.filledCount,
  );
  if (gigs.length === 0) throw matchingErrors.dispatch_nothing_to_dispatch();

  const pool = (w: WorkerRecord) => w.districtCodes.includes(district);
  const approached = await repo.approachedPairs(
    ctx.database.db,
    gigs.map((g) => g.id),
  );
  let alreadyApproached = 0;
  const workers: WorkerRecord[] = [];
  const workerNumber = new Map<string, number>();
  const pairs: Array<{ worker: number; gig: number; weight: number }> = [];
  gigs.forEach((gig, gigNumber) => {
    const row = indexes.gigs.rowOfId(gig.id) as number;
    const facts = indexes.gigs.facts(row);
    const { latDeg, lngDeg } = indexes.gigs;
    indexes.workers.forEachCandidate(
      facts,
      latDeg[row],
      lngDeg[row],
      now.getTime(),
      pool,
      { maxKm: body.maxKm },
      (w, score) => {
        if (approached.has(`${gig.id}:${w.id}`)) {
          alreadyApproached++;
          return;
        }
        let n = workerNumber.get(w.id);
        if (n === undefined) {
          n = workers.push(w) - 1;
          workerNumber.set(w.id, n);
        }
        pairs.push({ worker: n, gig: gigNumber, weight: Math.round(score * WEIGHT_SCALE) });
      },
    );
  });
  const problem = problemFromPairs(
    workers.length,
    gigs.map((g) => Math.max(0, g.headcount - g.filledCount)),
    pairs,
  );
  const solution = solveDispatch(problem);

  const chosen = [...solution.assignedEdge.entries()].filter(([, e]) => e >= 0);
  const contacts = new Map(
    (
      await repo.workerContacts(
        ctx.database.db,
        chosen.map(([w]) => workers[w].id),
      )
    ).map((c) => [c.id, c]),
  );
  const nowMs = now.getTime();
  const offers = chosen.map(([w, e]) => {
    const gig = gigs[problem.edgeGig[e]];
    const facts = indexes.gigs.facts(indexes.gigs.rowOfId(gig.id) as number);
    const score = problem.edgeWeight[e] / WEIGHT_SCALE;
    const c = indexes.categories.list[facts.category];
    return {
      gigId: gig.id,
      gigTitle: gig.title,
      workerId: workers[w].id,
      workerName: contacts.get(workers[w].id)?.name ?? "",
      phone: maskPhone(contacts.get(workers[w].id)?.phone ?? null),
      stored: explainPair(workers[w], facts, nowMs, "employer", { zh: c.nameZh, en: c.nameEn }).map(
        (r) => r.zh,
      ),
      ...described(indexes, workers[w], facts, nowMs, "employer", lang, score),
    };
  });
  const totalScore = solution.totalWeight / WEIGHT_SCALE;
  const dispatch = await ctx.database.db.transaction((tx) =>
    repo.insertDispatch(
      tx,
      {
        cityCode: user.cityCode,
        stationId: user.stationId,
        createdBy: user.id,
        params: { ...body, districtCode: district, gigIds: gigs.map((g) => g.id) },
        totalScore,
      },
      offers.map((o) => ({ gigId: o.gigId, workerId: o.workerId, score: o.score, reasons: o.stored })),
    ),
  );
  const filled = new Map<string, number>();
  for (const o of offers) filled.set(o.gigId, (filled.get(o.gigId) ?? 0) + 1);
  return {
    dispatchId: dispatch.id,
    status: "preview" as const,
    districtCode: district,
    totalScore: Math.round(totalScore * 10) / 10,
    offers: offers.map(({ stored: _, ...o }) => o),
    alreadyApproached,
    unfilled: gigs
      .map((g) => ({ gigId: g.id, placesLeft: g.headcount - g.filledCount - (filled.get(g.id) ?? 0) }))
      .filter((g) => g.placesLeft > 0),
  };
}

/** The gigs named (each inside the caller's district), or the district's open gigs starting soon. */
async function chooseGigs(
  ctx: AppContext,
  user: SessionUser,
  district: string,
  body: PreviewRequest,
  now: Date,
) {
  const db = ctx.database.db;
  if (!body.gigIds) {
    const hours = body.startingWithinHours ?? DEFAULT_WINDOW_HOURS;
    return repo.openGigIdsStarting(
      db,
      user.cityCode,
      district,
      now,
      new Date(now.getTime() + hours * 3_600_000),
    );
  }
  for (const id of body.gigIds) {
    const scope = await repo.gigScope(db, id);
    if (!scope) throw matchingErrors.matching_gig_not_found();
    if (scope.districtCode !== district || !coversDistrict(user, scope.cityCode, scope.districtCode)) {
      throw commonErrors.out_of_scope();
    }
  }
  return body.gigIds;
}

/**
 * How an invitation reaches her: the app if she has ever signed in to it; else a text message if
 * her phone takes them (notifications send it); else staff call her from the dispatch's call list.
 */
function channelOf(person: Recipient | undefined): DispatchChannel {
  if (!person) return "call";
  if (person.everSignedIn) return "app";
  return chosenChannels(person).sms ? "sms" : "call";
}

/** Turns a preview into invitations, in one transaction; a second send finds it already sent. */
export async function sendDispatch(ctx: AppContext, user: SessionUser, dispatchId: string) {
  const db = ctx.database.db;
  const dispatch = await dispatchInScope(ctx, user, dispatchId);
  const outcome = await db.transaction(async (tx) => {
    if (!(await repo.markDispatchSent(tx, dispatchId))) throw matchingErrors.dispatch_not_preview();
    const previewed = await repo.offerCount(tx, dispatchId);
    const open = await repo.sendableOffers(tx, dispatchId);
    const approached = await repo.approachedPairs(tx, [...new Set(open.map((o) => o.gigId))]);
    const offers = open.filter((o) => !approached.has(`${o.gigId}:${o.workerId}`));
    const created = await repo.insertInvitations(tx, dispatch.cityCode, offers, "驿站派工邀请");
    const people = await findRecipients(tx, [...new Set(created.map((inv) => inv.workerId))]);
    const links = created.map((inv) => ({
      ...inv,
      applicationId: inv.id,
      channel: channelOf(people.get(inv.workerId)),
    }));
    await repo.linkOffers(tx, dispatchId, links);
    await notifyProgress(tx, dispatchId);
    const gigOf = new Map(offers.map((o) => [o.gigId, o]));
    for (const inv of created) {
      const gig = gigOf.get(inv.gigId);
      await recordMarketEvent(tx, {
        cityCode: dispatch.cityCode,
        kind: "invitation_sent",
        districtCode: gig?.districtCode,
        categoryCode: gig?.categoryCode,
        subjectId: inv.id,
        detail: { dispatchId, workerId: inv.workerId },
      });
    }
    return {
      invitations: created.length,
      gigClosed: previewed - open.length,
      alreadyApproached: open.length - created.length,
    };
  });
  return { dispatchId, status: "sent" as const, ...outcome };
}
