// Validation at the borders: structure by the zod schemas, then the cross-references a schema
// cannot see (a rack's type exists and is a rack type, a feed names a power element, ids are
// unique). Every problem names where it is, so a user can find and fix it.
import type { z } from 'zod';
import type { Catalog } from './catalog.js';
import { fastParse } from './accept.js';
import { ProjectDocument } from './document.js';

export interface Problem {
  /** Where, as a path into the document: "racks[3].typeId". */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

export function zodProblems(error: z.ZodError, prefix = ''): Problem[] {
  return error.issues.map((issue) => {
    const inner = formatPath(issue.path);
    const path = prefix === '' ? inner : inner === '(document)' ? prefix : `${prefix}${inner.startsWith('[') ? '' : '.'}${inner}`;
    return { path, message: issue.message };
  });
}

/** Parse anything claimed to be a project document: structure, then references. */
export function parseDocument(input: unknown): Parsed<ProjectDocument> {
  const result = fastParse(ProjectDocument, input);
  if (!result.success) return { ok: false, problems: zodProblems(result.error) };
  const problems = checkReferences(result.data);
  return problems.length === 0 ? { ok: true, value: result.data } : { ok: false, problems };
}

function idsOf(items: readonly { id: string }[]): Set<string> {
  return new Set(items.map((i) => i.id));
}

/**
 * Where each id was first seen: section and index packed in one small integer (no object per id:
 * a gigawatt hall has 28,000 of them), unpacked only when a duplicate needs reporting.
 */
class Seen {
  private readonly where = new Map<string, number>();
  private readonly sections: string[] = [];

  /** Record the ids of one section; duplicates (within or across sections) go to out. */
  add(items: readonly { id: string }[], section: string, out: Problem[]): void {
    const s = this.sections.push(section) - 1;
    const n = SECTION_SLOTS;
    for (let i = 0; i < items.length; i++) {
      const id = (items[i] as { id: string }).id;
      const first = this.where.get(id);
      if (first === undefined) this.where.set(id, i * n + s);
      else out.push({ path: `${section}[${i}].id`, message: `id "${id}" is already used at ${this.sections[first % n]}[${Math.floor(first / n)}].id` });
    }
  }

  sectionOf(id: string): string | undefined {
    const first = this.where.get(id);
    return first === undefined ? undefined : this.sections[first % SECTION_SLOTS];
  }
}
const SECTION_SLOTS = 16;

export function checkCatalog(catalog: Catalog, prefix = 'catalog'): Problem[] {
  const out: Problem[] = [];
  const seen = new Seen();
  seen.add(catalog.rackTypes, `${prefix}.rackTypes`, out);
  seen.add(catalog.switchTypes, `${prefix}.switchTypes`, out);
  seen.add(catalog.coolingTypes, `${prefix}.coolingTypes`, out);
  seen.add(catalog.powerTypes, `${prefix}.powerTypes`, out);
  seen.add(catalog.cableTypes, `${prefix}.cableTypes`, out);
  seen.add(catalog.transceivers, `${prefix}.transceivers`, out);
  seen.add(catalog.trayTypes, `${prefix}.trayTypes`, out);
  seen.add(catalog.containmentTypes, `${prefix}.containmentTypes`, out);
  const switches = idsOf(catalog.switchTypes);
  catalog.rackTypes.forEach((t, i) => {
    if (t.kind === 'network' && !switches.has(t.switchTypeId)) {
      out.push({ path: `${prefix}.rackTypes[${i}].switchTypeId`, message: `no switch type "${t.switchTypeId}" in the catalog` });
    }
  });
  const optics = idsOf(catalog.transceivers);
  catalog.cableTypes.forEach((t, i) => {
    if (t.transceiverId !== null && !optics.has(t.transceiverId)) {
      out.push({ path: `${prefix}.cableTypes[${i}].transceiverId`, message: `no transceiver "${t.transceiverId}" in the catalog` });
    }
    const sorted = t.orderableLengthsM.every((v, k, all) => k === 0 || (all[k - 1] ?? 0) < v);
    if (!sorted) out.push({ path: `${prefix}.cableTypes[${i}].orderableLengthsM`, message: 'lengths must be ascending' });
  });
  return out;
}

/** Cross-references inside a structurally valid document. */
export function checkReferences(doc: ProjectDocument): Problem[] {
  const out = checkCatalog(doc.catalog);
  const c = doc.catalog;
  const rackTypes = idsOf(c.rackTypes);
  const coolingTypes = new Map(c.coolingTypes.map((t) => [t.id as string, t]));
  const powerTypes = idsOf(c.powerTypes);
  const cableTypes = idsOf(c.cableTypes);
  const switchTypes = idsOf(c.switchTypes);
  // One map of every placed id: it checks uniqueness across sections and answers "does it exist".
  const seen = new Seen();
  seen.add(doc.rows, 'rows', out);
  seen.add(doc.racks, 'racks', out);
  seen.add(doc.cooling, 'cooling', out);
  seen.add(doc.power, 'power', out);
  seen.add(doc.trays, 'trays', out);
  seen.add(doc.containment, 'containment', out);
  seen.add(doc.links, 'links', out);
  seen.add(doc.workloads, 'workloads', out);
  const isIn = (section: string) => ({ has: (id: string) => seen.sectionOf(id) === section });
  const rows = isIn('rows');
  const racks = isIn('racks');
  const power = isIn('power');
  const coolingKind = new Map(doc.cooling.map((u) => [u.id as string, coolingTypes.get(u.typeId)?.kind]));
  const missing = (path: string, what: string, id: string) => out.push({ path, message: `no ${what} "${id}"` });

  for (const key of ['computeSwitchTypeId', 'storageSwitchTypeId'] as const) {
    if (!switchTypes.has(doc.fabric[key])) missing(`fabric.${key}`, 'switch type in the catalog', doc.fabric[key]);
  }
  doc.racks.forEach((r, i) => {
    if (!rackTypes.has(r.typeId)) missing(`racks[${i}].typeId`, 'rack type in the catalog', r.typeId);
    if (r.rowId !== null && !rows.has(r.rowId)) missing(`racks[${i}].rowId`, 'row', r.rowId);
    if (r.feedA !== null && !power.has(r.feedA)) missing(`racks[${i}].feedA`, 'power element', r.feedA);
    if (r.feedB !== null && !power.has(r.feedB)) missing(`racks[${i}].feedB`, 'power element', r.feedB);
    if (r.cduId !== null) {
      const kind = coolingKind.get(r.cduId);
      if (kind === undefined) missing(`racks[${i}].cduId`, 'cooling unit', r.cduId);
      else if (kind !== 'cdu') out.push({ path: `racks[${i}].cduId`, message: `"${r.cduId}" is a ${kind}, not a CDU` });
    }
  });
  doc.cooling.forEach((u, i) => {
    if (!coolingTypes.has(u.typeId)) missing(`cooling[${i}].typeId`, 'cooling type in the catalog', u.typeId);
    if (u.rowId !== null && !rows.has(u.rowId)) missing(`cooling[${i}].rowId`, 'row', u.rowId);
    if (u.attachedRackId !== null && !racks.has(u.attachedRackId)) missing(`cooling[${i}].attachedRackId`, 'rack', u.attachedRackId);
  });
  doc.power.forEach((p, i) => {
    if (!powerTypes.has(p.typeId)) missing(`power[${i}].typeId`, 'power type in the catalog', p.typeId);
    p.upstreamIds.forEach((u, k) => {
      if (!power.has(u)) missing(`power[${i}].upstreamIds[${k}]`, 'power element', u);
      if (u === p.id) out.push({ path: `power[${i}].upstreamIds[${k}]`, message: 'an element cannot feed itself' });
    });
  });
  const cycle = findPowerCycle(doc);
  if (cycle !== null) out.push({ path: 'power', message: `power feeds form a loop: ${cycle.join(' -> ')}` });
  const trayTypes = idsOf(c.trayTypes);
  doc.trays.forEach((t, i) => {
    if (!trayTypes.has(t.typeId)) missing(`trays[${i}].typeId`, 'tray type in the catalog', t.typeId);
  });
  const containmentTypes = idsOf(c.containmentTypes);
  doc.containment.forEach((t, i) => {
    if (!containmentTypes.has(t.typeId)) missing(`containment[${i}].typeId`, 'containment type in the catalog', t.typeId);
    if (t.min.x >= t.max.x || t.min.y >= t.max.y) out.push({ path: `containment[${i}]`, message: 'min must be below max in x and y' });
  });
  const objects = { has: (id: string) => { const s = seen.sectionOf(id); return s === 'racks' || s === 'cooling' || s === 'power'; } };
  doc.links.forEach((l, i) => {
    if (!objects.has(l.a.objectId)) missing(`links[${i}].a.objectId`, 'placed object', l.a.objectId);
    if (!objects.has(l.b.objectId)) missing(`links[${i}].b.objectId`, 'placed object', l.b.objectId);
    if (l.cableTypeId !== null && !cableTypes.has(l.cableTypeId)) missing(`links[${i}].cableTypeId`, 'cable type in the catalog', l.cableTypeId);
  });
  return out;
}

function findPowerCycle(doc: ProjectDocument): string[] | null {
  const upstream = new Map(doc.power.map((p) => [p.id as string, p.upstreamIds as string[]]));
  const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    const s = state.get(id);
    if (s === 2) return null;
    if (s === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const u of upstream.get(id) ?? []) {
      const found = visit(u);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of upstream.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
