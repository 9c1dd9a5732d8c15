/** Columnar indexes keep rows in typed arrays and grow them by copying into a larger array. */

export type Column =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** A copy of `old` of `size` elements, of the same kind: the added elements are zero. */
export function grown<T extends Column>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size);
  next.set(old as never);
  return next;
}
