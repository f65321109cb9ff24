// The placed equipment as instanced groups (a draw call each): racks, cooling units and power
// equipment by type, or racks by row from far away. Built once per hall; after an edit or a
// selection change only the entries of the records that changed are rewritten, in copies of
// their groups, and every other group keeps its identity, so the meshes that did not change skip
// their effects altogether. A full rebuild of the gigawatt hall's 37,000 entries cost 25-70 ms
// per edit on the UI thread; a one-rack move now costs a scan of the record arrays by identity.
import { Color } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import { ASHRAE_INLET_LIMITS } from '../../engine/model/index';
import { BUSWAY_COLOR, COOLING_COLOR, FAILED_COLOR, KIND_COLORS, POWER_COLOR, SELECTED_COLOR, heatColor, utilColor } from './colors';
import { BUSWAY_Z } from './footprints';
import type { Placement } from './InstancedBoxes';

/** `front`: the group draws intake panels (not past FRONT_PANEL_MAX objects). */
export interface Group { key: string; placements: Placement[]; colors: Color[]; front: boolean }

/**
 * Above this many objects of a type the intake panels are left out: at that scale they are a
 * pixel or two on screen, yet double the type's vertices, which software GL pays for every frame.
 */
export const FRONT_PANEL_MAX = 2000;

/** What the engine says per object for the colouring overlays; null when no overlay colours it. */
export interface Tints {
  /** Aligned with doc.racks: inlet temperature (heat overlay). */
  inlets: Float32Array | null;
  /** By rack id: draw over design power (power overlay). */
  rackUtil: Map<string, number> | null;
  /** By power element id: load over continuous rating (power overlay). */
  powerUtil: Map<string, number> | null;
}

/**
 * Fixed colours parsed once and shared by every object that wears them (the meshes only read
 * them): parsing a hex string per object cost ~100 ms per edit on a gigawatt hall.
 */
const fixed = new Map<string, Color>();
function fixedColor(hex: string): Color {
  let c = fixed.get(hex);
  if (c === undefined) fixed.set(hex, (c = new Color(hex)));
  return c;
}

type Section = 'racks' | 'cooling' | 'power';
const SECTIONS: readonly Section[] = ['racks', 'cooling', 'power'];
type Rec = ProjectDocument[Section][number];

/** One record's entry: its group, whether the group draws intake panels, its box and colour. */
interface Entry { key: string; front: boolean; placement: Placement; color: Color }

/** Lookups shared by every entry of one document (catalog types by id, the inlet limits). */
function contextOf(doc: ProjectDocument) {
  return {
    rackTypes: new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t])),
    coolingTypes: new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t])),
    powerTypes: new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t])),
    limits: ASHRAE_INLET_LIMITS[doc.hall.ashraeClass],
  };
}
type Context = ReturnType<typeof contextOf>;

function rackColor(doc: ProjectDocument, cx: Context, r: ProjectDocument['racks'][number], i: number, tints: Tints): Color | null {
  const t = cx.rackTypes.get(r.typeId);
  if (t === undefined) return null;
  const inlet = tints.inlets?.[i];
  const util = tints.rackUtil?.get(r.id);
  return util !== undefined ? utilColor(util)
    : inlet !== undefined && Number.isFinite(inlet) ? heatColor(inlet, doc.hall.supplyAirC, cx.limits.allowableMaxC)
      : fixedColor(KIND_COLORS[t.kind]);
}

/** The entry of record `i` of a section in the near view, or null when it is not drawn (unknown type). */
function entryOf(doc: ProjectDocument, cx: Context, section: Section, rec: Rec, i: number, tints: Tints): Entry | null {
  if (section === 'racks') {
    const r = rec as ProjectDocument['racks'][number];
    const t = cx.rackTypes.get(r.typeId);
    const color = rackColor(doc, cx, r, i, tints);
    if (t === undefined || color === null) return null;
    return { key: `rack:${t.id}`, front: true, placement: { id: r.id, x: r.position.x, y: r.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: r.rotationDeg }, color };
  }
  if (section === 'cooling') {
    const u = rec as ProjectDocument['cooling'][number];
    const t = cx.coolingTypes.get(u.typeId);
    if (t === undefined) return null;
    return {
      key: `cooling:${t.id}`, front: t.kind !== 'rear-door',
      placement: { id: u.id, x: u.position.x, y: u.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: u.rotationDeg },
      color: fixedColor(u.status === 'running' ? COOLING_COLOR : FAILED_COLOR),
    };
  }
  const e = rec as ProjectDocument['power'][number];
  const t = cx.powerTypes.get(e.typeId);
  if (t === undefined) return null;
  const failed = e.status !== 'running';
  const busway = t.kind === 'busway';
  const util = tints.powerUtil?.get(e.id);
  return {
    key: `power:${t.id}`, front: false,
    placement: {
      id: e.id, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
      w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg,
    },
    color: failed ? fixedColor(FAILED_COLOR) : util !== undefined ? utilColor(util) : fixedColor(busway ? BUSWAY_COLOR : POWER_COLOR),
  };
}

/**
 * The box of one row around its racks (`members`: their indices in doc.racks): bounds of the
 * turned footprints, colour the racks' mean, the selection colour when one of them is selected.
 * Null when none of them is drawn (unknown types).
 */
function rowEntry(doc: ProjectDocument, cx: Context, rowId: string, members: readonly number[], tints: Tints, selected: ReadonlySet<string>): { placement: Placement; color: Color } | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxH = 0, red = 0, green = 0, blue = 0, n = 0, sel = false;
  for (const i of members) {
    const r = doc.racks[i]!;
    const t = cx.rackTypes.get(r.typeId);
    const color = rackColor(doc, cx, r, i, tints);
    if (t === undefined || color === null) continue;
    const a = (r.rotationDeg * Math.PI) / 180;
    const hx = (Math.abs(Math.cos(a)) * t.widthM + Math.abs(Math.sin(a)) * t.depthM) / 2;
    const hy = (Math.abs(Math.sin(a)) * t.widthM + Math.abs(Math.cos(a)) * t.depthM) / 2;
    minX = Math.min(minX, r.position.x - hx); maxX = Math.max(maxX, r.position.x + hx);
    minY = Math.min(minY, r.position.y - hy); maxY = Math.max(maxY, r.position.y + hy);
    maxH = Math.max(maxH, t.heightM);
    red += color.r; green += color.g; blue += color.b; n++;
    sel ||= selected.has(r.id);
  }
  if (n === 0) return null;
  return {
    placement: { id: rowId, x: (minX + maxX) / 2, y: (minY + maxY) / 2, z0: 0, w: maxX - minX, d: maxY - minY, h: maxH, rotationDeg: 0 },
    color: sel ? fixedColor(SELECTED_COLOR) : new Color(red / n, green / n, blue / n),
  };
}

/** Far view: each row's member racks (indices in doc.racks) and the row's place in the rows group. */
interface Rows { group: number; members: Map<string, number[]>; at: Map<string, number> }

/** Where a record's entry sits: its section and index there, its group and index in the group. */
interface Slot { section: Section; index: number; group: number; i: number }

/** Groups of one (document, selection, tints, level) and what an update needs to patch them. */
export interface BuiltGroups {
  doc: ProjectDocument;
  selection: readonly string[];
  selected: ReadonlySet<string>;
  tints: Tints;
  far: boolean;
  groups: Group[];
  /** By object id; null when ids repeat (an invalid document), which rules out patching. */
  slots: Map<string, Slot> | null;
  /** Far view only: the rows and their racks. */
  rows: Rows | null;
}

function build(doc: ProjectDocument, selection: readonly string[], tints: Tints, far: boolean): BuiltGroups {
  const selected = new Set(selection);
  const cx = contextOf(doc);
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  let slots: Map<string, Slot> | null = new Map();
  const members = new Map<string, number[]>();
  for (const section of SECTIONS) {
    const records = doc[section] as readonly Rec[];
    for (let index = 0; index < records.length; index++) {
      const rec = records[index]!;
      if (far && section === 'racks' && (rec as ProjectDocument['racks'][number]).rowId !== null) {
        const rowId = (rec as ProjectDocument['racks'][number]).rowId!;
        const list = members.get(rowId);
        if (list === undefined) members.set(rowId, [index]); else list.push(index);
        continue;
      }
      // A rear door is part of its rack's silhouette: from far away the row box stands for both.
      if (far && section === 'cooling' && cx.coolingTypes.get((rec as ProjectDocument['cooling'][number]).typeId)?.kind === 'rear-door') continue;
      const e = entryOf(doc, cx, section, rec, index, tints);
      if (e === null) continue;
      let k = byKey.get(e.key);
      if (k === undefined) { byKey.set(e.key, (k = groups.length)); groups.push({ key: e.key, placements: [], colors: [], front: e.front }); }
      const g = groups[k]!;
      if (slots?.has(rec.id)) slots = null;
      slots?.set(rec.id, { section, index, group: k, i: g.placements.length });
      g.placements.push(e.placement);
      g.colors.push(selected.has(rec.id) ? fixedColor(SELECTED_COLOR) : e.color);
    }
  }
  for (const g of groups) g.front &&= g.placements.length <= FRONT_PANEL_MAX;
  let rows: Rows | null = null;
  if (far) {
    const g: Group = { key: 'rows', placements: [], colors: [], front: false };
    rows = { group: groups.length, members, at: new Map() };
    for (const [rowId, list] of members) {
      const e = rowEntry(doc, cx, rowId, list, tints, selected);
      if (e === null) continue;
      rows.at.set(rowId, g.placements.length);
      g.placements.push(e.placement);
      g.colors.push(e.color);
    }
    if (g.placements.length > 0) groups.push(g);
  }
  return { doc, selection, selected, tints, far, groups, slots, rows };
}

/** Past this many changed objects one rebuild beats patching entry by entry. */
const PATCH_MAX = 2000;

/**
 * `prev` patched to the new inputs, or null when only a rebuild will do: another catalog or
 * hall, other tints or level of detail, records added, removed or reordered, an object changing
 * group (a new type) or, from far away, a rack changing row. From far away a changed rack's row
 * box is measured again from that row's racks.
 */
function patch(prev: BuiltGroups, doc: ProjectDocument, selection: readonly string[], tints: Tints, far: boolean): BuiltGroups | null {
  if (far !== prev.far || prev.slots === null || tints !== prev.tints || doc.catalog !== prev.doc.catalog || doc.hall !== prev.doc.hall) return null;
  const slots = prev.slots;
  /** Changed records by id, with where they stand. */
  const changed = new Map<string, [Section, number] | null>();
  for (const section of SECTIONS) {
    const a = prev.doc[section] as readonly Rec[], b = doc[section] as readonly Rec[];
    if (a === b) continue;
    if (a.length !== b.length) return null;
    for (let i = 0; i < b.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i]!.id !== b[i]!.id) return null;
      // From far away a rack joining another row changes two boxes' members: rebuild.
      if (far && section === 'racks' && (a[i] as ProjectDocument['racks'][number]).rowId !== (b[i] as ProjectDocument['racks'][number]).rowId) return null;
      changed.set(b[i]!.id, [section, i]);
    }
    if (changed.size > PATCH_MAX) return null;
  }
  const selected = selection === prev.selection ? prev.selected : new Set(selection);
  if (selected !== prev.selected) {
    for (const id of prev.selected) if (!selected.has(id) && !changed.has(id)) changed.set(id, null);
    for (const id of selected) if (!prev.selected.has(id) && !changed.has(id)) changed.set(id, null);
  }
  const next: BuiltGroups = { ...prev, doc, selection, selected };
  if (changed.size === 0) return next;
  if (changed.size > PATCH_MAX) return null;
  const cx = contextOf(doc);
  const copies = new Map<number, Group>();
  const copyOf = (k: number) => {
    let g = copies.get(k);
    if (g === undefined) {
      const old = prev.groups[k]!;
      copies.set(k, (g = { ...old, placements: old.placements.slice(), colors: old.colors.slice() }));
    }
    return g;
  };
  const dirtyRows = new Set<string>();
  for (const [id, known] of changed) {
    const slot = slots.get(id);
    if (slot === undefined) {
      // Not an entry of its own: a rack in a row box (far view), a rear door (not drawn from far
      // away), an object of unknown type, or a selected id of something else (a row, a tray).
      const where = known ?? SECTIONS.map((s) => [s, (doc[s] as readonly Rec[]).findIndex((r) => r.id === id)] as [Section, number]).find(([, i]) => i >= 0);
      if (where === undefined) continue;
      const rec = (doc[where[0]] as readonly Rec[])[where[1]]!;
      if (far && where[0] === 'racks' && (rec as ProjectDocument['racks'][number]).rowId !== null) { dirtyRows.add((rec as ProjectDocument['racks'][number]).rowId!); continue; }
      if (far && where[0] === 'cooling' && cx.coolingTypes.get((rec as ProjectDocument['cooling'][number]).typeId)?.kind === 'rear-door') continue;
      if (entryOf(doc, cx, where[0], rec, where[1], tints) !== null) return null;
      continue;
    }
    const rec = (doc[slot.section] as readonly Rec[])[slot.index]!;
    const e = entryOf(doc, cx, slot.section, rec, slot.index, tints);
    if (e === null || e.key !== prev.groups[slot.group]!.key) return null;
    // From far away a cooling unit that became a rear door would leave the view: rebuild.
    if (far && slot.section === 'cooling' && !e.front) return null;
    const g = copyOf(slot.group);
    // An unchanged box keeps its object, so the mesh's comparison stops at identity.
    const before = g.placements[slot.i]!;
    g.placements[slot.i] = samePlacement(before, e.placement) ? before : e.placement;
    g.colors[slot.i] = selected.has(id) ? fixedColor(SELECTED_COLOR) : e.color;
  }
  if (dirtyRows.size > 0) {
    const rows = prev.rows;
    if (rows === null) return null;
    for (const rowId of dirtyRows) {
      const at = rows.at.get(rowId), members = rows.members.get(rowId);
      const e = at === undefined || members === undefined ? null : rowEntry(doc, cx, rowId, members, tints, selected);
      if (e === null || at === undefined) return null;
      const g = copyOf(rows.group);
      const before = g.placements[at]!;
      g.placements[at] = samePlacement(before, e.placement) ? before : e.placement;
      g.colors[at] = e.color;
    }
  }
  next.groups = prev.groups.map((g, k) => copies.get(k) ?? g);
  return next;
}

export const samePlacement = (a: Placement, b: Placement): boolean =>
  a === b || (a.x === b.x && a.y === b.y && a.z0 === b.z0 && a.w === b.w && a.d === b.d && a.h === b.h && a.rotationDeg === b.rotationDeg && a.id === b.id);

/** The groups for these inputs: `prev` patched where it can be, else built afresh. */
export function nextGroups(prev: BuiltGroups | null, doc: ProjectDocument, selection: readonly string[], tints: Tints, far: boolean): BuiltGroups {
  if (prev !== null && prev.doc === doc && prev.selection === selection && prev.tints === tints && prev.far === far) return prev;
  return (prev === null ? null : patch(prev, doc, selection, tints, far)) ?? build(doc, selection, tints, far);
}

/**
 * Objects grouped into instanced meshes by type (a draw call each, whatever the number), racks
 * by row instead when `far`. Splitting the meshes by floor block so three culls the blocks out of
 * view was measured and dropped: from the framed views the blocks behind the target stay in the
 * frustum, frame time did not improve and draw calls grew fourfold.
 */
export function groupsOf(doc: ProjectDocument, selection: ReadonlySet<string>, tints: Tints, far = false): Group[] {
  return build(doc, [...selection], tints, far).groups;
}
