// The update ranges an edit uploads: only what changed, merged when close, bounded in number.
import { describe, expect, it } from 'vitest';
import { MAX_RANGES, changedRanges } from './instance-ranges';

describe('changedRanges', () => {
  it('is empty when nothing changed and one instance long for a one-rack move', () => {
    expect(changedRanges(10_000, () => false)).toEqual([]);
    expect(changedRanges(10_000, (i) => i === 4321)).toEqual([{ start: 4321, count: 1 }]);
  });

  it('bridges small gaps and keeps distant changes apart', () => {
    const set = new Set([3, 5, 100, 101]);
    expect(changedRanges(200, (i) => set.has(i))).toEqual([{ start: 3, count: 3 }, { start: 100, count: 2 }]);
  });

  it('falls back to one span when the changes are scattered over many places', () => {
    const every = (i: number) => i % 10 === 0;
    const ranges = changedRanges(10 * (MAX_RANGES + 5), every);
    expect(ranges).toEqual([{ start: 0, count: 10 * (MAX_RANGES + 4) + 1 }]);
  });
});
