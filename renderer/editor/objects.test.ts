// Object boxes are remembered by record (per catalog): after an edit only the changed records get
// new boxes, and the answer is the one a fresh build gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog, m } from '../../engine/model/index';
import { objectBoxes } from './objects';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('object boxes', () => {
  const doc = demoHall(catalog);

  it('rebuilds only the boxes of records an edit replaced', () => {
    const before = objectBoxes(doc);
    const moved = { ...doc, racks: doc.racks.map((r, i) => (i === 1 ? { ...r, position: { ...r.position, x: (r.position.x + 2) as typeof r.position.x } } : r)) };
    const after = objectBoxes(moved);
    const box = (list: typeof before, id: string) => list.find((b) => b.id === id)!;
    expect(box(after, doc.racks[1]!.id).fp.minX).toBeCloseTo(box(before, doc.racks[1]!.id).fp.minX + 2, 9);
    expect(box(after, doc.racks[0]!.id)).toBe(box(before, doc.racks[0]!.id));
    // A catalog of its own (equal content, another object) starts afresh and agrees box for box.
    const fresh = objectBoxes({ ...moved, catalog: structuredClone(moved.catalog) });
    expect(fresh).toEqual(after);
    expect(fresh[0]).not.toBe(after[0]);
  });

  it('follows a type change in a new catalog', () => {
    const wider = { ...doc, catalog: { ...doc.catalog, rackTypes: doc.catalog.rackTypes.map((t) => ({ ...t, widthM: m(t.widthM * 2) })) } };
    const r = doc.racks[0]!;
    const b = objectBoxes(wider).find((x) => x.id === r.id)!;
    const t = doc.catalog.rackTypes.find((x) => x.id === r.typeId)!;
    expect(Math.min(b.fp.maxX - b.fp.minX, b.fp.maxY - b.fp.minY)).toBeCloseTo(Math.min(t.widthM * 2, t.depthM), 9);
  });
});
