// Small hand-checkable halls for the thermal tests: documents built directly, so every number in
// a test's comment can be worked out from the catalog entries named here.
import type { Catalog, CatalogId, ContainmentId, CoolingId, ProjectDocument, Rack, RackId, RotationDeg, RowId } from '../../engine/model/index.js';
import { DOCUMENT_FORMAT_VERSION, degC, frac, m, pt } from '../../engine/model/index.js';

export interface TestHallSpec {
  catalog: Catalog;
  lengthM: number; widthM: number; ceilingM?: number;
  racks: { type: string; x: number; y: number; rot: RotationDeg; util?: number; cdu?: string }[];
  cooling: { id: string; type: string; x: number; y: number; rot: RotationDeg; status?: 'running' | 'failed'; rack?: string }[];
  containment?: { type: 'hac' | 'cac'; minX: number; minY: number; maxX: number; maxY: number; heightM: number }[];
  supplyC?: number;
}

export function testHall(s: TestHallSpec): ProjectDocument {
  const racks: Rack[] = s.racks.map((r, i) => ({
    id: `rk${i + 1}` as RackId, typeId: r.type as CatalogId, name: `Rack ${i + 1}`, position: pt(r.x, r.y), rotationDeg: r.rot,
    tags: {}, rowId: null, feedA: null, feedB: null, cduId: (r.cdu ?? null) as CoolingId | null, utilisation: frac(r.util ?? 1),
  }));
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    hall: {
      name: 'test', lengthM: m(s.lengthM), widthM: m(s.widthM), ceilingHeightM: m(s.ceilingM ?? 4.5), floor: { kind: 'slab' },
      tileM: m(0.6), supplyAirC: degC(s.supplyC ?? 22), ashraeClass: 'A2', altitudeM: m(0), walls: [], columns: [],
    },
    catalog: s.catalog,
    fabric: { computeSwitchTypeId: 'sw-ib-ndr-64x400' as CatalogId, storageSwitchTypeId: 'sw-eth-64x400' as CatalogId, oversubscription: 1, nodesPerScalableUnit: 32 },
    rows: [], racks,
    cooling: s.cooling.map((c) => ({
      id: c.id as CoolingId, typeId: c.type as CatalogId, name: c.id, position: pt(c.x, c.y), rotationDeg: c.rot, tags: {},
      rowId: null as RowId | null, status: c.status ?? 'running', attachedRackId: (c.rack ?? null) as RackId | null,
    })),
    power: [], trays: [], links: [], workloads: [], views: [],
    containment: (s.containment ?? []).map((c, i) => ({
      id: `ct${i + 1}` as ContainmentId, typeId: c.type as CatalogId, name: `Containment ${i + 1}`,
      min: pt(c.minX, c.minY), max: pt(c.maxX, c.maxY), heightM: m(c.heightM), tags: {},
    })),
  };
}

/**
 * Two rows of `perRow` racks back to back (rears at a 1.2 m hot aisle at y 6.0-7.2), rows along x
 * from x = 3, with CRAHs on the walls; `hac` adds hot-aisle containment to rack height.
 */
export function rowPair(catalog: Catalog, opts: { type: string; perRow: number; util: number; crahs: number; failed?: number; hac?: boolean }): ProjectDocument {
  const racks: TestHallSpec['racks'] = [];
  for (let i = 0; i < opts.perRow; i++) {
    const x = 3 + 0.3 + 0.6 * i;
    racks.push({ type: opts.type, x, y: 5.4, rot: 0, util: opts.util }); // front faces -y, rear at y = 6.0
    racks.push({ type: opts.type, x, y: 7.8, rot: 180, util: opts.util }); // front faces +y, rear at y = 7.2
  }
  const cooling: TestHallSpec['cooling'] = [];
  for (let c = 0; c < opts.crahs; c++) {
    cooling.push({ id: `crah-${c + 1}`, type: 'crah-150', x: 2 + 3 * c, y: 0.75, rot: 180, status: c < (opts.failed ?? 0) ? 'failed' : 'running' });
  }
  const rowEnd = 3 + 0.6 * opts.perRow;
  return testHall({
    catalog, lengthM: rowEnd + 3, widthM: 13.2, racks, cooling,
    containment: opts.hac ? [{ type: 'hac', minX: 3, minY: 6.0, maxX: rowEnd, maxY: 7.2, heightM: 2.2 }] : [],
  });
}
