/**
 * The seeking spells in memory, column by column, so a page counts the valid seekers
 * (有效求职人数) of its periods in one pass over typed arrays instead of a database scan of every
 * spell. Pure: the rows come from the rollup's table (`SeekerCounts` keeps them current).
 *
 * A worker counts in a period once, by their spell that overlaps it and that no later-ending
 * spell of theirs overlaps (`laterFrom`, as the rollup sets it). In a district, the seekers whose
 * main district it is and those who take work anywhere; in the city (or the cities of a province),
 * everyone (the breakdowns: everyone with a profile). A worker belongs to one city, so a province
 * counts its cities' seekers once each: the sum of the cities' counts.
 */

import { grown } from "../platform/typed-arrays.ts";
import { AGE_BANDS, type AgeBand, ageBand } from "./indicators.ts";
import type { Scope } from "./monitoring.repository.ts";
import type { Period } from "./periods.ts";
import type { SpellFacts } from "./rollup.repository.ts";
import type { SeekerDistrictRow, SeekerRow } from "./supply-demand.ts";

export interface SeekerStock {
  /** Valid at some time in the period (有效求职人数). */
  valid: number;
  /** Of those, whose spell began in the period (新登记). */
  fresh: number;
  /** With a seeking act in the period (活跃). */
  active: number;
}

export interface SeekerBreakdown {
  seekers: SeekerRow[];
  districts: SeekerDistrictRow[];
}

const DAY_MS = 86_400_000;
/** Birth years are kept in an Int16Array; 0 means unknown. */
const MAX_BIRTH_YEAR = 9_999;
/** A spell with no later one: "later_from" beyond any period. */
const NEVER = 2 ** 31 - 1;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Strings as small numbers; 0 stands for null. */
class Codes {
  readonly values: Array<string | null> = [null];
  private readonly ids = new Map<string, number>();

  idOf(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

const COLUMNS = {
  city: Uint16Array,
  validFrom: Int32Array,
  validUntil: Int32Array,
  laterFrom: Int32Array,
  hasProfile: Uint8Array,
  category: Uint16Array,
  district: Uint16Array,
  sex: Uint16Array,
  birthYear: Uint16Array,
  education: Uint16Array,
  alive: Uint8Array,
};
type Column = keyof typeof COLUMNS;

/** A period as day numbers. */
interface Days {
  from: number;
  to: number;
  year: number;
}

export class SeekerIndex {
  private capacity = 0;
  private readonly free: number[] = [];
  private readonly rowsOf = new Map<string, number[]>();
  private readonly codes = {
    city: new Codes(),
    category: new Codes(),
    district: new Codes(),
    sex: new Codes(),
    education: new Codes(),
  };
  private cols: { [K in Column]: InstanceType<(typeof COLUMNS)[K]> };
  private hits = new Int32Array(0);
  /** Each row's act days as day numbers, sorted: whether it was active in a period. */
  private acts: Int32Array[] = [];

  constructor() {
    this.cols = Object.fromEntries(
      Object.entries(COLUMNS).map(([name, Type]) => [name, new Type(0)]),
    ) as typeof this.cols;
  }

  get size(): number {
    return this.rowsOf.size;
  }

  /** Replaces all spells of the workers named in `rows` with `rows`. */
  replaceWorkers(rows: readonly SpellFacts[]): void {
    for (const r of rows) this.removeWorker(r.workerId);
    for (const r of rows) this.add(r);
  }

  stocks(scope: Scope, periods: readonly Period[]): SeekerStock[] {
    const days = periods.map(toDays);
    const out = periods.map(() => ({ valid: 0, fresh: 0, active: 0 }));
    const { validFrom } = this.cols;
    const n = periods.length;
    for (const hit of this.counted(scope, false, days)) {
      const i = hit % n;
      const row = (hit - i) / n;
      out[i].valid += 1;
      if (validFrom[row] >= days[i].from) out[i].fresh += 1;
      if (actedWithin(this.acts[row], days[i].from, days[i].to)) out[i].active += 1;
    }
    return out;
  }

  /** Seekers of each period by main category and traits (age band at the period's year), and by main district. */
  breakdowns(scope: Scope, periods: readonly Period[]): SeekerBreakdown[] {
    const { category, sex, birthYear, education, district } = this.cols;
    const { codes } = this;
    const days = periods.map(toDays);
    // Counters in dense arrays: (category, sex, education, band) and district, by their codes.
    const sexes = codes.sex.values.length;
    const educations = codes.education.values.length;
    const bands = AGE_BANDS.length + 1;
    const size = codes.category.values.length * sexes * educations * bands;
    const traits = periods.map(() => new Int32Array(size));
    const districts = periods.map(() => new Int32Array(codes.district.values.length));
    const bandOf = days.map((d) => bandsByBirthYear(d.year));
    const n = periods.length;
    for (const hit of this.counted(scope, true, days)) {
      const i = hit % n;
      const row = (hit - i) / n;
      const band = bandOf[i][birthYear[row]];
      traits[i][((category[row] * sexes + sex[row]) * educations + education[row]) * bands + band] += 1;
      districts[i][district[row]] += 1;
    }
    return periods.map((_, i) => {
      const seekers: SeekerRow[] = [];
      traits[i].forEach((people, key) => {
        if (people === 0) return;
        const band = key % bands;
        const rest = (key - band) / bands;
        seekers.push({
          categoryCode: codes.category.values[Math.floor(rest / educations / sexes)],
          sex: codes.sex.values[Math.floor(rest / educations) % sexes],
          education: codes.education.values[rest % educations],
          ageBand: AGE_BANDS[band - 1] ?? null,
          people,
        });
      });
      const byDistrict: SeekerDistrictRow[] = [];
      districts[i].forEach((people, id) => {
        if (people > 0) byDistrict.push({ districtCode: codes.district.values[id], people });
      });
      return { seekers, districts: byDistrict };
    });
  }

  /**
   * Where a spell counts its worker in a period: `row * periods + period` for each such pair,
   * in a scratch array reused between calls (a generator or a callback per pair is slower).
   */
  private counted(scope: Scope, profiledOnly: boolean, periods: readonly Days[]): Int32Array {
    // The scope's cities as a mask over their codes: a province's several cost one lookup a row.
    const cities = new Uint8Array(this.codes.city.values.length);
    for (const code of scope.cityCodes) {
      const id = this.codes.city.find(code);
      if (id !== undefined) cities[id] = 1;
    }
    if (!cities.includes(1)) return new Int32Array(0);
    // A district nobody lists still has the seekers who take work anywhere (code 0).
    const district = scope.district === null ? -1 : (this.codes.district.find(scope.district) ?? -2);
    const mustHaveProfile = profiledOnly || district !== -1;
    const lo = Math.min(...periods.map((p) => p.from));
    const hi = Math.max(...periods.map((p) => p.to));
    const n = periods.length;
    if (this.hits.length < this.capacity * n) this.hits = new Int32Array(this.capacity * n);
    const { hits } = this;
    const c = this.cols;
    let found = 0;
    for (let row = 0; row < this.capacity; row++) {
      const from = c.validFrom[row];
      const until = c.validUntil[row];
      if (!c.alive[row] || from >= hi || until <= lo || !cities[c.city[row]]) continue;
      if (mustHaveProfile && !c.hasProfile[row]) continue;
      if (district !== -1 && c.district[row] !== 0 && c.district[row] !== district) continue;
      for (let i = 0; i < n; i++) {
        const p = periods[i];
        if (from < p.to && until > p.from && c.laterFrom[row] >= p.to) hits[found++] = row * n + i;
      }
    }
    return hits.subarray(0, found);
  }

  private add(r: SpellFacts): void {
    const row = this.free.pop() ?? this.grow();
    const c = this.cols;
    c.city[row] = this.codes.city.idOf(r.cityCode);
    c.validFrom[row] = dayNumber(r.validFrom);
    c.validUntil[row] = dayNumber(r.validUntil);
    c.laterFrom[row] = r.laterFrom === null ? NEVER : dayNumber(r.laterFrom);
    this.acts[row] = Int32Array.from(r.actDays, dayNumber).sort();
    c.hasProfile[row] = r.hasProfile ? 1 : 0;
    c.category[row] = this.codes.category.idOf(r.categoryCode);
    c.district[row] = this.codes.district.idOf(r.districtCode);
    c.sex[row] = this.codes.sex.idOf(r.sex);
    c.birthYear[row] =
      r.birthYear !== null && r.birthYear > 0 && r.birthYear <= MAX_BIRTH_YEAR ? r.birthYear : 0;
    c.education[row] = this.codes.education.idOf(r.education);
    c.alive[row] = 1;
    const rows = this.rowsOf.get(r.workerId);
    if (rows) rows.push(row);
    else this.rowsOf.set(r.workerId, [row]);
  }

  private removeWorker(workerId: string): void {
    const rows = this.rowsOf.get(workerId);
    if (!rows) return;
    for (const row of rows) {
      this.cols.alive[row] = 0;
      this.free.push(row);
    }
    this.rowsOf.delete(workerId);
  }

  /** A new row at the end, doubling every column when full. */
  private grow(): number {
    if (this.capacity === this.cols.alive.length) {
      const next = Math.max(1024, this.capacity * 2);
      for (const name of Object.keys(COLUMNS) as Column[])
        (this.cols as Record<Column, unknown>)[name] = grown(this.cols[name], next);
    }
    return this.capacity++;
  }
}

/** The indicator's age band at `year` for every birth year (0: unknown), as 1 + its index, 0 for none. */
function bandsByBirthYear(year: number): Uint8Array {
  const bands = new Uint8Array(MAX_BIRTH_YEAR + 1);
  for (let born = 1; born <= MAX_BIRTH_YEAR; born++)
    bands[born] = AGE_BANDS.indexOf(ageBand(born, year) as AgeBand) + 1;
  return bands;
}

/** Whether a sorted list of days holds one in [from, to). */
function actedWithin(days: Int32Array | undefined, from: number, to: number): boolean {
  if (!days) return false;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] < to;
}

function toDays(p: Period): Days {
  return { from: dayNumber(p.from), to: dayNumber(p.to), year: Number(p.from.slice(0, 4)) };
}
