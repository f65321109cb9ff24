// Test factory: a small power chain built from catalog types, so tests can work its numbers by
// hand. Each side is utility -> transformer -> k UPS modules in parallel -> switchboard -> feeds
// (busways or PDUs); racks are spread over the feeds round-robin, feed A on side A, feed B on
// side B. Used by the power tests only; pure, and kept out of engine/ since only tests build it.
import type { Catalog, CatalogId, PowerEquipment, PowerFeedSide, PowerId, ProjectDocument, Rack, RackId } from '../../engine/model/index.js';
import { frac, m, pt } from '../../engine/model/index.js';
import { demoHall } from '../../engine/generators/index.js';

export interface ChainSpec {
  sides: readonly PowerFeedSide[];
  upsPerSide: number;
  feedsPerSide: number;
  racks: number;
  rackType: string;
  /** Share of design power each rack draws. */
  utilisation: number;
  utility?: string;
  transformer?: string;
  ups?: string;
  switchboard?: string;
  feed?: string;
}

export function makeChain(catalog: Catalog, spec: ChainSpec): ProjectDocument {
  const base = demoHall(catalog);
  const power: PowerEquipment[] = [];
  const el = (id: string, typeId: string, side: PowerFeedSide, upstreamIds: string[]): PowerEquipment => {
    const e: PowerEquipment = {
      id: id as PowerId, typeId: typeId as CatalogId, name: id, position: pt(1, 1 + power.length), rotationDeg: 0, tags: {},
      upstreamIds: upstreamIds as PowerId[], side, status: 'running', lengthM: null,
    };
    power.push(e);
    return e;
  };
  const feeds = new Map<PowerFeedSide, string[]>();
  for (const s of spec.sides) {
    el(`util-${s}`, spec.utility ?? 'utility-13k8', s, []);
    el(`tx-${s}`, spec.transformer ?? 'tx-3000', s, [`util-${s}`]);
    const ups = Array.from({ length: spec.upsPerSide }, (_, k) => el(`ups-${s}-${k + 1}`, spec.ups ?? 'ups-1250', s, [`tx-${s}`]).id);
    el(`swbd-${s}`, spec.switchboard ?? 'swbd-4000', s, ups);
    feeds.set(s, Array.from({ length: spec.feedsPerSide }, (_, k) => el(`feed-${s}-${k + 1}`, spec.feed ?? 'busway-800', s, [`swbd-${s}`]).id));
  }
  const racks: Rack[] = Array.from({ length: spec.racks }, (_, i) => ({
    id: `rack-${i + 1}` as RackId, typeId: spec.rackType as CatalogId, name: `Rack ${i + 1}`,
    position: pt(5 + 0.6 * i, 5), rotationDeg: 0, tags: {}, rowId: null,
    feedA: (feeds.get('A')?.[i % spec.feedsPerSide] ?? null) as PowerId | null,
    feedB: (feeds.get('B')?.[i % spec.feedsPerSide] ?? null) as PowerId | null,
    cduId: null, utilisation: frac(spec.utilisation),
  }));
  return {
    ...base, hall: { ...base.hall, lengthM: m(40), widthM: m(20) },
    rows: [], racks, cooling: [], power, trays: [], containment: [], links: [], workloads: [], views: [],
  };
}

/** The same document with one power element's status changed. */
export function withStatus(doc: ProjectDocument, id: string, status: PowerEquipment['status']): ProjectDocument {
  return { ...doc, power: doc.power.map((e) => (e.id === id ? { ...e, status } : e)) };
}
