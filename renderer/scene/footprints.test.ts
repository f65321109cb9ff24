// Footprints, bounds and rows: the lookup framing, labels and markers share. Worked by hand on
// the demo hall's own racks, so a wrong turn or extent shows as a wrong number here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { boundsOf, footprintIndex, rowExtents } from './footprints';

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
