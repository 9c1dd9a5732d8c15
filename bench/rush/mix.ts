/**
 * The morning-rush mix as a fixed script of requests: browse and 为你推荐 70 %, gig detail 10 %,
 * apply 8 %, accept 4 %, check-in 5 %, employer lists 3 %, shuffled with a fixed seed. Each write
 * has its own prepared object (a worker who has not applied yet, an application waiting, a booking
 * about to start), so a correct server answers every request with a 2xx.
 */
import { Random } from "../../src/demo/random.ts";
import type { Market } from "./market.ts";

export const ROUTES = [
  "recommend",
  "browse",
  "detail",
  "apply",
  "accept",
  "checkIn",
  "employerLists",
] as const;
export type RouteName = (typeof ROUTES)[number];

export const SHARES: Record<RouteName, number> = {
  recommend: 0.35,
  browse: 0.35,
  detail: 0.1,
  apply: 0.08,
  accept: 0.04,
  checkIn: 0.05,
  employerLists: 0.03,
};

export const WRITES: ReadonlySet<RouteName> = new Set(["apply", "accept", "checkIn"]);

export interface ScriptedRequest {
  route: RouteName;
  method: "GET" | "POST";
  path: string;
  token: string;
  body?: string;
}

/** What the run needs prepared before it starts: bookings to check in to, applications to accept. */
export interface Prepared {
  /** One booking a worker (by index in market.workerTokens) will check in to, at its gig's place. */
  bookings: { worker: number; bookingId: string; lat: number; lng: number }[];
  /** Applications waiting, with the index of the employer who will accept each. */
  applications: { employer: number; applicationId: string }[];
}

export function countsFor(total: number): Record<RouteName, number> {
  const counts = Object.fromEntries(ROUTES.map((r) => [r, Math.floor(total * SHARES[r])])) as Record<
    RouteName,
    number
  >;
  counts.recommend += total - ROUTES.reduce((sum, r) => sum + counts[r], 0);
  return counts;
}

const DISTRICTS = ["321102", "321111", "321112", "321181", "321182", "321183"];

function browsePath(random: Random, lat: number, lng: number): string {
  const page = random.int(1, 3);
  switch (random.int(0, 3)) {
    case 0:
      return `/api/gigs?sort=soonest&page=${page}`;
    case 1:
      return `/api/gigs?district=${random.pick(DISTRICTS)}&sort=best_paid&page=${page}`;
    case 2:
      return `/api/gigs?lat=${lat.toFixed(5)}&lng=${lng.toFixed(5)}&withinKm=10&sort=nearest&page=${page}`;
    default:
      return `/api/gigs?sameDayPayOnly=true&sort=soonest&page=${page}`;
  }
}

/**
 * The script: `total` requests in the shares above. Appliers are the workers after those who
 * hold bookings; each applies once, to a gig that no prepared application is on.
 */
export function scriptFor(total: number, market: Market, prepared: Prepared, seed = 7): ScriptedRequest[] {
  const random = new Random(seed);
  const counts = countsFor(total);
  if (counts.checkIn > prepared.bookings.length) throw new Error("not enough prepared bookings");
  if (counts.accept > prepared.applications.length) throw new Error("not enough prepared applications");
  const firstApplier = prepared.bookings.length;
  if (firstApplier + counts.apply > market.workerTokens.length)
    throw new Error("not enough workers to apply");
  const applyGigs = market.gigs.length - prepared.applications.length;
  const worker = () => random.int(0, market.workerTokens.length - 1);
  const out: ScriptedRequest[] = [];
  for (let i = 0; i < counts.recommend; i++)
    out.push({
      route: "recommend",
      method: "GET",
      path: "/api/workers/me/recommendations?k=20",
      token: market.workerTokens[worker()],
    });
  for (let i = 0; i < counts.browse; i++) {
    const gig = random.pick(market.gigs);
    out.push({
      route: "browse",
      method: "GET",
      path: browsePath(random, gig.lat, gig.lng),
      token: market.workerTokens[worker()],
    });
  }
  for (let i = 0; i < counts.detail; i++)
    out.push({
      route: "detail",
      method: "GET",
      path: `/api/gigs/${random.pick(market.gigs).id}`,
      token: market.workerTokens[worker()],
    });
  for (let i = 0; i < counts.apply; i++)
    out.push({
      route: "apply",
      method: "POST",
      path: `/api/gigs/${market.gigs[random.int(0, applyGigs - 1)].id}/applications`,
      token: market.workerTokens[firstApplier + i],
      body: "{}",
    });
  for (let i = 0; i < counts.accept; i++) {
    const waiting = prepared.applications[i];
    out.push({
      route: "accept",
      method: "POST",
      path: `/api/applications/${waiting.applicationId}/accept`,
      token: market.employerTokens[waiting.employer],
      body: "{}",
    });
  }
  for (let i = 0; i < counts.checkIn; i++) {
    const booking = prepared.bookings[i];
    out.push({
      route: "checkIn",
      method: "POST",
      path: `/api/bookings/${booking.bookingId}/check-in`,
      token: market.workerTokens[booking.worker],
      body: JSON.stringify({ lat: booking.lat, lng: booking.lng, accuracyM: 15 }),
    });
  }
  for (let i = 0; i < counts.employerLists; i++)
    out.push({
      route: "employerLists",
      method: "GET",
      path: random.chance(0.5) ? "/api/employers/me/gigs" : "/api/employers/me/bookings",
      token: random.pick(market.employerTokens),
    });
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
