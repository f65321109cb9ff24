// The placed equipment: racks by type (front panel shows the intake side), cooling units and
// power equipment by type, busways overhead. Colours carry kind, selection, failure and, with an
// overlay, each rack's inlet temperature or draw and each PDU's or busway's load, from the engine.
// On huge halls seen from far away (lod.ts) each row's racks are one box and rear doors are left
// out. Picking stays per rack at any distance: the editor's tools hit-test the objects' boxes, not
// the meshes drawn, so a row box carries no pick handler of its own.
import { useEffect, useMemo } from 'react';
import { Color } from 'three';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import { ASHRAE_INLET_LIMITS } from '../../engine/model/index';

import type { EngineResults } from '../engine/results';
import { select, useSession } from '../state/session';
import { BUSWAY_COLOR, COOLING_COLOR, FAILED_COLOR, KIND_COLORS, POWER_COLOR, SELECTED_COLOR, heatColor, utilColor } from './colors';
import { BUSWAY_Z } from './footprints';
import { InstancedBoxes, type Placement } from './InstancedBoxes';
import { useFarView } from './lod';

interface Group { key: string; placements: Placement[]; colors: Color[]; front: boolean }

/**
 * Above this many objects of a type the intake panels are left out: at that scale they are a
 * pixel or two on screen, yet double the type's vertices, which software GL pays for every frame.
 */
const FRONT_PANEL_MAX = 2000;

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

/** No overlay colours anything: one constant, so new results alone do not regroup the hall. */
const NO_TINTS: Tints = { inlets: null, rackUtil: null, powerUtil: null };

function pickHandler(id: string, e: ThreeEvent<MouseEvent>): void {
  const current = useSession.getState().selection;
  if (e.shiftKey) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
  else select([id]);
}

/** What the engine says per object for the colouring overlays; null when no overlay colours it. */
export interface Tints {
  /** Aligned with doc.racks: inlet temperature (heat overlay). */
  inlets: Float32Array | null;
  /** By rack id: draw over design power (power overlay). */
  rackUtil: Map<string, number> | null;
  /** By power element id: load over continuous rating (power overlay). */
  powerUtil: Map<string, number> | null;
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

/**
 * Objects grouped into instanced meshes by type (a draw call each, whatever the number), racks
 * by row instead when `far`. Splitting the meshes by floor block so three culls the blocks out of
 * view was measured and dropped: from the framed views the blocks behind the target stay in the
 * frustum, frame time did not improve and draw calls grew fourfold.
 */
export function groupsOf(doc: ProjectDocument, selection: ReadonlySet<string>, { inlets, rackUtil, powerUtil }: Tints, far = false): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, front: boolean, p: Placement, c: Color) => {
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { key, placements: [], colors: [], front }));
    g.placements.push(p);
    g.colors.push(selection.has(p.id) ? fixedColor(SELECTED_COLOR) : c);
  };
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const rows = new Map<string, RowBox>();
  doc.racks.forEach((r, i) => {
    const t = rackTypes.get(r.typeId);
    if (t === undefined) return;
    const inlet = inlets?.[i];
    const util = rackUtil?.get(r.id);
    const color = util !== undefined ? utilColor(util)
      : inlet !== undefined && Number.isFinite(inlet) ? heatColor(inlet, doc.hall.supplyAirC, limits.allowableMaxC)
        : fixedColor(KIND_COLORS[t.kind]);
    if (far && r.rowId !== null) {
      let b = rows.get(r.rowId);
      if (b === undefined) rows.set(r.rowId, (b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, maxH: 0, r: 0, g: 0, b: 0, n: 0, selected: false }));
      const a = (r.rotationDeg * Math.PI) / 180;
      const hx = (Math.abs(Math.cos(a)) * t.widthM + Math.abs(Math.sin(a)) * t.depthM) / 2;
      const hy = (Math.abs(Math.sin(a)) * t.widthM + Math.abs(Math.cos(a)) * t.depthM) / 2;
      b.minX = Math.min(b.minX, r.position.x - hx); b.maxX = Math.max(b.maxX, r.position.x + hx);
      b.minY = Math.min(b.minY, r.position.y - hy); b.maxY = Math.max(b.maxY, r.position.y + hy);
      b.maxH = Math.max(b.maxH, t.heightM);
      b.r += color.r; b.g += color.g; b.b += color.b; b.n++;
      b.selected ||= selection.has(r.id);
      return;
    }
    add(`rack:${t.id}`, true, { id: r.id, x: r.position.x, y: r.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: r.rotationDeg }, color);
  });
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    // A rear door is part of its rack's silhouette: from far away the row box stands for both.
    if (t === undefined || (far && t.kind === 'rear-door')) continue;
    const color = fixedColor(u.status === 'running' ? COOLING_COLOR : FAILED_COLOR);
    add(`cooling:${t.id}`, t.kind !== 'rear-door', { id: u.id, x: u.position.x, y: u.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: u.rotationDeg }, color);
  }
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const e of doc.power) {
    const t = powerTypes.get(e.typeId);
    if (t === undefined) continue;
    const failed = e.status !== 'running';
    const busway = t.kind === 'busway';
    const util = powerUtil?.get(e.id);
    const color = failed ? fixedColor(FAILED_COLOR) : util !== undefined ? utilColor(util) : fixedColor(busway ? BUSWAY_COLOR : POWER_COLOR);
    add(`power:${t.id}`, false, {
      id: e.id, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
      w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg,
    }, color);
  }
  if (rows.size > 0) groups.set('rows', rowGroup(rows));
  return [...groups.values()];
}

/** Rack draw over its type's design power and element load over rating, by id. */
function powerTints(doc: ProjectDocument, results: EngineResults): Pick<Tints, 'rackUtil' | 'powerUtil'> {
  const o = results.overlay;
  const design = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.designPowerKw]));
  const typeOf = new Map(doc.racks.map((r) => [r.id as string, r.typeId as string]));
  const rackUtil = new Map<string, number>();
  o.rackIds.forEach((id, i) => {
    const kw = design.get(typeOf.get(id) ?? '');
    if (kw !== undefined && kw > 0) rackUtil.set(id, o.rackKw[i]! / kw);
  });
  const powerUtil = new Map<string, number>();
  o.powerIds.forEach((id, i) => powerUtil.set(id, o.powerUtil[i]!));
  return { rackUtil, powerUtil };
}

export function HallObjects({ doc }: { doc: ProjectDocument }) {
  const selectionList = useSession((s) => s.selection);
  const heat = useSession((s) => s.overlays.heat);
  const power = useSession((s) => s.overlays.power);
  const results = useSession((s) => s.engine.results);
  const tints = useMemo((): Tints => {
    if (!heat && !power) return NO_TINTS;
    // Results of an older document (racks added or removed since) would colour the wrong racks.
    const current = results !== null && results.rackInletC.length === doc.racks.length;
    const inlets = heat && current ? results.rackInletC : null;
    return power && current ? { inlets, ...powerTints(doc, results) } : { inlets, rackUtil: null, powerUtil: null };
  }, [doc, results, heat, power]);
  const far = useFarView(doc.racks.length);
  // The level drawn, for the browser tests and the render benchmark.
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => { canvas.dataset.lod = far ? 'far' : 'near'; }, [canvas, far]);
  const groups = useMemo(() => groupsOf(doc, new Set(selectionList), tints, far), [doc, selectionList, tints, far]);

  return (
    <>
      {groups.map((g) => (
        <InstancedBoxes key={g.key} name={g.key} placements={g.placements} colors={g.colors} front={g.front && g.placements.length <= FRONT_PANEL_MAX} onPick={g.key === 'rows' ? undefined : pickHandler} />
      ))}
    </>
  );
}
