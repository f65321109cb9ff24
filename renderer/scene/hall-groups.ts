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

export interface Group { key: string; placements: Placement[]; colors: Color[]; front: boolean }

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

/** One box per row around its racks: bounds of the turned footprints, colour the racks' mean. */
interface RowBox { minX: number; minY: number; maxX: number; maxY: number; maxH: number; r: number; g: number; b: number; n: number; selected: boolean }

function rowGroup(rows: Map<string, RowBox>): Group {
  const g: Group = { key: 'rows', placements: [], colors: [], front: false };
  for (const [id, b] of rows) {
    g.placements.push({ id, x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2, z0: 0, w: b.maxX - b.minX, d: b.maxY - b.minY, h: b.maxH, rotationDeg: 0 });
    g.colors.push(b.selected ? fixedColor(SELECTED_COLOR) : new Color(b.r / b.n, b.g / b.n, b.b / b.n));
  }
  return g;
}

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
}

function build(doc: ProjectDocument, selection: readonly string[], tints: Tints, far: boolean): BuiltGroups {
  const selected = new Set(selection);
  const cx = contextOf(doc);
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  let slots: Map<string, Slot> | null = new Map();
  const rows = new Map<string, RowBox>();
  for (const section of SECTIONS) {
    const records = doc[section] as readonly Rec[];
    for (let index = 0; index < records.length; index++) {
      const rec = records[index]!;
      if (far && section === 'racks' && (rec as ProjectDocument['racks'][number]).rowId !== null) {
        const r = rec as ProjectDocument['racks'][number];
        const t = cx.rackTypes.get(r.typeId);
        const color = rackColor(doc, cx, r, index, tints);
        if (t === undefined || color === null) continue;
        let b = rows.get(r.rowId!);
        if (b === undefined) rows.set(r.rowId!, (b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, maxH: 0, r: 0, g: 0, b: 0, n: 0, selected: false }));
        const a = (r.rotationDeg * Math.PI) / 180;
        const hx = (Math.abs(Math.cos(a)) * t.widthM + Math.abs(Math.sin(a)) * t.depthM) / 2;
        const hy = (Math.abs(Math.sin(a)) * t.widthM + Math.abs(Math.cos(a)) * t.depthM) / 2;
        b.minX = Math.min(b.minX, r.position.x - hx); b.maxX = Math.max(b.maxX, r.position.x + hx);
        b.minY = Math.min(b.minY, r.position.y - hy); b.maxY = Math.max(b.maxY, r.position.y + hy);
        b.maxH = Math.max(b.maxH, t.heightM);
        b.r += color.r; b.g += color.g; b.b += color.b; b.n++;
        b.selected ||= selected.has(r.id);
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
  if (rows.size > 0) groups.push(rowGroup(rows));
  return { doc, selection, selected, tints, far, groups, slots };
}

/** Past this many changed objects one rebuild beats patching entry by entry. */
const PATCH_MAX = 2000;

/**
 * `prev` patched to the new inputs, or null when only a rebuild will do: another catalog or
 * hall, other tints or level of detail, the far view (row boxes aggregate whole rows), records
 * added, removed or reordered, or an object changing group (a new type).
 */
function patch(prev: BuiltGroups, doc: ProjectDocument, selection: readonly string[], tints: Tints, far: boolean): BuiltGroups | null {
  if (far || prev.far || prev.slots === null || tints !== prev.tints || doc.catalog !== prev.doc.catalog || doc.hall !== prev.doc.hall) return null;
  const slots = prev.slots;
  const changed = new Set<string>();
  for (const section of SECTIONS) {
    const a = prev.doc[section] as readonly Rec[], b = doc[section] as readonly Rec[];
    if (a === b) continue;
    if (a.length !== b.length) return null;
    for (let i = 0; i < b.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i]!.id !== b[i]!.id) return null;
      changed.add(b[i]!.id);
    }
    if (changed.size > PATCH_MAX) return null;
  }
  const selected = selection === prev.selection ? prev.selected : new Set(selection);
  if (selected !== prev.selected) {
    for (const id of prev.selected) if (!selected.has(id)) changed.add(id);
    for (const id of selected) if (!prev.selected.has(id)) changed.add(id);
  }
  const next: BuiltGroups = { ...prev, doc, selection, selected };
  if (changed.size === 0) return next;
  if (changed.size > PATCH_MAX) return null;
  const cx = contextOf(doc);
  const copies = new Map<number, Group>();
  for (const id of changed) {
    const slot = slots.get(id);
    // Not drawn before (unknown type, or an id that is only selected): still not drawn, or rebuild.
    if (slot === undefined) {
      const at = SECTIONS.map((s) => [s, (doc[s] as readonly Rec[]).findIndex((r) => r.id === id)] as const).find(([, i]) => i >= 0);
      if (at !== undefined && entryOf(doc, cx, at[0], (doc[at[0]] as readonly Rec[])[at[1]]!, at[1], tints) !== null) return null;
      continue;
    }
    const rec = (doc[slot.section] as readonly Rec[])[slot.index]!;
    const e = entryOf(doc, cx, slot.section, rec, slot.index, tints);
    if (e === null || e.key !== prev.groups[slot.group]!.key) return null;
    let g = copies.get(slot.group);
    if (g === undefined) {
      const old = prev.groups[slot.group]!;
      copies.set(slot.group, (g = { ...old, placements: old.placements.slice(), colors: old.colors.slice() }));
    }
    // An unchanged box keeps its object, so the mesh's comparison stops at identity.
    const before = g.placements[slot.i]!;
    g.placements[slot.i] = samePlacement(before, e.placement) ? before : e.placement;
    g.colors[slot.i] = selected.has(id) ? fixedColor(SELECTED_COLOR) : e.color;
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
