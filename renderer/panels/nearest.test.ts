// The pickers' nearest equipment through the grid is what a stable sort of all of it by distance
// gives: the same items in the same order, ties (equipment on a regular pitch) to the one listed
// first, from inside the equipment's spread and from far outside it; a side's busways only.
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { NearestIndex, pickerLists, type Sited } from './nearest';

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The inspector's former way: every item by distance, a stable sort, the first k. */
function bySort<T extends Sited>(items: readonly T[], at: { x: number; y: number }, k: number): { id: string; d: number }[] {
  return items.map((o) => ({ id: o.id, d: Math.hypot(o.position.x - at.x, o.position.y - at.y) })).sort((a, b) => a.d - b.d).slice(0, k);
}
const ids = (near: { o: Sited; d: number }[]) => near.map(({ o, d }) => ({ id: o.id, d }));

describe('nearest equipment', () => {
  it('agrees with the sort for 3,000 items on a 0.6 m pitch (many ties) and scattered ones, 300 seeded points', () => {
    const random = seeded(7);
    // Busway-like runs: rows of units 0.6 m apart, each position listed twice (A and B side) to force ties.
    const pitched: Sited[] = [];
    for (let row = 0; row < 30; row++) for (let n = 0; n < 50; n++) for (const side of ['A', 'B']) pitched.push({ id: `${side}-${row}-${n}`, name: '', position: { x: 3 + n * 0.6, y: 2 + row * 3.6 } });
    const scattered: Sited[] = Array.from({ length: 3000 }, (_, i) => ({ id: `s${i}`, name: '', position: { x: random() * 200, y: random() * 120 } }));
    for (const items of [pitched, scattered]) {
      const index = new NearestIndex(items);
      for (let i = 0; i < 300; i++) {
        // Mostly over the equipment, some far outside it (a rack dragged to the hall's far end).
        const at = i % 10 === 0 ? { x: -50 + random() * 400, y: -50 + random() * 300 } : { x: Math.round(random() * 600) / 20, y: Math.round(random() * 2200) / 20 };
        for (const k of [1, 8]) expect(ids(index.nearest(at, k)), `at ${at.x}, ${at.y}`).toEqual(bySort(items, at, k));
      }
    }
  });

  it('returns all of a short list, and all of a long one when asked for more than it holds', () => {
    const few: Sited[] = [{ id: 'b', name: '', position: { x: 5, y: 0 } }, { id: 'a', name: '', position: { x: 1, y: 0 } }];
    expect(new NearestIndex(few).nearest({ x: 0, y: 0 }, 8).map((n) => n.o.id)).toEqual(['a', 'b']);
    const many: Sited[] = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, name: '', position: { x: i, y: i % 7 } }));
    expect(ids(new NearestIndex(many).nearest({ x: 50, y: 3 }, 500))).toEqual(bySort(many, { x: 50, y: 3 }, 500));
    expect(new NearestIndex([]).nearest({ x: 0, y: 0 }, 8)).toEqual([]);
  });

  it('offers side A\'s pickers no B busway and B\'s no A busway, and only CDUs to the CDU picker; kept while the power array stays', () => {
    const doc = demoHall(shippedCatalog);
    const lists = pickerLists(doc);
    const at = doc.racks[0]!.position;
    const a = lists.feedA.nearest(at, 100).map((n) => n.o);
    const b = lists.feedB.nearest(at, 100).map((n) => n.o);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.every((p) => p.side !== 'B')).toBe(true);
    expect(b.every((p) => p.side !== 'A')).toBe(true);
    const cduTypes = new Set(doc.catalog.coolingTypes.filter((t) => t.kind === 'cdu').map((t) => t.id as string));
    expect(lists.cdus.nearest(at, 100).map((n) => n.o.id).sort()).toEqual(doc.cooling.filter((u) => cduTypes.has(u.typeId)).map((u) => u.id).sort());
    // A rack edit keeps power and cooling: the same indices, not built again.
    expect(pickerLists({ ...doc, racks: doc.racks.slice(1) }).feedA).toBe(lists.feedA);
    expect(lists.feedA.find('bw-A-01-1')?.id).toBe('bw-A-01-1');
    expect(lists.feedA.find('bw-B-01-1')).toBeUndefined();
  });
});
