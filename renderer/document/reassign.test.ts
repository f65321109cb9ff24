// Moved racks join the row they now stand in: the power model then loads that row's busways and
// the cooling model sends the liquid heat to that row's CDU. Racks that moved together never
// anchor each other; a whole row moved keeps its row; a nudge within the row keeps its feeds.
import { describe, expect, it } from 'vitest';
import { checkReferences, type ProjectDocument } from '../../engine/model/index';
import { compute } from '../../engine/compute';
import { computePower } from '../../engine/power/compute';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { deleteObjects, translateObjects } from './edits';
import { reassignMoved, setRackConnection, setRackRow, updateRacks } from './reassign';
import { RowIndex } from './assign';
import { nearestRowByScan } from './rack-grid';

const rack = (doc: ProjectDocument, id: string) => doc.racks.find((r) => r.id === id)!;
/** Move, then reassign, as the editor does at the end of a move. */
function move(doc: ProjectDocument, ids: string[], dx: number, dy: number) {
  const moved = translateObjects.apply(doc, { ids, dx, dy });
  const re = reassignMoved(doc, moved);
  return { doc: updateRacks.apply(moved, { racks: re.racks }), ...re };
}
const row02 = (doc: ProjectDocument) => doc.racks.filter((r) => r.rowId === 'row-02').map((r) => r.id);

describe('reassigning moved racks', () => {
  it('a liquid rack moved from Row 02 into Row 01 loads Row 01\'s busways and CDU', () => {
    const doc = demoHall(shippedCatalog);
    // R02-05 (GB200 NVL72, fed by bw-A/B-02-2, cooled by cdu-02-1) to the free spot left of R01-01.
    const { doc: next, racks, missing } = move(doc, ['r02-05'], -3, -2.4);
    expect(rack(next, 'r02-05')).toMatchObject({ position: { x: 17.7, y: 6 }, rowId: 'row-01', feedA: 'bw-A-01-1', feedB: 'bw-B-01-1', cduId: 'cdu-01-1' });
    expect(racks.map((r) => r.id)).toEqual(['r02-05']);
    expect(missing).toEqual([]);
    expect(checkReferences(next)).toEqual([]);
    // Only the racks array is new: the engine stays on its incremental path.
    for (const key of ['power', 'cooling', 'catalog', 'rows'] as const) expect(next[key]).toBe(doc[key]);

    const [before, after] = [compute(doc), compute(next)];
    const cdu = (r: typeof before, id: string) => r.thermal.liquid.cduHeatKw[doc.cooling.findIndex((c) => c.id === id)]!;
    const busway = (r: typeof before, id: string) => r.power.elements.outputKw[r.power.elementIds.indexOf(id)]!;
    // By hand: 132 kW design x 0.8 site utilisation x 0.85 liquid = 89.76 kW of liquid heat moves
    // from cdu-02-1 to cdu-01-1; 132 x 0.8 / 2 = 52.8 kW per side moves between the busways (2N).
    expect(cdu(after, 'cdu-01-1') - cdu(before, 'cdu-01-1')).toBeCloseTo(89.76, 6);
    expect(cdu(before, 'cdu-02-1') - cdu(after, 'cdu-02-1')).toBeCloseTo(89.76, 6);
    for (const side of ['A', 'B']) {
      expect(busway(after, `bw-${side}-01-1`) - busway(before, `bw-${side}-01-1`)).toBeCloseTo(52.8, 6);
      expect(busway(before, `bw-${side}-02-2`) - busway(after, `bw-${side}-02-2`)).toBeCloseTo(52.8, 6);
    }
  });

  it('racks moved together do not anchor each other: a pair from Row 02 joins Row 01', () => {
    const doc = demoHall(shippedCatalog);
    // R02-03 and R02-04 go to x 17.1 and 17.7 in line with Row 01; each is 0.6 m from the other
    // (which still says Row 02) but 0.6 / 1.2 m from R01-01.
    const { doc: next } = move(doc, ['r02-03', 'r02-04'], -2.4, -2.4);
    for (const id of ['r02-03', 'r02-04']) expect(rack(next, id)).toMatchObject({ rowId: 'row-01', feedA: 'bw-A-01-1', cduId: 'cdu-01-1' });
  });

  it('a whole row moved keeps its row, feeds and CDU, nudged beside Row 01 or moved to open floor', () => {
    const doc = demoHall(shippedCatalog);
    const ids = row02(doc);
    // A nudge of 0.6 m: Row 01's racks, 2.4 m away, are the nearest standing racks, yet the row stays.
    const nudged = move(doc, ids, 0.6, 0);
    expect(nudged.racks).toEqual([]);
    expect(row02(nudged.doc)).toEqual(ids);
    // To open floor 3 m further from Row 01 (nothing standing within reach): same row and feeds,
    // so the power model loads exactly the same busways as before.
    const away = move(doc, ids, 0, 3);
    expect(away.racks).toEqual([]);
    expect(away.missing).toEqual([]);
    expect(away.doc.racks.map((r) => [r.rowId, r.feedA, r.feedB, r.cduId])).toEqual(doc.racks.map((r) => [r.rowId, r.feedA, r.feedB, r.cduId]));
    expect([...computePower(away.doc).elements.outputKw]).toEqual([...computePower(doc).elements.outputKw]);
  });

  it('a nudge within the row keeps feeds set by hand; a move to another row replaces them', () => {
    const base = demoHall(shippedCatalog);
    // R02-10 fed by hand from the first segment instead of its own (bw-A-02-3).
    const doc = updateRacks.apply(base, { racks: [{ ...rack(base, 'r02-10'), feedA: 'bw-A-02-1' as never }] });
    const nudged = move(doc, ['r02-10'], 0.3, 0);
    expect(rack(nudged.doc, 'r02-10')).toMatchObject({ rowId: 'row-02', feedA: 'bw-A-02-1', feedB: 'bw-B-02-3' });
    const moved = move(nudged.doc, ['r02-10'], -0.3, -4.8);
    expect(rack(moved.doc, 'r02-10')).toMatchObject({ rowId: 'row-01', feedA: 'bw-A-01-3', feedB: 'bw-B-01-3', cduId: null });
    expect(moved.missing).toEqual([]);
  });

  it('says what is missing: no row on open floor, no CDU in a row without one', () => {
    const doc = demoHall(shippedCatalog);
    const alone = move(doc, ['r02-05'], -15, 0);
    expect(rack(alone.doc, 'r02-05')).toMatchObject({ rowId: null, feedA: null, feedB: null, cduId: null });
    expect(alone.missing).toEqual(['no row nearby: no busways or CDU assigned']);
    // The power model no longer counts it: 105.6 kW (132 x 0.8) less IT load.
    expect(computePower(doc).itLoadKw.value - computePower(alone.doc).itLoadKw.value).toBeCloseTo(105.6, 3);
    const noCdu = deleteObjects.apply(doc, { ids: ['cdu-01-1'] });
    const joined = move(noCdu, ['r02-05'], -3, -2.4);
    expect(rack(joined.doc, 'r02-05')).toMatchObject({ rowId: 'row-01', feedA: 'bw-A-01-1', cduId: null });
    expect(joined.missing).toEqual(['no CDU in Row 01: its liquid heat is not removed']);
  });

  it('nothing moved, or only turned in place: nothing reassigned, the same document back', () => {
    const doc = demoHall(shippedCatalog);
    expect(reassignMoved(doc, doc)).toEqual({ racks: [], missing: [] });
    const turned = { ...doc, racks: doc.racks.map((r) => (r.id === 'r01-03' ? { ...r, rotationDeg: 90 as const } : r)) };
    expect(reassignMoved(doc, turned).racks).toEqual([]);
    expect(updateRacks.apply(doc, { racks: [] })).toBe(doc);
    expect(updateRacks.apply(doc, { racks: [rack(doc, 'r01-03')] })).toBe(doc);
  });

  it('a row, feed or CDU chosen by hand survives nudges, even when it is not the nearest row', () => {
    const base = demoHall(shippedCatalog);
    // R02-10 put in Row 01 by hand: Row 01's busways nearest to it, no CDU (a CPU rack).
    const doc = setRackRow.apply(base, { ids: ['r02-10'], rowId: 'row-01' as never });
    expect(rack(doc, 'r02-10')).toMatchObject({ rowId: 'row-01', feedA: 'bw-A-01-3', feedB: 'bw-B-01-3', cduId: null });
    expect(setRackRow.apply(doc, { ids: ['r02-10'], rowId: 'row-01' as never })).toBe(doc);
    const fed = setRackConnection.apply(doc, { ids: ['r02-10'], field: 'feedB', value: 'bw-B-01-2' });
    expect(rack(fed, 'r02-10').feedB).toBe('bw-B-01-2');
    expect(checkReferences(fed)).toEqual([]);
    // It still stands by Row 02: a nudge along it changes nothing of the choice.
    const nudged = move(fed, ['r02-10'], 0.3, 0);
    expect(nudged.racks).toEqual([]);
    expect(rack(nudged.doc, 'r02-10')).toMatchObject({ rowId: 'row-01', feedA: 'bw-A-01-3', feedB: 'bw-B-01-2' });
    // Taken to open floor, it has left every row: the choice no longer holds.
    expect(rack(move(fed, ['r02-10'], 0, 4.2).doc, 'r02-10')).toMatchObject({ rowId: null, feedA: null, feedB: null });
    // Several racks at once: each gets the chosen row's busway nearest to it and its CDU.
    const pair = setRackRow.apply(base, { ids: ['r02-03', 'r02-08'], rowId: 'row-01' as never });
    expect(['r02-03', 'r02-08'].map((id) => [rack(pair, id).feedA, rack(pair, id).cduId])).toEqual([['bw-A-01-1', 'cdu-01-1'], ['bw-A-01-3', 'cdu-01-1']]);
    // No row chosen: no feeds, no CDU.
    expect(rack(setRackRow.apply(base, { ids: ['r02-05'], rowId: null }), 'r02-05')).toMatchObject({ rowId: null, feedA: null, feedB: null, cduId: null });
  });

  it('a row fed from PDUs rather than busways hands a moved rack its nearest PDU', () => {
    const base = demoHall(shippedCatalog);
    // Row 01's A side rewired to two floor PDUs, one at each end of the row.
    const bw = base.power.find((p) => p.id === 'bw-A-01-1')!;
    const pdu = (id: string, x: number) => ({ ...bw, id: id as never, typeId: 'pdu-300' as never, name: id, position: { x, y: 4.2 } as never, lengthM: null });
    const doc: ProjectDocument = {
      ...base,
      power: [...base.power, pdu('pdu-A-01-w', 17.4), pdu('pdu-A-01-e', 24)],
      racks: base.racks.map((r) => (r.rowId !== 'row-01' ? r : { ...r, feedA: (r.position.x < 21 ? 'pdu-A-01-w' : 'pdu-A-01-e') as never })),
    };
    expect(checkReferences(doc)).toEqual([]);
    const { doc: next, missing } = move(doc, ['r02-05'], -3, -2.4);
    expect(rack(next, 'r02-05')).toMatchObject({ rowId: 'row-01', feedA: 'pdu-A-01-w', feedB: 'bw-B-01-1' });
    expect(missing).toEqual([]);
  });

  it('the row index answers as a plain scan does, ties and reach edge included', () => {
    const doc = demoHall(shippedCatalog);
    const grid = new RowIndex(doc);
    // Every 0.15 m over the racks' neighbourhood. The lattice hits ties (x = 18.6, halfway between
    // R01-01 and R01-02; y = 7.2 between the rows) and points exactly 3.6 m from a rack.
    const points: { x: number; y: number }[] = [];
    for (let x = 14.1; x <= 28; x += 0.15) for (let y = 2.4; y <= 12.6; y += 0.15) points.push({ x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 });
    const answers = points.map((p) => grid.nearestRow(p));
    const scanned = points.map((p) => nearestRowByScan(doc.racks, p));
    expect(answers).toEqual(scanned);
    expect(new Set(answers)).toEqual(new Set(['row-01', 'row-02', null]));
    expect(grid.nearestRow({ x: 18.6, y: 7.2 })).toBe('row-01');
    expect(grid.nearestRow({ x: 18.3, y: 2.4 })).toBe('row-01');
    expect(grid.nearestRow({ x: 18.3, y: 2.39 })).toBeNull();
  });
});
