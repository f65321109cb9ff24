// The delta the client posts: small for a one-rack move, and applied in the worker it rebuilds
// the same document while keeping every unchanged record's identity (which the engine's
// incremental session depends on).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedRacks } from '../../engine/compute';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { applyDelta, diffDocument } from './doc-delta';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('document deltas', () => {
  const doc = demoHall(catalog);
  // The worker's copy: a structured clone, as postMessage makes it.
  const inWorker = structuredClone(doc);

  it('carries one rack for a one-rack move and rebuilds it with the other records shared', () => {
    const moved = { ...doc, racks: doc.racks.map((r, i) => (i === 3 ? { ...r, position: { ...r.position, y: (r.position.y - 0.6) as typeof r.position.y } } : r)) };
    const delta = diffDocument(doc, moved);
    expect(Object.keys(delta.fields)).toEqual([]);
    expect(delta.racks?.changed.map((r) => r.id)).toEqual([doc.racks[3]!.id]);
    // Same ids in the same order: the rack goes with its position, not with every id of the hall.
    expect(delta.racks).toMatchObject({ ids: null, at: [3] });
    const next = applyDelta(inWorker, structuredClone(delta));
    expect(next).toEqual(moved);
    expect(next.racks[0]).toBe(inWorker.racks[0]);
    expect(next.cooling).toBe(inWorker.cooling);
    // So the engine session sees one changed rack, not a new document.
    expect(changedRacks(inWorker, next)).toEqual([doc.racks[3]!.id]);
  });

  it('handles racks removed and added, and other fields changed whole', () => {
    const edited = { ...doc, racks: [...doc.racks.slice(1), { ...doc.racks[0]!, id: 'new-rack' as typeof doc.racks[0]['id'] }], hall: { ...doc.hall, supplyAirC: (doc.hall.supplyAirC + 1) as typeof doc.hall.supplyAirC } };
    const delta = diffDocument(doc, edited);
    expect(Object.keys(delta.fields)).toEqual(['hall']);
    expect(delta.racks?.changed.map((r) => r.id)).toEqual(['new-rack']);
    expect(delta.racks?.ids).toHaveLength(doc.racks.length);
    expect(applyDelta(inWorker, structuredClone(delta))).toEqual(edited);
  });

  it('refuses a delta that names a rack the worker never had', () => {
    const delta = { fields: {}, racks: { ids: ['nowhere'], changed: [] } };
    expect(() => applyDelta(inWorker, delta)).toThrow(/no rack nowhere/);
    const misplaced = { fields: {}, racks: { ids: null, changed: [doc.racks[3]!], at: [4] } };
    expect(() => applyDelta(inWorker, misplaced)).toThrow(/no rack .* at 4/);
  });
});
