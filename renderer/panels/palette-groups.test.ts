// The palette's groups follow what stands in the hall (counts by type, ids to select) and stay the
// very same array across edits that add, remove or retype nothing, so the palette does not render
// again for a move; an added, deleted or retyped object gives new groups with the right ids.
import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { deleteObjects, insertRecords, setPositionAxis, setRotation } from '../document/edits';
import { paletteGroups } from './palette-groups';

const placed = (doc: ProjectDocument, typeId: string) => paletteGroups(doc).flatMap((g) => g.entries).find((e) => e.id === typeId)!.placed;

describe('palette groups', () => {
  it('lists every placed object under its type, in document order', () => {
    const doc = demoHall(shippedCatalog);
    const total = paletteGroups(doc).flatMap((g) => g.entries).reduce((n, e) => n + e.placed.length, 0);
    expect(total).toBe(doc.racks.length + doc.cooling.length + doc.power.length);
    const t = doc.racks[0]!.typeId;
    expect(placed(doc, t)).toEqual(doc.racks.filter((r) => r.typeId === t).map((r) => r.id));
  });

  it('keeps the same groups through moves and rotations; a copy, a delete or a new type gives new ones', () => {
    const doc = demoHall(shippedCatalog);
    const groups = paletteGroups(doc);
    const moved = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 4.2 });
    const turned = setRotation.apply(moved, { ids: ['r01-04', 'crah-04'], rotationDeg: 90 });
    expect(paletteGroups(moved)).toBe(groups);
    expect(paletteGroups(turned)).toBe(groups);

    const r = turned.racks.find((x) => x.id === 'r01-04')!;
    const copied = insertRecords.apply(turned, { records: [{ section: 'racks', record: { ...r, id: 'r-copy' as typeof r.id } }] });
    expect(paletteGroups(copied)).not.toBe(groups);
    expect(placed(copied, r.typeId)).toContain('r-copy');
    const deleted = deleteObjects.apply(copied, { ids: ['r-copy', 'r01-05'] });
    expect(placed(deleted, r.typeId)).not.toContain('r01-05');

    const other = shippedCatalog.rackTypes.find((t) => t.id !== r.typeId && t.kind === 'cpu')!;
    const retyped: ProjectDocument = { ...deleted, racks: deleted.racks.map((x) => (x.id === 'r01-04' ? { ...x, typeId: other.id } : x)) };
    expect(placed(retyped, other.id)).toContain('r01-04');
    expect(placed(retyped, r.typeId)).not.toContain('r01-04');
  });
});
