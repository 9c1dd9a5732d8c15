/**
 * Recommendations both ways: gigs for a worker (为你推荐) and workers for a gig (推荐人选).
 * The indexes do the ranking; this adds the words (reasons) and what the reader needs to act.
 */

import { coversDistrict } from "../accounts/scope.ts";
import type { AppContext } from "../platform/context.ts";
import type { Lang } from "../platform/errors.ts";
import { commonErrors } from "../platform/errors.ts";
import type { SessionUser } from "../platform/http/access.ts";
import { maskPhone } from "../privacy/mask.ts";
import { dayNumber } from "./catalog.ts";
import { type Audience, explainPair, type Reason } from "./explain.ts";
import { haversineKm } from "./geo.ts";
import type { GigFilters } from "./gig-index.ts";
import { matchingErrors } from "./matching.errors.ts";
import type { MatchingIndexes } from "./matching.indexes.ts";
import { gigScope, workerContacts } from "./matching.repository.ts";
import type { GigFacts, WorkerFacts } from "./score.ts";
import type { WorkerRecord } from "./worker-index.ts";

export interface GigQuery {
  k: number;
  category?: string;
  district?: string;
  maxKm?: number;
  date?: string;
  sameDayPayOnly?: boolean;
}

export async function recommendGigs(
  ctx: AppContext,
  indexes: MatchingIndexes,
  user: SessionUser,
  q: GigQuery,
  lang: Lang,
) {
  const w = indexes.workers.get(user.id);
  if (!w) throw matchingErrors.matching_profile_incomplete();
  if (q.category !== undefined && !indexes.categories.has(q.category))
    throw matchingErrors.matching_category_unknown();
  const gigs = indexes.gigs;
  const city = gigs.cityNumber(user.cityCode);
  // No gig of her city is open: another city's gigs are not hers to be offered.
  if (city === undefined) return [];
  const filters: GigFilters = {
    city,
    category: q.category === undefined ? undefined : indexes.categories.idOf(q.category),
    district: q.district,
    day: q.date === undefined ? undefined : dayNumber(q.date),
    sameDayPayOnly: q.sameDayPayOnly,
    maxKm: q.maxKm,
  };
  const nowMs = ctx.clock.now().getTime();
  // What the results show is in the index with them: answering needs no database read.
  return gigs.topForWorker(w, nowMs, q.k, filters).flatMap(({ row, score }) => {
    const d = gigs.display[row];
    if (!d) return [];
    const g = gigs.facts(row);
    return [
      {
        gigId: gigs.idOf(row),
        ...d,
        districtCode: gigs.districtOf(row),
        categoryCode: indexes.categories.list[g.category].code,
        startsAt: new Date(g.startMs).toISOString(),
        endsAt: new Date(g.endMs).toISOString(),
        ...described(indexes, w, g, nowMs, "worker", lang, score),
      },
    ];
  });
}

export async function recommendWorkers(
  ctx: AppContext,
  indexes: MatchingIndexes,
  user: SessionUser,
  gigId: string,
  k: number,
  lang: Lang,
) {
  const scope = await gigScope(ctx.database.db, gigId);
  if (!scope) throw matchingErrors.matching_gig_not_found();
  const owner = user.role === "employer" && scope.ownerUserId === user.id;
  if (!owner && !coversDistrict(user, scope.cityCode, scope.districtCode)) throw commonErrors.forbidden();
  const row = indexes.gigs.rowOfId(gigId);
  if (row === undefined) throw matchingErrors.matching_gig_not_open();
  const g = indexes.gigs.facts(row);
  const nowMs = ctx.clock.now().getTime();
  // A city's market is its own: a neighbouring city's worker whose range reaches the gig is not listed.
  const sameCity = (w: WorkerRecord) => w.cityCode === scope.cityCode;
  const ranked = indexes.workers.topForGig(
    g,
    indexes.gigs.latDeg[row],
    indexes.gigs.lngDeg[row],
    nowMs,
    k,
    sameCity,
  );
  const workers = ranked.map((r) => indexes.workers.record(r.row));
  const contacts = new Map(
    (
      await workerContacts(
        ctx.database.db,
        workers.map((w) => w.id),
      )
    ).map((c) => [c.id, c]),
  );
  return ranked.map(({ score }, i) => ({
    workerId: workers[i].id,
    name: contacts.get(workers[i].id)?.name ?? "",
    phone: maskPhone(contacts.get(workers[i].id)?.phone ?? null),
    ...described(indexes, workers[i], g, nowMs, audienceOf(user), lang, score),
  }));
}

function audienceOf(user: SessionUser): Audience {
  return user.role === "worker" ? "worker" : "employer";
}

/** Distance, rounded score and reasons in the reader's language. */
export function described(
  indexes: MatchingIndexes,
  w: WorkerFacts,
  g: GigFacts,
  nowMs: number,
  audience: Audience,
  lang: Lang,
  score: number,
) {
  const c = indexes.categories.list[g.category];
  const reasons = explainPair(w, g, nowMs, audience, { zh: c.nameZh, en: c.nameEn });
  return {
    // To the metre, so the web's one distance formatter shows what the gig list shows.
    distanceKm: Math.round(haversineKm(w.latRad, w.lngRad, w.cosLat, g.latRad, g.lngRad) * 1000) / 1000,
    score: Math.round(score * 10) / 10,
    reasons: reasons.map((r: Reason) => (lang === "en" ? r.en : r.zh)),
  };
}
