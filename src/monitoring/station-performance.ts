/**
 * Station performance for the bureau (驿站服务绩效): per station and local day, and per station
 * over the period, from the facts the repository reads. Pure, so the counting rules are tested
 * on their own:
 *   - walk-ins served: distinct people a station's staff recorded a service for;
 *   - registrations: registration service records;
 *   - people booked: distinct of the station's people (registered there, or served there before)
 *     with a booking made that day;
 *   - people paid: distinct of the station's people who confirmed receipt of pay that day;
 *   - complaints handled: complaints closed that day by the station's staff;
 *   - time to booking: minutes from her first service at the counter that day to her booking
 *     that day, the median over the people booked the day they came (others have no arrival).
 */

export interface ServiceFact {
  stationId: string;
  day: string;
  personId: string | null;
  services: number;
  registrations: number;
}

export interface BookingFact {
  stationId: string;
  day: string;
  workerId: string;
  /** From her first service at the counter that day to the booking; null if she did not come that day. */
  minutesFromArrival: number | null;
}

export interface PaidFact {
  stationId: string;
  day: string;
  workerId: string;
}

export interface ClosedFact {
  stationId: string;
  day: string;
  complaints: number;
}

export interface StationFacts {
  services: ServiceFact[];
  bookings: BookingFact[];
  paid: PaidFact[];
  closed: ClosedFact[];
}

export interface Performance {
  walkIns: number;
  services: number;
  registrations: number;
  peopleBooked: number;
  peoplePaid: number;
  complaintsHandled: number;
  /** Median minutes from arrival to booking; null when nobody was booked the day she came. */
  medianMinutesToBooking: number | null;
  bookedOnArrivalDay: number;
}

/** The middle value (the mean of the two middle ones for an even count), to 0.1 minute. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}

interface Bucket {
  walkIns: Set<string>;
  services: number;
  registrations: number;
  booked: Set<string>;
  minutes: number[];
  paid: Set<string>;
  complaintsHandled: number;
}

const emptyBucket = (): Bucket => ({
  walkIns: new Set(),
  services: 0,
  registrations: 0,
  booked: new Set(),
  minutes: [],
  paid: new Set(),
  complaintsHandled: 0,
});

function toPerformance(b: Bucket): Performance {
  return {
    walkIns: b.walkIns.size,
    services: b.services,
    registrations: b.registrations,
    peopleBooked: b.booked.size,
    peoplePaid: b.paid.size,
    complaintsHandled: b.complaintsHandled,
    medianMinutesToBooking: median(b.minutes),
    bookedOnArrivalDay: b.minutes.length,
  };
}

/**
 * Folds the facts into one bucket per (station, day) and one per station for the whole period.
 * Over the period a person counts once (a walk-in served on three days is one person); her
 * minutes to booking count once per day she was booked on arrival.
 */
export function foldPerformance(facts: StationFacts): {
  days: Array<{ stationId: string; day: string } & Performance>;
  totals: Map<string, Performance>;
} {
  const days = new Map<string, Bucket>();
  const totals = new Map<string, Bucket>();
  const buckets = (stationId: string, day: string): Bucket[] => {
    const key = `${stationId}|${day}`;
    if (!days.has(key)) days.set(key, emptyBucket());
    if (!totals.has(stationId)) totals.set(stationId, emptyBucket());
    return [days.get(key) as Bucket, totals.get(stationId) as Bucket];
  };
  for (const f of facts.services)
    for (const b of buckets(f.stationId, f.day)) {
      if (f.personId) b.walkIns.add(f.personId);
      b.services += f.services;
      b.registrations += f.registrations;
    }
  for (const f of facts.bookings)
    for (const b of buckets(f.stationId, f.day)) {
      b.booked.add(f.workerId);
      if (f.minutesFromArrival !== null) b.minutes.push(f.minutesFromArrival);
    }
  for (const f of facts.paid) for (const b of buckets(f.stationId, f.day)) b.paid.add(f.workerId);
  for (const f of facts.closed)
    for (const b of buckets(f.stationId, f.day)) b.complaintsHandled += f.complaints;
  return {
    days: [...days.entries()]
      .map(([key, b]) => {
        const [stationId, day] = key.split("|");
        return { stationId, day, ...toPerformance(b) };
      })
      .sort((a, b) => a.day.localeCompare(b.day) || a.stationId.localeCompare(b.stationId)),
    totals: new Map([...totals.entries()].map(([id, b]) => [id, toPerformance(b)])),
  };
}
