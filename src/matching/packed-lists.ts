/**
 * Short lists of whole numbers, one per row, packed in one shared Int32Array: a million workers'
 * categories and counts without a JS array each (an array costs more than the numbers it holds,
 * and the garbage collector walks every one). A row's list is rewritten where it is when it fits,
 * otherwise at the end; the space left behind is reclaimed by compacting once it is half the array.
 */
/** The array grows by a quarter: a million rows' lists then waste little of it. */
const GROWTH = 1.25;

export class PackedLists {
  data = new Int32Array(4096);
  /** Per row, where its list starts in `data` and how long it is. */
  start = new Int32Array(0);
  length = new Uint16Array(0);
  private end = 0;
  private garbage = 0;

  /** Room for `rows` rows (their lists empty). */
  reserve(rows: number): void {
    if (rows <= this.start.length) return;
    const start = new Int32Array(rows);
    const length = new Uint16Array(rows);
    start.set(this.start);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }

  /** Where `row`'s new list of `n` numbers goes: the caller writes them at data[at] onwards. */
  place(row: number, n: number): number {
    if (n > 0xffff) throw new RangeError(`a list of ${n} numbers is longer than a row holds`);
    const old = this.length[row];
    if (n <= old) {
      this.garbage += old - n;
      this.length[row] = n;
      return this.start[row];
    }
    this.clear(row);
    if (this.end + n > this.data.length) this.makeRoom(n);
    const at = this.end;
    this.start[row] = at;
    this.length[row] = n;
    this.end += n;
    return at;
  }

  clear(row: number): void {
    this.garbage += this.length[row];
    this.length[row] = 0;
  }

  bytes(): number {
    return this.data.byteLength + this.start.byteLength + this.length.byteLength;
  }

  /** A larger array, or the same size compacted when half of it is left behind. */
  private makeRoom(n: number): void {
    const compact = this.garbage * 2 >= this.end;
    const needed = (compact ? this.end - this.garbage : this.end) + n;
    const size = Math.max(this.data.length, Math.ceil(needed * GROWTH));
    const data = new Int32Array(size);
    if (!compact) data.set(this.data.subarray(0, this.end));
    else {
      let at = 0;
      for (let row = 0; row < this.start.length; row++) {
        const from = this.start[row];
        const len = this.length[row];
        if (len === 0) continue;
        data.set(this.data.subarray(from, from + len), at);
        this.start[row] = at;
        at += len;
      }
      this.end = at;
      this.garbage = 0;
    }
    this.data = data;
  }
}
