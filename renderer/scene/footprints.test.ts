// Footprints, bounds and rows: the lookup framing, labels and markers share. Worked by hand on
// the demo hall's own racks, so a wrong turn or extent shows as a wrong number here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { boundsOf, footprintIndex, rowExtents, rowExtentsAfresh } from './footprints';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('footprints', () => {
  const doc = demoHall(catalog);
  const rack = doc.racks[0]!;
  const type = doc.catalog.rackTypes.find((t) => t.id === rack.typeId)!;

  it('bounds one rack by its type\'s size around its centre', () => {
    const b = boundsOf(doc, [rack.id])!;
    expect(b.min[0]).toBeCloseTo(rack.position.x - type.widthM / 2, 6);
    expect(b.max[1]).toBeCloseTo(rack.position.y + type.depthM / 2, 6);
    expect(b.max[2]).toBeCloseTo(type.heightM, 6);
  });

  it('swaps width and depth for a rack turned 90 degrees', () => {
    const turned = { ...doc, racks: [{ ...rack, rotationDeg: 90 as typeof rack.rotationDeg }] };
    const b = boundsOf(turned, [rack.id])!;
    expect(b.max[0] - b.min[0]).toBeCloseTo(type.depthM, 6);
    expect(b.max[1] - b.min[1]).toBeCloseTo(type.widthM, 6);
  });

  it('knows nothing of unknown ids, and caches per document', () => {
    expect(boundsOf(doc, ['no-such-object'])).toBeNull();
    expect(footprintIndex(doc)).toBe(footprintIndex(doc));
    expect(footprintIndex({ ...doc })).not.toBe(footprintIndex(doc));
  });

  it('after an edit, replaces the changed records\' footprints and keeps the others', () => {
    const before = footprintIndex(doc);
    const moved = { ...doc, racks: doc.racks.map((r, i) => (i === 2 ? { ...r, position: { ...r.position, x: (r.position.x + 1.5) as typeof r.position.x } } : r)) };
    const index = footprintIndex(moved);
    expect(index.get(doc.racks[2]!.id)!.x).toBeCloseTo(doc.racks[2]!.position.x + 1.5, 9);
    expect(index.get(doc.racks[1]!.id)).toBe(before.get(doc.racks[1]!.id));
    expect(index.get(doc.cooling[0]!.id)).toBe(before.get(doc.cooling[0]!.id));
    // The same answers as a build from scratch (a reordered copy cannot be patched), for every object.
    const fresh = footprintIndex({ ...moved, racks: [...moved.racks].reverse() });
    for (const o of [...moved.racks, ...moved.cooling, ...moved.power, ...moved.containment, ...moved.trays]) expect(index.get(o.id)).toEqual(fresh.get(o.id));
    // A rack given a type the catalog lacks is no longer drawn: the patch gives way to a rebuild.
    const unknown = { ...moved, racks: moved.racks.map((r, i) => (i === 2 ? { ...r, typeId: 'nope' as typeof r.typeId } : r)) };
    expect(footprintIndex(unknown).get(doc.racks[2]!.id)).toBeUndefined();
  });

  it('measures a row from its first rack\'s edge to its last one\'s', () => {
    const rows = rowExtents(doc);
    expect(rows.length).toBe(doc.rows.filter((r) => doc.racks.some((k) => k.rowId === r.id)).length);
    const row = rows[0]!;
    const ids = doc.racks.filter((r) => r.rowId === row.id).map((r) => r.id);
    const b = boundsOf(doc, ids)!;
    expect(row.lengthM).toBeCloseTo(Math.max(b.max[0] - b.min[0], b.max[1] - b.min[1]), 6);
    expect(row.racks).toBe(ids.length);
  });
});

describe('row extents after edits', () => {
  it('measures again only the rows of the racks that changed, with the same outcome as measuring afresh', () => {
    let doc = demoHall(catalog);
    const first = doc.racks[0]!.rowId!;
    const steps: [string, (d: typeof doc) => typeof doc, boolean][] = [
      // The first rack of a row 1.2 m along it: that row grows, the others keep their extents.
      ['move', (d) => ({ ...d, racks: d.racks.map((r, i) => (i === 0 ? { ...r, position: { ...r.position, x: (r.position.x - 1.2) as typeof r.position.x } } : r)) }), true],
      ['utilisation', (d) => ({ ...d, racks: d.racks.map((r, i) => (i === 3 ? { ...r, utilisation: 0.5 as typeof r.utilisation } : r)) }), true],
      // A rack joining another row, a renamed row: measured in full.
      ['row change', (d) => ({ ...d, racks: d.racks.map((r, i) => (i === 1 ? { ...r, rowId: d.racks[d.racks.length - 1]!.rowId } : r)) }), false],
      ['rename', (d) => ({ ...d, rows: d.rows.map((row, i) => (i === 0 ? { ...row, name: 'Renamed' } : row)) }), false],
    ];
    let before = rowExtents(doc);
    const base = before.find((r) => r.id === first)!.lengthM;
    for (const [what, step, patched] of steps) {
      doc = step(doc);
      const now = rowExtents(doc);
      expect(now, what).toEqual(rowExtentsAfresh(doc));
      expect(rowExtents(doc), what).toBe(now);
      // Patched: rows the edit did not touch keep their very extent objects.
      const other = now.find((r) => r.id !== first)!;
      expect(before.includes(other), what).toBe(patched);
      if (what === 'move') expect(now.find((r) => r.id === first)!.lengthM).toBeCloseTo(base + 1.2, 6);
      before = now;
    }
  });
});
