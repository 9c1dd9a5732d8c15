/**
 * The ids of the gig index's rows, and the row of an id, without a string and a map entry a gig.
 * A gig's id is a UUID: its four 32-bit words sit in one typed array (16 bytes a row) and an
 * open-addressing table of row numbers finds a row by them (about 8 bytes a gig). A million ids
 * are then two typed arrays to the garbage collector, where strings and a Map cost about 100
 * bytes a gig. Ids that are not lower-case UUIDs (tests, hand-made records) are kept as strings.
 */
import { grown } from "../platform/typed-arrays.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Slot values: a row number plus one, or one of these. */
const EMPTY = 0;
const DELETED = -1;
const MIN_SLOTS = 1024;

export class GigIds {
  /** Per row, its UUID's four words (unused for rows whose id is in `others`). */
  private words = new Uint32Array(0);
  private readonly others = new Map<number, string>();
  private readonly rowOfOther = new Map<string, number>();
  /** A power of two long and at most half in use, so every probe soon meets an EMPTY slot. */
  private slots = new Int32Array(MIN_SLOTS);
  /** Slots not EMPTY (rows and DELETED marks). */
  private used = 0;
  private live = 0;
  /** The words of the id being looked up, and that id when it was parsed from a string. */
  private readonly key = new Uint32Array(4);
  private keyOf: string | undefined;

  /** Room for `rows` rows. */
  reserve(rows: number): void {
    if (rows * 4 > this.words.length) this.words = grown(this.words, rows * 4);
  }

  rowOf(id: string): number | undefined {
    if (!this.parse(id)) return this.rowOfOther.get(id);
    const slot = this.find();
    return slot < 0 ? undefined : this.slots[slot] - 1;
  }

  /** Gives `row` the id `id`, which no row holds. */
  set(row: number, id: string): void {
    if (!this.parse(id)) {
      this.others.set(row, id);
      this.rowOfOther.set(id, row);
      return;
    }
    this.words.set(this.key, row * 4);
    if ((this.used + 1) * 2 > this.slots.length) {
      this.rehash();
      this.loadKey(row);
    }
    const mask = this.slots.length - 1;
    let slot = this.hash() & mask;
    while (this.slots[slot] > 0) slot = (slot + 1) & mask;
    if (this.slots[slot] === EMPTY) this.used += 1;
    this.slots[slot] = row + 1;
    this.live += 1;
  }

  /** Forgets `row`'s id. */
  delete(row: number): void {
    const other = this.others.get(row);
    if (other !== undefined) {
      this.others.delete(row);
      this.rowOfOther.delete(other);
      return;
    }
    this.loadKey(row);
    const slot = this.find();
    if (slot < 0) return;
    this.slots[slot] = DELETED;
    this.live -= 1;
  }

  idOf(row: number): string {
    const other = this.others.get(row);
    if (other !== undefined) return other;
    const w = this.words;
    const at = row * 4;
    const a = hex(w[at]);
    const b = hex(w[at + 1]);
    const c = hex(w[at + 2]);
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex(w[at + 3])}`;
  }

  /**
   * The order of `idOf(a)` and `idOf(b)` as strings: for two UUIDs, their words in turn (fixed-width
   * lower-case hex sorts as the numbers it spells), with no string made.
   */
  compare(a: number, b: number): number {
    if (this.others.size > 0 && (this.others.has(a) || this.others.has(b))) {
      const idA = this.idOf(a);
      const idB = this.idOf(b);
      return idA < idB ? -1 : idA > idB ? 1 : 0;
    }
    const w = this.words;
    for (let i = 0; i < 4; i++) {
      const d = w[a * 4 + i] - w[b * 4 + i];
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return 0;
  }

  bytes(): number {
    return this.words.byteLength + this.slots.byteLength;
  }

  /** Reads a lower-case UUID into `key`; false for any other id. An upsert asks twice: parsed once. */
  private parse(id: string): boolean {
    if (id === this.keyOf) return true;
    if (id.length !== 36 || !UUID.test(id)) return false;
    this.keyOf = id;
    const k = this.key;
    k[0] = Number.parseInt(id.slice(0, 8), 16);
    k[1] = Number.parseInt(id.slice(9, 13) + id.slice(14, 18), 16);
    k[2] = Number.parseInt(id.slice(19, 23) + id.slice(24, 28), 16);
    k[3] = Number.parseInt(id.slice(28, 36), 16);
    return true;
  }

  /** Puts `row`'s words in `key`. */
  private loadKey(row: number): void {
    const w = this.words;
    const k = this.key;
    k[0] = w[row * 4];
    k[1] = w[row * 4 + 1];
    k[2] = w[row * 4 + 2];
    k[3] = w[row * 4 + 3];
    this.keyOf = undefined;
  }

  /** The slot holding the row whose words are `key`, or −1. */
  private find(): number {
    const mask = this.slots.length - 1;
    const { slots, words, key } = this;
    for (let slot = this.hash() & mask; ; slot = (slot + 1) & mask) {
      const v = slots[slot];
      if (v === EMPTY) return -1;
      if (v === DELETED) continue;
      const at = (v - 1) * 4;
      if (
        words[at] === key[0] &&
        words[at + 1] === key[1] &&
        words[at + 2] === key[2] &&
        words[at + 3] === key[3]
      )
        return slot;
    }
  }

  private hash(): number {
    const k = this.key;
    let h = Math.imul(k[0] ^ Math.imul(k[1], 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ k[2] ^ Math.imul(k[3], 0xc2b2ae35), 0x27d4eb2f);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** A table with room for as many rows again, without DELETED marks. */
  private rehash(): void {
    const old = this.slots;
    let size = MIN_SLOTS;
    while (size < (this.live + 1) * 3) size *= 2;
    this.slots = new Int32Array(size);
    this.used = 0;
    this.live = 0;
    for (const v of old) {
      if (v <= 0) continue;
      this.loadKey(v - 1);
      const mask = size - 1;
      let slot = this.hash() & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = v;
      this.used += 1;
      this.live += 1;
    }
  }
}

function hex(word: number): string {
  return word.toString(16).padStart(8, "0");
}
