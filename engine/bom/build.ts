// buildBom: the bill of materials procurement orders from. Placed things (racks, cooling, power,
// trays, containment) are counted from the document; things the engine derives (switches per
// tier, cables by type and orderable length, optics) come from the fabric result, which already
// rounded every routed length up to an orderable one. Prices are the catalog's: a line's
// extended price is quantity x unit price rounded to the cent, a subtotal the sum of its lines.
// Cables come only from the fabric result, never from `doc.links`: auto-cable writes the same
// fabric cables into the document as links (tagged generated), and counting both would double them.
import type { FabricResult, NetworkSummary } from '../fabric/index.js';
import type { Catalog, PowerType, ProjectDocument } from '../model/index.js';
import { aisleLengthM, polylineLengthM, round2 } from './measure.js';
import {
  BOM_CATEGORIES, CATEGORY_LABELS, type Bom, type BomCategory, type BomCategoryTotal, type BomLine, type BomUnit,
} from './types.js';

export interface BomOptions {
  /** Shown on every export; defaults to the hall's name. */
  projectName?: string;
}

interface Priced { id: string; name: string; manufacturer: string | null; partNumber: string | null; unitPrice: number }

const POWER_CATEGORY: Record<PowerType['kind'], BomCategory> = {
  utility: 'utility', transformer: 'transformers', ups: 'ups', switchboard: 'switchboards', busway: 'busway', pdu: 'pdus',
};

class LineBook {
  readonly lines: BomLine[] = [];
  readonly warnings: string[] = [];

  priced(category: BomCategory, item: Priced, quantity: number, unit: BomUnit, unitPrice: number, note = ''): void {
    if (quantity <= 0) return;
    this.lines.push({
      category, item: item.name, catalogId: item.id, partNumber: item.partNumber, manufacturer: item.manufacturer,
      quantity, unit, unitPrice, extendedPrice: round2(quantity * unitPrice), note,
    });
  }

  info(category: BomCategory, item: string, catalogId: string | null, quantity: number, unit: BomUnit, note: string): void {
    if (quantity <= 0) return;
    this.lines.push({ category, item, catalogId, partNumber: null, manufacturer: null, quantity, unit, unitPrice: null, extendedPrice: null, note });
  }

  /** An id the catalog does not hold: counted at price 0 and reported, so counts still reconcile. */
  unknown(category: BomCategory, id: string, quantity: number, unit: BomUnit, what: string): void {
    this.warnings.push(`${quantity} ${unit === 'm' ? 'm of ' : ''}${what} of type "${id}" are not in the catalog and are priced at 0.`);
    this.priced(category, { id, name: `Unknown ${what} type ${id}`, manufacturer: null, partNumber: null, unitPrice: 0 }, quantity, unit, 0, 'not in the catalog');
  }
}

/** Counts per type id, in first-seen order. */
function countBy<T>(items: readonly T[], key: (t: T) => string, weight: (t: T) => number = () => 1): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + weight(it));
  return out;
}

/** Visits counted ids in catalog order first (a stable, readable BOM), then unknown ids. */
function inCatalogOrder<T extends { id: string }>(section: readonly T[], counts: Map<string, number>, known: (t: T, n: number) => void, unknown: (id: string, n: number) => void): void {
  for (const t of section) {
    const n = counts.get(t.id);
    if (n !== undefined) known(t, n);
  }
  const ids = new Set(section.map((t) => t.id as string));
  for (const [id, n] of counts) if (!ids.has(id)) unknown(id, n);
}

function racks(book: LineBook, doc: ProjectDocument): void {
  const c = doc.catalog;
  inCatalogOrder(c.rackTypes, countBy(doc.racks, (r) => r.typeId), (t, n) => {
    book.priced('racks', t, n, 'each', t.unitPrice, t.kind === 'network' ? 'rack and its cabling infrastructure; switches are listed apart' : `${t.kind} rack`);
    if (t.kind === 'gpu') {
      book.info('racks', `GPUs (${t.gpu.model}) in ${t.name}`, t.id, n * t.nodes * t.gpusPerNode, 'each',
        `${n} racks x ${t.nodes} nodes x ${t.gpusPerNode} GPUs; included in the rack price`);
    }
  }, (id, n) => book.unknown('racks', id, n, 'each', 'racks'));
}

function switches(book: LineBook, c: Catalog, net: NetworkSummary | null, network: string): void {
  if (!net) return;
  const t = c.switchTypes.find((s) => s.id === net.switchTypeId);
  for (const tier of net.tiers) {
    if (t) book.priced('switches', t, tier.switches, 'each', t.unitPrice, `${network} ${tier.name} tier`);
    else book.unknown('switches', net.switchTypeId, tier.switches, 'each', `${network} ${tier.name} switches`);
  }
}

function cabling(book: LineBook, c: Catalog, fabric: FabricResult): void {
  for (const line of fabric.cables) {
    const t = c.cableTypes.find((k) => k.id === line.cableTypeId);
    for (const h of line.histogram) {
      if (!t) {
        book.unknown('cables', line.cableTypeId, h.count, 'each', 'cables');
        continue;
      }
      // A fixed-length assembly at its catalog price plus any per-metre part (fibre trunks).
      const price = round2(t.unitPrice + t.pricePerM * h.lengthM);
      book.priced('cables', { ...t, name: `${t.name}, ${h.lengthM} m` }, h.count, 'each', price, `ordered length ${h.lengthM} m`);
    }
  }
  for (const x of fabric.transceivers) {
    const t = c.transceivers.find((k) => k.id === x.transceiverId);
    if (t) book.priced('transceivers', t, x.count, 'each', t.unitPrice, 'two per fibre cable');
    else book.unknown('transceivers', x.transceiverId, x.count, 'each', 'transceivers');
  }
}

function trays(book: LineBook, doc: ProjectDocument): void {
  const metres = countBy(doc.trays, (t) => t.typeId, (t) => polylineLengthM(t.points));
  const runs = countBy(doc.trays, (t) => t.typeId);
  inCatalogOrder(doc.catalog.trayTypes, metres, (t, m) => {
    const n = runs.get(t.id) ?? 0;
    book.priced('trays', t, round2(m), 'm', t.pricePerM, `${n} runs, measured along their polylines`);
    book.priced('trays', { ...t, name: `${t.name}, fitting kit` }, n, 'each', t.unitPrice, 'one kit per run');
  }, (id, m) => book.unknown('trays', id, round2(m), 'm', 'tray'));
}

function containment(book: LineBook, doc: ProjectDocument): void {
  const metres = countBy(doc.containment, (c) => c.typeId, aisleLengthM);
  const aisles = countBy(doc.containment, (c) => c.typeId);
  inCatalogOrder(doc.catalog.containmentTypes, metres, (t, m) => {
    const n = aisles.get(t.id) ?? 0;
    book.priced('containment', t, round2(m), 'm', t.pricePerM, `${n} aisles, longer side of each rectangle`);
    book.priced('containment', { ...t, name: `${t.name}, aisle end kit` }, n, 'each', t.unitPrice, 'one kit per aisle');
  }, (id, m) => book.unknown('containment', id, round2(m), 'm', 'containment'));
}

function power(book: LineBook, doc: ProjectDocument): void {
  const counts = countBy(doc.power, (p) => p.typeId);
  const metres = countBy(doc.power, (p) => p.typeId, (p) => p.lengthM ?? 0);
  inCatalogOrder(doc.catalog.powerTypes, counts, (t, n) => {
    const category = POWER_CATEGORY[t.kind];
    if (t.kind === 'busway') {
      // The catalog prices a busway per run (no per-metre price); the metres are for the installer.
      book.priced(category, t, n, 'each', t.unitPrice, 'runs');
      book.info(category, `${t.name}, total length`, t.id, round2(metres.get(t.id) ?? 0), 'm', `${n} runs; included in the run price`);
    } else {
      book.priced(category, t, n, 'each', t.unitPrice, `${t.voltageV} V, ${t.ratedA} A`);
    }
  }, (id, n) => book.unknown('utility', id, n, 'each', 'power equipment'));
}

function cooling(book: LineBook, doc: ProjectDocument): void {
  inCatalogOrder(doc.catalog.coolingTypes, countBy(doc.cooling, (u) => u.typeId), (t, n) => {
    book.priced(t.kind === 'cdu' ? 'cdus' : 'cooling', t, n, 'each', t.unitPrice, `${t.kind}, ${t.capacityKw} kW`);
  }, (id, n) => book.unknown('cooling', id, n, 'each', 'cooling units'));
}

export function buildBom(doc: ProjectDocument, fabric: FabricResult, options: BomOptions = {}): Bom {
  const book = new LineBook();
  const c = doc.catalog;
  racks(book, doc);
  switches(book, c, fabric.compute, 'compute');
  switches(book, c, fabric.storage, 'storage');
  cabling(book, c, fabric);
  trays(book, doc);
  containment(book, doc);
  power(book, doc);
  cooling(book, doc);

  const order = new Map(BOM_CATEGORIES.map((k, i) => [k, i]));
  // Stable sort: lines keep their catalog order inside a category.
  const lines = book.lines.slice().sort((a, b) => (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0));
  const categories: BomCategoryTotal[] = [];
  for (const category of BOM_CATEGORIES) {
    const mine = lines.filter((l) => l.category === category);
    if (mine.length === 0) continue;
    categories.push({ category, label: CATEGORY_LABELS[category], lines: mine.length, subtotal: round2(mine.reduce((s, l) => s + (l.extendedPrice ?? 0), 0)) });
  }
  return {
    project: options.projectName ?? doc.hall.name,
    catalog: { name: c.name, version: c.version },
    currency: c.currency,
    lines,
    categories,
    total: round2(categories.reduce((s, k) => s + k.subtotal, 0)),
    warnings: book.warnings,
  };
}
