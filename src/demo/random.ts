/**
 * A seeded pseudo-random source (mulberry32) with the draws the demo city needs.
 * The same seed gives the same sequence on every machine, so `--seed` reproduces a city.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A version-4-shaped UUID from the sequence, so ids are reproducible too. */
  uuid(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
    const a = hex(this.next() * 4_294_967_296);
    const b = hex(this.next() * 4_294_967_296);
    const c = hex(this.next() * 4_294_967_296);
    const d = hex(this.next() * 4_294_967_296);
    const variant = "89ab"[Math.floor(this.next() * 4)];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

/** Builds a weight table once so hot loops can draw an index in O(log n). */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    out[i] = total;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

export function drawIndex(table: Float64Array, u: number): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
