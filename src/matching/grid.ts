/**
 * A spatial grid of row numbers bucketed by (group, cell): groups are categories for gigs,
 * and (category, range band) for workers. Cells are about 2.2 km square near 32°N, so a
 * 10 km search reads about a hundred buckets instead of every row.
 */
const CELL_LAT_DEG = 0.02;
const CELL_LNG_DEG = 0.025;
const ROWS = Math.ceil(180 / CELL_LAT_DEG) + 1;
const COLS = Math.ceil(360 / CELL_LNG_DEG) + 1;
const KM_PER_DEG = 111.195;

function cellY(latDeg: number): number {
  return Math.floor((latDeg + 90) / CELL_LAT_DEG);
}
function cellX(lngDeg: number): number {
  return Math.floor((lngDeg + 180) / CELL_LNG_DEG);
}
function key(group: number, y: number, x: number): number {
  return (group * ROWS + y) * COLS + x;
}

export class Grid {
  private readonly buckets = new Map<number, number[]>();

  add(group: number, latDeg: number, lngDeg: number, row: number): void {
    const k = key(group, cellY(latDeg), cellX(lngDeg));
    const bucket = this.buckets.get(k);
    if (bucket) bucket.push(row);
    else this.buckets.set(k, [row]);
  }

  remove(group: number, latDeg: number, lngDeg: number, row: number): void {
    const k = key(group, cellY(latDeg), cellX(lngDeg));
    const bucket = this.buckets.get(k);
    if (!bucket) return;
    const i = bucket.indexOf(row);
    if (i < 0) return;
    bucket[i] = bucket[bucket.length - 1];
    bucket.pop();
    if (bucket.length === 0) this.buckets.delete(k);
  }

  /** Calls `visit` with every bucket of `group` whose cell may hold a point within `km` of the centre. */
  forEachBucketNear(
    group: number,
    latDeg: number,
    lngDeg: number,
    km: number,
    visit: (rows: number[]) => void,
  ): void {
    const dLat = km / KM_PER_DEG;
    const widestLat = Math.min(89, Math.abs(latDeg) + dLat);
    const dLng = Math.min(180, km / (KM_PER_DEG * Math.cos((widestLat * Math.PI) / 180)));
    const y0 = cellY(latDeg - dLat);
    const y1 = cellY(latDeg + dLat);
    const x0 = cellX(lngDeg - dLng);
    const x1 = cellX(lngDeg + dLng);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const bucket = this.buckets.get(key(group, y, x));
        if (bucket) visit(bucket);
      }
    }
  }

  /** Approximate heap held by the buckets, bytes (8 per row number plus the map entry). */
  approximateBytes(): number {
    let rows = 0;
    for (const b of this.buckets.values()) rows += b.length;
    return rows * 8 + this.buckets.size * 80;
  }
}

/** The best k rows by score, highest first; equal scores keep the lower row number first. */
export class TopK {
  readonly rows: number[] = [];
  readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** The score a row must beat to enter (−∞ until full). */
  get threshold(): number {
    return this.rows.length < this.k ? Number.NEGATIVE_INFINITY : this.scores[this.k - 1];
  }

  offer(row: number, score: number): void {
    const n = this.rows.length;
    if (n === this.k && !better(score, row, this.scores[n - 1], this.rows[n - 1])) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && better(score, row, this.scores[i - 1], this.rows[i - 1])) {
      this.scores[i] = this.scores[i - 1];
      this.rows[i] = this.rows[i - 1];
      i--;
    }
    this.scores[i] = score;
    this.rows[i] = row;
  }
}

function better(scoreA: number, rowA: number, scoreB: number, rowB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && rowA < rowB);
}
