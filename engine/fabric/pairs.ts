// An index of integer pairs in order of first appearance: open addressing on one typed array of
// (a, b, index) triples, so that a probe reads one cache line. The fabric sums cable counts by site
// pair ~170,000 times a gigawatt hall; a JavaScript Map of number keys costs ~0.5 us an insertion
// there, this a few ns.

/** A free slot: the table stores index + 1, so a fresh (zeroed) array is all free. */
const EMPTY = 0;

const hash = (a: number, b: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77) ^ (b >>> 15);

export class PairIndex {
  /** Slot s holds a at 3s, b at 3s + 1 and the pair's index + 1 at 3s + 2 (EMPTY when free). */
  private table: Int32Array;
  private mask: number;
  /** The pairs, in order of first appearance. */
  a: Int32Array;
  b: Int32Array;
  /** A sum kept per pair (see addTo). */
  sum: Int32Array;
  size = 0;

  constructor(expected = 64) {
    let cap = 64;
    while (cap < expected * 2) cap *= 2;
    this.table = PairIndex.empty(cap);
    this.mask = cap - 1;
    const n = Math.max(16, expected);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.sum = new Int32Array(n);
  }

  private static empty(cap: number): Int32Array {
    return new Int32Array(cap * 3);
  }

  /**
   * Empties the index for another use, keeping its arrays: the fabric rebuilds a segment's pairs
   * in one scratch index per edit instead of allocating megabytes each time (V8 collects garbage
   * by the external memory typed arrays take).
   */
  reset(): this {
    this.table.fill(0);
    this.sum.fill(0, 0, this.size);
    this.size = 0;
    return this;
  }

  /** Index of (a, b), or -1. */
  find(a: number, b: number): number {
    const t = this.table;
    for (let h = hash(a, b) & this.mask; ; h = (h + 1) & this.mask) {
      const at = h * 3;
      const slot = t[at + 2] as number;
      if (slot === EMPTY) return -1;
      if (t[at] === a && t[at + 1] === b) return slot - 1;
    }
  }

  /** Index of (a, b), added at the end when new. */
  add(a: number, b: number): number {
    const t = this.table;
    let at = 0;
    for (let h = hash(a, b) & this.mask; ; h = (h + 1) & this.mask) {
      at = h * 3;
      const slot = t[at + 2] as number;
      if (slot === EMPTY) break;
      if (t[at] === a && t[at + 1] === b) return slot - 1;
    }
    const i = this.size++;
    t[at] = a;
    t[at + 1] = b;
    t[at + 2] = i + 1;
    if (i === this.a.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(i * 2);
        next.set(old);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.sum = grow(this.sum);
    }
    this.a[i] = a;
    this.b[i] = b;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return i;
  }

  /** Adds n to the sum of (a, b). */
  addTo(a: number, b: number, n: number): void {
    const i = this.add(a, b);
    this.sum[i] = (this.sum[i] as number) + n;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const t = PairIndex.empty(cap);
    this.mask = cap - 1;
    for (let i = 0; i < this.size; i++) {
      const a = this.a[i] as number;
      const b = this.b[i] as number;
      let h = hash(a, b) & this.mask;
      while (t[h * 3 + 2] !== EMPTY) h = (h + 1) & this.mask;
      t[h * 3] = a;
      t[h * 3 + 1] = b;
      t[h * 3 + 2] = i + 1;
    }
    this.table = t;
  }
}
