// Seeded fixture factories: random but reproducible halls exercising every table of the file.
import fc from 'fast-check';
import { generateHall } from '../../engine/generators/index.js';
import type {
  CameraView, Catalog, CatalogId, Containment, ContainmentId, Link, LinkId, ProjectDocument, Tray, TrayId,
} from '../../engine/model/index.js';
import { frac, m, pt } from '../../engine/model/index.js';
import { codingAgents, researchAgents } from '../../engine/generators/index.js';

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const tags = fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 });

/** An arbitrary hall: rows of catalog rack types, plus trays, containment, links, views and tags. */
export function arbitraryHall(catalog: Catalog): fc.Arbitrary<ProjectDocument> {
  const rackIds = catalog.rackTypes.map((t) => t.id as string);
  return fc
    .record({
      rows: fc.array(fc.array(fc.constantFrom(...rackIds), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
      name: text,
      utilisation: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 30 }),
      rackTags: fc.array(tags, { maxLength: 30 }),
      trays: fc.array(fc.record({ name: text, pts: fc.array(fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true })), { minLength: 2, maxLength: 5 }), elevation: fc.double({ min: 2, max: 4, noNaN: true }), tags }), { maxLength: 3 }),
      containment: fc.array(fc.record({ name: text, x: fc.double({ min: 0, max: 10, noNaN: true }), w: fc.double({ min: 0.6, max: 10, noNaN: true }) }), { maxLength: 2 }),
      linkPairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('compute', 'storage', 'frontend') as fc.Arbitrary<Link['purpose']>, fc.option(fc.double({ min: 0.5, max: 80, noNaN: true }), { nil: null })), { maxLength: 8 }),
      views: fc.array(fc.record({ name: text, eye: fc.tuple(fc.double({ noNaN: true, min: -100, max: 100 }), fc.double({ noNaN: true, min: -100, max: 100 }), fc.double({ noNaN: true, min: 0, max: 100 })), plan: fc.boolean() }), { maxLength: 3 }),
      agents: fc.nat({ max: 100000 }),
    })
    .map((p) => {
      const doc = generateHall({
        catalog, name: p.name, rows: p.rows, blocks: 1, supplyAirC: 22, cdu: 'cdu-1350', crah: 'crah-150', rearDoor: null,
        power: { utility: 'utility-13k8', transformer: 'tx-3000', ups: 'ups-1250', switchboard: 'swbd-4000', busway: 'busway-800', spareUps: 1 },
        fabric: { computeSwitchTypeId: 'sw-ib-ndr-64x400' as CatalogId, storageSwitchTypeId: 'sw-eth-64x400' as CatalogId, oversubscription: 1, nodesPerScalableUnit: 32 },
        workloads: [codingAgents(p.agents), researchAgents(p.agents % 1000)],
      });
      doc.racks.forEach((r, i) => {
        r.utilisation = p.utilisation[i] === undefined || p.utilisation[i] === null ? null : frac(p.utilisation[i] as number);
        r.tags = p.rackTags[i] ?? {};
      });
      doc.trays = p.trays.map((t, i): Tray => ({
        id: `tray-${i}` as TrayId, typeId: 'tray-300' as CatalogId, name: t.name, points: t.pts.map(([x, y]) => pt(x, y)),
        elevationM: m(t.elevation), tags: t.tags,
      }));
      doc.containment = p.containment.map((c, i): Containment => ({
        id: `cont-${i}` as ContainmentId, typeId: 'hac' as CatalogId, name: c.name, min: pt(c.x, 1), max: pt(c.x + c.w, 2.2), heightM: m(2.4), tags: {},
      }));
      const ids = doc.racks.map((r) => r.id as string);
      doc.links = p.linkPairs.map(([a, b, purpose, len], i): Link => ({
        id: `link-${i}` as LinkId, a: { objectId: ids[a % ids.length] as string, port: `p${a % 8}` },
        b: { objectId: ids[b % ids.length] as string, port: `p${b % 8}` }, purpose, cableTypeId: null,
        routedLengthM: len === null ? null : m(len), tags: {},
      }));
      doc.views = p.views.map((v, i): CameraView => ({ id: `view-${i}`, name: v.name, eye: [v.eye[0] + 0, v.eye[1] + 0, v.eye[2] + 0], target: [0, 0, 0], projection: v.plan ? 'plan' : 'perspective' }));
      return doc;
    });
}
