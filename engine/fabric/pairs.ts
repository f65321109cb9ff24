// An index of integer pairs in order of first appearance: open addressing on typed arrays. The
// fabric sums cable counts by site pair ~170,000 times a gigawatt hall; a JavaScript Map of
// number keys costs ~0.5 us an insertion there, this a few ns.

const EMPTY = -1;

export class PairIndex {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private slots: Int32Array;
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
    this.keysA = new Int32Array(cap);
    this.keysB = new Int32Array(cap);
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.a = new Int32Array(Math.max(16, expected));
    this.b = new Int32Array(Math.max(16, expected));
    this.sum = new Int32Array(Math.max(16, expected));
  }

  /** Index of (a, b), or -1. */
  find(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) & this.mask;
    for (;;) {
      const slot = this.slots[h] as number;
      if (slot === EMPTY) return -1;
      if (this.keysA[h] === a && this.keysB[h] === b) return slot;
      h = (h + 1) & this.mask;
    }
  }

  /** Adds n to the sum of (a, b). */
  addTo(a: number, b: number, n: number): void {
    const i = this.add(a, b);
    this.sum[i] = (this.sum[i] as number) + n;
  }

  /** Index of (a, b), added at the end when new. */
  add(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) & this.mask;
    for (;;) {
      const slot = this.slots[h] as number;
      if (slot === EMPTY) break;
      if (this.keysA[h] === a && this.keysB[h] === b) return slot;
      h = (h + 1) & this.mask;
    }
    const i = this.size++;
    this.slots[h] = i;
    this.keysA[h] = a;
    this.keysB[h] = b;
    if (i === this.a.length) {
      const na = new Int32Array(i * 2);
      na.set(this.a);
      this.a = na;
      const nb = new Int32Array(i * 2);
      nb.set(this.b);
      this.b = nb;
      const ns = new Int32Array(i * 2);
      ns.set(this.sum);
      this.sum = ns;
    }
    this.a[i] = a;
    this.b[i] = b;
    if (this.size * 2 > this.slots.length) this.rehash();
    return i;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    this.keysA = new Int32Array(cap);
    this.keysB = new Int32Array(cap);
    this.slots = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let i = 0; i < this.size; i++) {
      const a = this.a[i] as number;
      const b = this.b[i] as number;
      let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77)) & this.mask;
      while (this.slots[h] !== EMPTY) h = (h + 1) & this.mask;
      this.slots[h] = i;
      this.keysA[h] = a;
      this.keysB[h] = b;
    }
  }
}
