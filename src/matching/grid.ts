/**
 * A spatial grid of row numbers bucketed by (group, cell): groups are categories for gigs
 * (`Grid`), and (category, range band) for workers (worker-cells.ts, on the same cells). Cells
 * are about 2.2 km square near 32°N, so a 10 km search reads about a hundred buckets instead of
 * every row.
 */
const CELL_LAT_DEG = 0.02;
const CELL_LNG_DEG = 0.025;
// 9,001 rows × COLS cells: every cell number stays below 2^30.
const COLS = Math.ceil(360 / CELL_LNG_DEG) + 1;
const KM_PER_DEG = 111.195;

function cellY(latDeg: number): number {
  return Math.floor((latDeg + 90) / CELL_LAT_DEG);
}
function cellX(lngDeg: number): number {
  return Math.floor((lngDeg + 180) / CELL_LNG_DEG);
}
/** A cell's number within its group: below 2^30, so a small integer to V8 and a fast map key. */
function cellKey(y: number, x: number): number {
  return y * COLS + x;
}

/** The number of the cell holding a point: the same in every group. */
export function cellOf(latDeg: number, lngDeg: number): number {
  return cellKey(cellY(latDeg), cellX(lngDeg));
}

/**
 * Calls `visit` with every cell of `cells` (by cell number) that may hold a point within `km` of
 * the centre, and a distance no point of the cell is nearer than (km).
 */
export function forEachCellNear<Cell>(
  cells: ReadonlyMap<number, Cell>,
  latDeg: number,
  lngDeg: number,
  km: number,
  visit: (cell: Cell, nearestKm: number) => void,
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
      const cell = cells.get(cellKey(y, x));
      if (cell !== undefined) visit(cell, nearestKm(y, x, latDeg, lngDeg));
    }
  }
}

export class Grid {
  /** Per group, its cells' buckets by cell number. */
  private readonly groups = new Map<number, Map<number, number[]>>();

  private cellsOf(group: number): Map<number, number[]> {
    let cells = this.groups.get(group);
    if (!cells) {
      cells = new Map();
      this.groups.set(group, cells);
    }
    return cells;
  }

  /** Adds a row; returns its bucket (the same array while the bucket has rows). */
  add(group: number, latDeg: number, lngDeg: number, row: number): number[] {
    const cells = this.cellsOf(group);
    const k = cellOf(latDeg, lngDeg);
    const bucket = cells.get(k);
    if (bucket) {
      bucket.push(row);
      return bucket;
    }
    const fresh = [row];
    cells.set(k, fresh);
    return fresh;
  }

  remove(group: number, latDeg: number, lngDeg: number, row: number): void {
    const cells = this.groups.get(group);
    const k = cellOf(latDeg, lngDeg);
    const bucket = cells?.get(k);
    if (!cells || !bucket) return;
    const i = bucket.indexOf(row);
    if (i < 0) return;
    bucket[i] = bucket[bucket.length - 1];
    bucket.pop();
    if (bucket.length === 0) cells.delete(k);
  }

  /**
   * Calls `visit` with every bucket of `group` whose cell may hold a point within `km` of the
   * centre, and a distance no point of the cell is nearer than (km).
   */
  forEachBucketNear(
    group: number,
    latDeg: number,
    lngDeg: number,
    km: number,
    visit: (rows: number[], nearestKm: number) => void,
  ): void {
    const cells = this.groups.get(group);
    if (cells) forEachCellNear(cells, latDeg, lngDeg, km, visit);
  }

  /** Approximate heap held by the buckets, bytes (8 per row number plus the map entry). */
  approximateBytes(): number {
    let rows = 0;
    let buckets = 0;
    for (const cells of this.groups.values()) {
      buckets += cells.size;
      for (const b of cells.values()) rows += b.length;
    }
    return rows * 8 + buckets * 80;
  }
}

/**
 * A lower bound of the great-circle distance from a point to any point of cell (y, x), km:
 * the gaps in latitude and longitude (the latter at the cell's widest latitude, where a degree
 * is shortest), combined flat and shaved by 1% so the flat approximation never overestimates
 * at city scale.
 */
function nearestKm(y: number, x: number, latDeg: number, lngDeg: number): number {
  const south = y * CELL_LAT_DEG - 90;
  const west = x * CELL_LNG_DEG - 180;
  const dLat = Math.max(0, south - latDeg, latDeg - (south + CELL_LAT_DEG));
  const dLng = Math.max(0, west - lngDeg, lngDeg - (west + CELL_LNG_DEG));
  if (dLat === 0 && dLng === 0) return 0;
  const widest = Math.min(89.9, Math.max(Math.abs(latDeg), Math.abs(south), Math.abs(south + CELL_LAT_DEG)));
  const lngKm = dLng * KM_PER_DEG * Math.cos((widest * Math.PI) / 180);
  return 0.99 * Math.hypot(dLat * KM_PER_DEG, lngKm);
}

/** The best k rows by score, highest first; equal scores keep the lower row number first. */
export class TopK {
  readonly rows: number[] = [];
  readonly scores: number[] = [];

  constructor(private k: number) {}

  /** Empties it for a new search of the best `k`, keeping its arrays. */
  reset(k: number): void {
    this.k = k;
    this.rows.length = 0;
    this.scores.length = 0;
  }

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
