import { describe, expect, it } from 'vitest';
import { apportion } from './network.js';

describe('apportion (largest remainder)', () => {
  it('splits in proportion, whole numbers that add up', () => {
    // 10 x (1, 2, 3) / 6 = 1.67, 3.33, 5: floors 1, 3, 5 leave 1, to the largest remainder (0.67).
    expect(apportion(10, [1, 2, 3])).toEqual([2, 3, 5]);
    // 72 links over 250 racks of 5 or 6 switches: every total is kept.
    const weights = Array.from({ length: 250 }, (_, i) => 5 + (i % 2));
    expect(apportion(72, weights).reduce((s, v) => s + v, 0)).toBe(72);
  });

  it('gives equal remainders to the first, and nothing to zero weights or a zero sum', () => {
    // 4 over three equal weights: 1.33 each, floors 1, 1, 1, one left for the first.
    expect(apportion(4, [2, 2, 2])).toEqual([2, 1, 1]);
    expect(apportion(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
  });
});
