// The racks' grid handed from edit to edit answers as a scan of the racks would, after moves,
// rotations and racks changing rows, edit after edit; records added or removed build a new one, and
// an older racks array asked for again gets a grid of its own, not the one handed on.
import { describe, expect, it } from 'vitest';
import type { ProjectDocument, Rack, RowId } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { deleteObjects, rotateObjects, translateObjects } from './edits';
import { setRackRow } from './reassign';
import { nearestRowByScan, rackGrid } from './rack-grid';

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Every answer of the grid of `racks` against the scan, at points over the hall, and each row's members. */
function expectLikeScan(racks: readonly Rack[], random: () => number, label: string): void {
  const grid = rackGrid(racks);
  for (let i = 0; i < 60; i++) {
    const at = { x: Math.round(random() * 300) / 10, y: Math.round(random() * 150) / 10 };
    const k = grid.nearest(at);
    expect(k < 0 ? null : racks[k]!.rowId, `${label} at ${at.x}, ${at.y}`).toBe(nearestRowByScan(racks, at));
  }
  for (const rowId of new Set(racks.map((r) => r.rowId))) {
    if (rowId === null) continue;
    expect(grid.rowRacks(rowId).map((r) => r.id), label).toEqual(racks.filter((r) => r.rowId === rowId).map((r) => r.id));
  }
}

describe('racks grid kept from edit to edit', () => {
  it('agrees with the scan over 150 seeded moves, rotations and row changes, handed on rather than rebuilt', () => {
    const random = seeded(42);
    let doc: ProjectDocument = demoHall(shippedCatalog);
    const ids = doc.racks.map((r) => r.id as string);
    const rows = [...new Set(doc.racks.map((r) => r.rowId))];
    const first = rackGrid(doc.racks);
    for (let i = 0; i < 150; i++) {
      const pick = [ids[Math.floor(random() * ids.length)]!, ids[Math.floor(random() * ids.length)]!];
      const kind = random();
      const next = kind < 0.5 ? translateObjects.apply(doc, { ids: pick, dx: Math.round((random() - 0.5) * 80) / 10, dy: Math.round((random() - 0.5) * 60) / 10 })
        : kind < 0.7 ? rotateObjects.apply(doc, { ids: pick, quarterTurns: 1, centre: { x: 20, y: 7 } })
        : setRackRow.apply(doc, { ids: pick, rowId: rows[Math.floor(random() * rows.length)] as RowId | null });
      doc = next;
      expectLikeScan(doc.racks, random, `edit ${i}`);
    }
    // One grid all along: each edit moved the racks it replaced.
    expect(rackGrid(doc.racks)).toBe(first);
  });

  it('builds a new grid when racks are removed, and one of its own for an older array', () => {
    const random = seeded(3);
    const start = demoHall(shippedCatalog);
    const moved = translateObjects.apply(start, { ids: ['r01-04'], dx: 0, dy: 2.4 });
    const startGrid = rackGrid(start.racks);
    expect(rackGrid(moved.racks)).toBe(startGrid);
    // The grid went on to `moved`: asking for `start` again must not answer with R01-04 in the aisle.
    expect(rackGrid(start.racks).racks).toBe(start.racks);
    expectLikeScan(start.racks, random, 'start again');
    const fewer = deleteObjects.apply(moved, { ids: ['r02-01', 'r01-06'] });
    expectLikeScan(fewer.racks, random, 'fewer');
    expect(rackGrid(fewer.racks).rowRacks('row-01' as RowId).map((r) => r.id)).not.toContain('r01-06');
  });
});
