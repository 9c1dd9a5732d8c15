/**
 * The state a demo city is built in: the random source, the clock of the story, the rows
 * so far and the market events that go with them (one per fact, at the fact's time).
 */
import type {
  applications,
  bookings,
  complaints,
  employers,
  gigs,
  marketEvents,
  payments,
  ratings,
  serviceRecords,
  stations,
  timesheets,
  users,
  workerProfiles,
} from "../db/schema/index.ts";
import type { MarketEventKind } from "../market/market-events.ts";
import type { DemoCityPlaces } from "./places.ts";
import { Random } from "./random.ts";

export interface DemoCityRows {
  stations: (typeof stations.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  workerProfiles: (typeof workerProfiles.$inferInsert)[];
  employers: (typeof employers.$inferInsert)[];
  gigs: (typeof gigs.$inferInsert)[];
  applications: (typeof applications.$inferInsert)[];
  bookings: (typeof bookings.$inferInsert)[];
  timesheets: (typeof timesheets.$inferInsert)[];
  payments: (typeof payments.$inferInsert)[];
  ratings: (typeof ratings.$inferInsert)[];
  complaints: (typeof complaints.$inferInsert)[];
  serviceRecords: (typeof serviceRecords.$inferInsert)[];
  marketEvents: (typeof marketEvents.$inferInsert)[];
}

export type GigRow = DemoCityRows["gigs"][number];
export type BookingRow = DemoCityRows["bookings"][number];

/** A worker as the generator tracks them while filling places. */
export interface DemoWorker {
  id: string;
  district: number;
  categories: number[];
  createdMs: number;
  lat: number;
  lng: number;
  /** Local days (days since epoch, Asia/Shanghai) with a booking: one shift a day. */
  busyDays: Set<number>;
  registeredByStation: { stationId: string; staffId: string } | null;
}

export interface DemoEmployer {
  id: string;
  ownerId: string;
  district: number;
  kind: "individual" | "enterprise";
  categories: number[];
  /** Relative share of the city's posts. */
  activity: number;
}

export interface DemoStaff {
  userId: string;
  stationId: string;
  district: number;
  kind: "market" | "station";
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Days since the epoch in Asia/Shanghai (UTC+8 all year). */
export function localDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The UTC instant of a local day's midnight plus hours. */
export function localTime(day: number, hours: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS + hours * HOUR_MS;
}

export interface EventFields {
  districtCode?: string | null;
  categoryCode?: string | null;
  subjectId?: string | null;
  quantity?: number;
  detail?: Record<string, unknown>;
}

export class CityBuild {
  readonly random: Random;
  readonly nowMs: number;
  readonly rows: DemoCityRows = {
    stations: [],
    users: [],
    workerProfiles: [],
    employers: [],
    gigs: [],
    applications: [],
    bookings: [],
    timesheets: [],
    payments: [],
    ratings: [],
    complaints: [],
    serviceRecords: [],
    marketEvents: [],
  };
  readonly workers: DemoWorker[] = [];
  readonly employers: DemoEmployer[] = [];
  readonly staff: DemoStaff[] = [];
  readonly usedPhones = new Set<string>();

  constructor(
    seed: number,
    now: Date,
    readonly places: DemoCityPlaces,
  ) {
    this.random = new Random(seed);
    this.nowMs = now.getTime();
  }

  get cityCode(): string {
    return this.places.cityCode;
  }

  districtCode(index: number): string {
    return this.places.districts[index].code;
  }

  /** Records a fact's market event; facts in the future have not happened and must not be written. */
  event(kind: MarketEventKind, atMs: number, fields: EventFields): void {
    if (atMs > this.nowMs) throw new Error(`demo event ${kind} is in the future`);
    this.rows.marketEvents.push({
      cityCode: this.cityCode,
      kind,
      districtCode: fields.districtCode ?? null,
      categoryCode: fields.categoryCode ?? null,
      subjectId: fields.subjectId ?? null,
      quantity: fields.quantity ?? 1,
      detail: fields.detail ?? null,
      at: new Date(atMs),
    });
  }

  /** The staff member on duty at a district's market (零工市场). */
  marketStaff(district: number): DemoStaff {
    const found = this.staff.find((s) => s.district === district && s.kind === "market");
    if (!found) throw new Error(`no market staff in district ${district}`);
    return found;
  }

  districtStaff(district: number): DemoStaff[] {
    return this.staff.filter((s) => s.district === district);
  }
}
