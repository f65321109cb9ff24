import { describe, expect, it } from 'vitest';
import { autoCableLinks, computeFabric } from '../fabric/index.js';
import { demoHall } from '../generators/index.js';
import type { CatalogId, ContainmentId, ProjectDocument, RackId, TrayId } from '../model/index.js';
import { m, pt } from '../model/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { buildBom } from './build.js';
import { aisleLengthM, polylineLengthM } from './measure.js';

function withTraysAndContainment(): ProjectDocument {
  const doc = demoHall(shippedCatalog);
  // 3 m along x then 4 m along y: 7 m of 300 mm tray at 45/m = 315.
  doc.trays = [{ id: 't1' as TrayId, typeId: 'tray-300' as CatalogId, name: 'Tray 1', points: [pt(0, 0), pt(3, 0), pt(3, 4)], elevationM: m(3), tags: {} }];
  // A 6 m x 1.2 m hot aisle: 6 m at 1500/m = 9000.
  doc.containment = [{ id: 'c1' as ContainmentId, typeId: 'hac' as CatalogId, name: 'HAC 1', min: pt(4, 5), max: pt(10, 6.2), heightM: m(2.4), tags: {} }];
  return doc;
}

describe('buildBom', () => {
  const doc = withTraysAndContainment();
  const fabric = computeFabric(doc);
  const bom = buildBom(doc, fabric);
  const lines = (category: string) => bom.lines.filter((l) => l.category === category);
  const qty = (category: string, unit = 'each') => lines(category).filter((l) => l.unit === unit && l.unitPrice !== null).reduce((s, l) => s + l.quantity, 0);

  it('measures trays along the polyline and aisles along the longer side', () => {
    expect(polylineLengthM([pt(0, 0), pt(3, 0), pt(3, 4)])).toBeCloseTo(7, 12);
    expect(aisleLengthM({ min: pt(4, 5), max: pt(10, 6.2) })).toBeCloseTo(6, 12);
    const tray = lines('trays').find((l) => l.unit === 'm');
    expect(tray).toMatchObject({ quantity: 7, unitPrice: 45, extendedPrice: 315 });
    expect(lines('trays').find((l) => l.unit === 'each')?.quantity).toBe(1);
    expect(lines('containment').find((l) => l.unit === 'm')).toMatchObject({ quantity: 6, unitPrice: 1500, extendedPrice: 9000 });
  });

  it('counts what the document holds, by kind', () => {
    expect(qty('racks')).toBe(doc.racks.length);
    expect(qty('cooling') + qty('cdus')).toBe(doc.cooling.length);
    const powerCats = ['busway', 'pdus', 'ups', 'transformers', 'switchboards', 'utility'];
    expect(powerCats.reduce((s, k) => s + qty(k), 0)).toBe(doc.power.length);
    // Demo hall: 12 NVL72 racks x 72 GPUs, an informational (unpriced) line.
    const gpus = lines('racks').find((l) => l.item.startsWith('GPUs'));
    expect(gpus).toMatchObject({ quantity: 864, unitPrice: null, extendedPrice: null });
    const busMetres = doc.power.reduce((s, p) => s + (p.lengthM ?? 0), 0);
    expect(lines('busway').find((l) => l.unit === 'm')?.quantity).toBeCloseTo(busMetres, 2);
  });

  it('takes switches, cables and optics from the fabric result', () => {
    const switches = (fabric.compute?.switches ?? 0) + (fabric.storage?.switches ?? 0);
    expect(switches).toBeGreaterThan(0);
    expect(qty('switches')).toBe(switches);
    expect(qty('switches')).toBe(fabric.switchRacks.reduce((s, r) => s + r.switches, 0));
    expect(qty('cables')).toBe(fabric.cables.reduce((s, c) => s + c.count, 0));
    expect(qty('transceivers')).toBe(fabric.transceivers.reduce((s, t) => s + t.count, 0));
    // One cable line per (type, orderable length), each length one of the catalog's.
    for (const l of lines('cables')) {
      const t = shippedCatalog.cableTypes.find((c) => c.id === l.catalogId);
      expect(t?.orderableLengthsM.some((len) => l.note === `ordered length ${len} m`)).toBe(true);
    }
  });

  it('prices lines, subtotals and the total to the cent', () => {
    for (const l of bom.lines) {
      if (l.unitPrice === null) continue;
      expect(l.extendedPrice).toBeCloseTo(l.quantity * l.unitPrice, 2);
    }
    for (const c of bom.categories) {
      expect(c.subtotal).toBeCloseTo(lines(c.category).reduce((s, l) => s + (l.extendedPrice ?? 0), 0), 2);
    }
    expect(bom.total).toBeCloseTo(bom.categories.reduce((s, c) => s + c.subtotal, 0), 2);
    // 12 x 3.4 M GPU racks alone: the total is at least that.
    expect(bom.total).toBeGreaterThan(12 * 3_400_000);
    expect(bom).toMatchObject({ project: 'Demo hall', currency: 'USD', catalog: { name: shippedCatalog.name, version: shippedCatalog.version }, warnings: [] });
  });

  it('counts an unknown type at price 0 and says so', () => {
    const broken = structuredClone(doc);
    (broken.racks[0] as { typeId: string }).typeId = 'no-such-rack';
    (broken.racks[0] as { id: string }).id = 'x' as RackId;
    const b = buildBom(broken, fabric);
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings[0]).toContain('no-such-rack');
    expect(b.lines.filter((l) => l.category === 'racks' && l.unitPrice !== null).reduce((s, l) => s + l.quantity, 0)).toBe(doc.racks.length);
  });
});

describe('buildBom after auto-cable', () => {
  it('counts fabric cables once: the generated links add nothing the fabric result already counts', () => {
    const doc = demoHall(shippedCatalog);
    const fabric = computeFabric(doc);
    const made = autoCableLinks(doc, fabric);
    if (!made.ok) throw new Error(made.error);
    const cabled: ProjectDocument = { ...doc, links: made.links };
    expect(cabled.links.length).toBe(fabric.cables.reduce((s, c) => s + c.count, 0));
    // Links do not move racks or switches, so the fabric (and thus the BOM) is the same.
    const after = buildBom(cabled, computeFabric(cabled));
    const before = buildBom(doc, fabric);
    expect(after).toEqual(before);
    const cables = after.lines.filter((l) => l.category === 'cables').reduce((s, l) => s + l.quantity, 0);
    expect(cables).toBe(cabled.links.length);
  });
});
