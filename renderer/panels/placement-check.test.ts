// The inspector's refusal through the floor index says word for word what the scan over every box
// says, for positions and rotations that are refused (a neighbour, a CRAH, a column, the hall's
// edge) and accepted, edit after edit; an edit re-indexes only the records it replaced, and records
// added or removed rebuild the index. A drag's snap and refusal through it agree with the scan too.
import { describe, expect, it } from 'vitest';
import type { ProjectDocument, RotationDeg } from '../../engine/model/index';
import { pt } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { buildContainment } from '../editor/build';
import { deleteObjects, insertRecords, setPositionAxis, setRotation, translateObjects } from '../document/edits';
import { collisionReason } from '../editor/collision';
import { objectBoxes } from '../editor/objects';
import { snapShift } from '../editor/snap';
import { boxesOfIds, clashReason, FloorIndex, refusal, refusalByScan, snapAmong } from './placement-check';

/** Park-Miller: the same sequence of edits on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The demo hall with its cold aisle (between the rows, y 6.6 to 7.8) contained: a box that blocks racks but is no rack. */
function contained(): ProjectDocument {
  const doc = demoHall(shippedCatalog);
  const record = buildContainment(doc, 'cold-aisle', { x: 18, y: 6.6 }, { x: 24, y: 7.8 }, 2.4)!;
  return insertRecords.apply(doc, { records: [{ section: 'containment', record }] });
}

describe('refusal through the floor index', () => {
  it('refuses a rack moved onto its neighbour, and names the neighbour as the scan does', () => {
    const doc = demoHall(shippedCatalog);
    // R01-04 stands at x 20.1 in a row of 0.6 m racks: 20.4 puts it half over R01-05.
    const next = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'x', value: 20.4 });
    expect(refusal(doc, next, ['r01-04'])).toBe('R01-04 would overlap R01-05');
    expect(refusalByScan(doc, next, ['r01-04'])).toBe('R01-04 would overlap R01-05');
    // Into the cold aisle it stands clear.
    const clear = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 4.2 });
    expect(refusal(doc, clear, ['r01-04'])).toBeNull();
  });

  it('refuses what the index does not hold: a column and the hall\'s edge', () => {
    const base = demoHall(shippedCatalog);
    const doc: ProjectDocument = { ...base, hall: { ...base.hall, columns: [{ id: 'c1', at: pt(20.1, 4.2), sizeM: 0.6 } as ProjectDocument['hall']['columns'][number]] } };
    const next = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 4.2 });
    expect(refusal(doc, next, ['r01-04'])).toBe('R01-04 would hit column c1');
    const out = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 0.1 });
    expect(refusal(doc, out, ['r01-04'])).toBe('R01-04 would stand outside the hall');
  });

  it('refuses a rack moved into a contained aisle', () => {
    const doc = contained();
    const next = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 7.2 });
    expect(refusal(doc, next, ['r01-04'])).toMatch(/^R01-04 would overlap Cold aisle/);
    expect(refusal(doc, next, ['r01-04'])).toBe(refusalByScan(doc, next, ['r01-04']));
  });

  it('agrees with the scan over 400 seeded edits of one object or several, applied one after another when accepted', () => {
    let doc = contained();
    const random = seeded(20261127);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const placed = [...doc.racks, ...doc.cooling, ...doc.power].map((o) => o.id as string);
    let refused = 0, accepted = 0;
    for (let i = 0; i < 400; i++) {
      const ids = random() < 0.8 ? [pick(placed)] : [pick(placed), pick(placed), pick(placed)];
      const kind = random();
      let next: ProjectDocument;
      if (kind < 0.6) {
        const axis = random() < 0.5 ? 'x' as const : 'y' as const;
        next = setPositionAxis.apply(doc, { ids, axis, value: Math.round(random() * (axis === 'x' ? doc.hall.lengthM : doc.hall.widthM) * 10) / 10 });
      } else if (kind < 0.8) {
        next = setRotation.apply(doc, { ids, rotationDeg: pick([0, 90, 180, 270]) as RotationDeg });
      } else {
        next = translateObjects.apply(doc, { ids, dx: pick([-1.2, -0.6, 0.6, 1.2]), dy: pick([-1.2, 0, 1.2]) });
      }
      const expected = refusalByScan(doc, next, ids);
      expect(refusal(doc, next, ids), `edit ${i} of ${ids.join(', ')}`).toBe(expected);
      if (expected === null) { accepted++; doc = next; } else refused++;
    }
    // Both answers were exercised, so agreeing means something.
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(50);
  });

  it('re-indexes only the records an edit replaced; a delete rebuilds, and still refuses', () => {
    const index = new FloorIndex();
    const doc = demoHall(shippedCatalog);
    index.sync(doc);
    const moved = setPositionAxis.apply(doc, { ids: ['r01-04'], axis: 'y', value: 4.2 });
    index.sync(moved);
    expect(index.updated).toBe(1);
    expect(index.reason(moved, ['r01-04'])).toBeNull();
    const turned = setRotation.apply(moved, { ids: ['r01-04', 'r01-06'], rotationDeg: 90 });
    index.sync(turned);
    expect(index.updated).toBe(3);
    // Fewer records: the places shift, so the index starts again from the document.
    const fewer = deleteObjects.apply(turned, { ids: ['r01-01'] });
    index.sync(fewer);
    expect(index.updated).toBe(0);
    // R01-04 left the row for the aisle; R01-03 (19.5) pushed to 20.4 lands half over R01-05.
    const onto = setPositionAxis.apply(fewer, { ids: ['r01-03'], axis: 'x', value: 20.4 });
    index.sync(onto);
    expect(index.reason(fewer, ['r01-03'])).toBe('R01-03 would overlap R01-05');
    expect(refusalByScan(fewer, onto, ['r01-03'])).toBe('R01-03 would overlap R01-05');
  });
});

describe('a drag\'s snap and refusal through the floor index', () => {
  it('agree with snapShift and collisionReason over every box for 400 seeded drops of objects and a contained aisle', () => {
    const doc = contained();
    const random = seeded(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const all = objectBoxes(doc);
    const ids = all.map((b) => b.id);
    const aisle = doc.containment[0]!.id as string;
    let refused = 0, accepted = 0, snapped = 0, aisles = 0;
    for (let i = 0; i < 400; i++) {
      // The aisle itself now and then, so 'aisle' candidates (kept off blocking boxes only) are checked too.
      const chosen = random() < 0.15 ? [aisle, pick(ids)] : random() < 0.8 ? [pick(ids)] : [pick(ids), pick(ids), pick(ids)];
      const moving = new Set(chosen);
      const others = all.filter((b) => !moving.has(b.id));
      const mine = boxesOfIds(doc, chosen);
      expect(mine).toEqual(all.filter((b) => moving.has(b.id)));
      const dx = Math.round((random() * 8 - 4) * 100) / 100, dy = Math.round((random() * 8 - 4) * 100) / 100;
      const grabbed = mine[0]!;
      const fp = { minX: grabbed.fp.minX + dx, maxX: grabbed.fp.maxX + dx, minY: grabbed.fp.minY + dy, maxY: grabbed.fp.maxY + dy };
      const snap = snapAmong(doc, fp, moving, true);
      expect(snap, `drop ${i}`).toEqual(snapShift(fp, others, doc.hall.tileM));
      if (snap.dx !== Math.round(fp.minX / doc.hall.tileM) * doc.hall.tileM - fp.minX) snapped++;
      const candidates = mine.filter((b) => b.blocking || b.section === 'containment').map((b) => ({
        fp: { minX: b.fp.minX + dx, maxX: b.fp.maxX + dx, minY: b.fp.minY + dy, maxY: b.fp.maxY + dy },
        label: b.name, kind: b.section === 'containment' ? 'aisle' as const : 'floor' as const,
      }));
      if (candidates.some((c) => c.kind === 'aisle')) aisles++;
      const expected = collisionReason(doc, candidates, others);
      expect(clashReason(doc, candidates, moving), `drop ${i} of ${chosen.join(', ')}`).toBe(expected);
      if (expected === null) accepted++; else refused++;
    }
    // Refusals, clear drops and snaps to a neighbour's edge rather than the grid all came up.
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(50);
    expect(snapped).toBeGreaterThan(20);
    expect(aisles).toBeGreaterThan(30);
  });
});
