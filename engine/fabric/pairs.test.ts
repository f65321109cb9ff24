import { describe, expect, it } from 'vitest';
import { PairIndex } from './pairs.js';

describe('PairIndex', () => {
  it('numbers pairs in order of first appearance and sums per pair, as a Map would, through several rehashes', () => {
    const index = new PairIndex(4);
    const reference = new Map<string, { i: number; sum: number }>();
    // A deterministic stream with repeats: pairs on a 300 x 300 grid, some seen many times.
    let x = 12345;
    for (let k = 0; k < 20_000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const a = x % 300;
      const b = (x >>> 9) % 300;
      const key = `${a},${b}`;
      const known = reference.get(key) ?? { i: reference.size, sum: 0 };
      known.sum += k % 7;
      reference.set(key, known);
      index.addTo(a, b, k % 7);
    }
    expect(index.size).toBe(reference.size);
    for (const [key, { i, sum }] of reference) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      expect(index.find(a, b)).toBe(i);
      expect([index.a[i], index.b[i], index.sum[i]]).toEqual([a, b, sum]);
    }
    expect(index.find(300, 0)).toBe(-1);
    expect(index.find(0, -1)).toBe(-1);
  });
});
