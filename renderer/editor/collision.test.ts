// Collision (walls, columns, hall boundary, other objects) and snapping to rows and the tile grid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog, footprint, pt } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { collisionReason } from './collision';
import { objectBoxes } from './objects';
import { snapShift } from './snap';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('collision and snapping', () => {
  const doc = demoHall(catalog);
  const boxes = objectBoxes(doc);
  const rack = (x: number, y: number) => ({ fp: footprint(pt(x, y), 0.6, 1.2, 0), label: 'The rack', kind: 'floor' as const });

  it('refuses a rack on another, outside the hall or through a column; touching is fine', () => {
    expect(collisionReason(doc, [rack(20.1, 6.3)], boxes)).toMatch(/overlap R01-04/);
    expect(collisionReason(doc, [rack(0.2, 7)], boxes)).toMatch(/outside the hall/);
    // Flush against row 01's rear (y = 6.6): touching, allowed (a busway overhead is no obstacle).
    expect(collisionReason(doc, [rack(20.1, 7.2)], boxes)).toBeNull();
    const withColumn = { ...doc, hall: { ...doc.hall, columns: [{ id: 'c1' as never, at: pt(3, 13), sizeM: 0.6 as never }] } };
    expect(collisionReason(withColumn, [rack(3.1, 13)], boxes)).toMatch(/column c1/);
  });

  it('snaps a rack flush to the row beside it, else to the tile grid', () => {
    // 0.1 m short of row 01's last rack (maxX 23.4): snaps to touch it, on the row's line.
    const s = snapShift(footprint(pt(23.8, 6.1), 0.6, 1.2, 0), boxes.filter((b) => b.section === 'racks'), 0.6);
    expect(23.8 + s.dx - 0.3).toBeCloseTo(23.4);
    expect(6.1 + s.dy).toBeCloseTo(6);
    const far = snapShift(footprint(pt(5.12, 12.9), 0.6, 1.2, 0), [], 0.6);
    expect((5.12 + far.dx - 0.3) / 0.6).toBeCloseTo(Math.round((5.12 + far.dx - 0.3) / 0.6));
  });
});
