// Cables as merged line segments: the document's own links, and with the links overlay the
// engine's generated fabric (every rack to its leaf switches' rack, every switch rack to the tier
// above), routed up from the rack top, along x then y at a tier's tray height, and down. One
// LineSegments with vertex colours for all of them: two draw calls whatever the hall's size, and
// a third for the selected links, in the selection colour.
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Color, Float32BufferAttribute } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import type { DiagramView } from '../engine/overlay-view';
import { SELECTED_COLOR, utilColor } from '../scene/colors';
import { useSession } from '../state/session';
import { footprintIndex, type Footprint } from '../scene/footprints';

/** Tray heights per hop: rack to leaf lowest, each tier above one level higher, so routes read apart. */
/** Above the busways (2.9 m) so the two never hide each other. */
const TRAY_Z = [3.2, 3.4, 3.6, 3.8];
const DOC_LINK_COLOR = new Color('#8fa3bf');
const SELECTED_LINK_COLOR = new Color(SELECTED_COLOR);

export interface CableRun { a: Footprint; b: Footprint; level: number; color: Color }

/** Points of a cable's route; the select tool picks a link by the same polyline (tools/select/cable-pick.ts). */
export const ROUTE_POINTS = 5;
/** Numbers a route takes: ROUTE_POINTS hall points (x, y, z). */
export const ROUTE_STRIDE = 3 * ROUTE_POINTS;

/**
 * The route from `a` to `b` written into `out` from `offset`: up from a's top, along x then y at
 * the tier's tray height, down onto b's top.
 */
export function writeRoute(out: Float64Array, offset: number, a: Footprint, b: Footprint, level: number): void {
  const z = TRAY_Z[Math.min(level, TRAY_Z.length - 1)]!;
  out[offset] = a.x; out[offset + 1] = a.y; out[offset + 2] = a.z0 + a.h;
  out[offset + 3] = a.x; out[offset + 4] = a.y; out[offset + 5] = z;
  out[offset + 6] = b.x; out[offset + 7] = a.y; out[offset + 8] = z;
  out[offset + 9] = b.x; out[offset + 10] = b.y; out[offset + 11] = z;
  out[offset + 12] = b.x; out[offset + 13] = b.y; out[offset + 14] = b.z0 + b.h;
}

/**
 * Routes of the document's own links: link ids[k]'s points at ROUTE_STRIDE * k in `points`, its
 * bounding box (min x, y, z, max x, y, z) at 6 * k in `boxes` (the pick skips routes by it).
 */
export interface LinkRoutes {
  ids: string[];
  points: Float64Array;
  boxes: Float64Array;
}

export function linkRoutes(doc: ProjectDocument): LinkRoutes {
  const index = footprintIndex(doc);
  const ids: string[] = [];
  const points = new Float64Array(ROUTE_STRIDE * doc.links.length), boxes = new Float64Array(6 * doc.links.length);
  for (const l of doc.links) {
    const a = index.get(l.a.objectId), b = index.get(l.b.objectId);
    // An end on no placed object has nowhere to be drawn from.
    if (a === undefined || b === undefined) continue;
    const k = ids.length;
    writeRoute(points, ROUTE_STRIDE * k, a, b, 0);
    // The route runs between the two ends in plan, and from the lower rack top up to the tray.
    boxes[6 * k] = Math.min(a.x, b.x); boxes[6 * k + 1] = Math.min(a.y, b.y); boxes[6 * k + 2] = Math.min(a.z0 + a.h, b.z0 + b.h, TRAY_Z[0]!);
    boxes[6 * k + 3] = Math.max(a.x, b.x); boxes[6 * k + 4] = Math.max(a.y, b.y); boxes[6 * k + 5] = Math.max(a.z0 + a.h, b.z0 + b.h, TRAY_Z[0]!);
    ids.push(l.id);
  }
  return { ids, points, boxes };
}

/**
 * The routes of the last document asked for, shared by the overlay and the select tool's pick.
 * Rebuilt when the links or what they end on change, not for a tray or a hall edit.
 */
let cachedRoutes: { key: readonly unknown[]; routes: LinkRoutes } | null = null;
export function linkRoutesOf(doc: ProjectDocument): LinkRoutes {
  const key = [doc.links, doc.racks, doc.cooling, doc.power, doc.catalog];
  if (cachedRoutes === null || key.some((k, i) => k !== cachedRoutes!.key[i])) cachedRoutes = { key, routes: linkRoutes(doc) };
  return cachedRoutes.routes;
}

/** Line segments of routes (ROUTE_STRIDE numbers each) in one colour or a colour per route. */
function segmentsGeometry(points: Float64Array, count: number, color: (k: number) => Color): BufferGeometry {
  const segs = ROUTE_POINTS - 1;
  const pos = new Float32Array(count * segs * 6), col = new Float32Array(count * segs * 6);
  for (let k = 0, o = 0; k < count; k++) {
    const c = color(k), base = ROUTE_STRIDE * k;
    for (let i = 0; i < segs; i++, o += 6) {
      for (let j = 0; j < 6; j++) pos[o + j] = points[base + 3 * i + j]!;
      col[o] = col[o + 3] = c.r; col[o + 1] = col[o + 4] = c.g; col[o + 2] = col[o + 5] = c.b;
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  g.setAttribute('color', new Float32BufferAttribute(col, 3));
  return g;
}

export function routesGeometry(routes: LinkRoutes): BufferGeometry {
  return segmentsGeometry(routes.points, routes.ids.length, () => DOC_LINK_COLOR);
}

/** The selected links' routes in the selection colour, drawn over the others; null when none is selected. */
export function selectedRoutesGeometry(routes: LinkRoutes, selection: readonly string[]): BufferGeometry | null {
  if (selection.length === 0) return null;
  const wanted = new Set(selection);
  const picked: number[] = [];
  routes.ids.forEach((id, k) => { if (wanted.has(id)) picked.push(k); });
  if (picked.length === 0) return null;
  const points = new Float64Array(ROUTE_STRIDE * picked.length);
  picked.forEach((k, j) => points.set(routes.points.subarray(ROUTE_STRIDE * k, ROUTE_STRIDE * (k + 1)), ROUTE_STRIDE * j));
  return segmentsGeometry(points, picked.length, () => SELECTED_LINK_COLOR);
}

/** Nearest of `targets` to `f` on the floor (a rack cables to the closest rack of its leaf group). */
function nearest(f: Footprint, targets: readonly Footprint[]): Footprint | undefined {
  let best: Footprint | undefined, d = Infinity;
  for (const t of targets) {
    const e = (t.x - f.x) ** 2 + (t.y - f.y) ** 2;
    if (e < d) { d = e; best = t; }
  }
  return best;
}

/** The fabric's cable runs from the engine's aggregated diagram, coloured by utilisation. */
export function fabricRuns(doc: ProjectDocument, diagram: DiagramView): CableRun[] {
  const index = footprintIndex(doc);
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const level = (tier: string | null) => (tier === null ? 0 : tier.includes('spine') ? 2 : tier.includes('core') ? 3 : 1);
  const runs: CableRun[] = [];
  for (const e of diagram.edges) {
    const from = nodes.get(e.source), to = nodes.get(e.target);
    if (from === undefined || to === undefined) continue;
    const targets = to.objectIds.flatMap((id) => index.get(id) ?? []);
    if (targets.length === 0) continue;
    const color = utilColor(e.utilisation);
    const lvl = from.kind === 'switches' ? level(to.tier) : 0;
    for (const id of from.objectIds) {
      const a = index.get(id);
      const b = a === undefined ? undefined : nearest(a, targets);
      if (a !== undefined && b !== undefined && a !== b) runs.push({ a, b, level: lvl, color });
    }
  }
  return runs;
}

export function runsGeometry(runs: readonly CableRun[]): BufferGeometry {
  const points = new Float64Array(ROUTE_STRIDE * runs.length);
  runs.forEach((r, k) => writeRoute(points, ROUTE_STRIDE * k, r.a, r.b, r.level));
  return segmentsGeometry(points, runs.length, (k) => runs[k]!.color);
}

export function Cables({ doc, diagram }: { doc: ProjectDocument; diagram: DiagramView | null }) {
  // Routes shared with the select tool's pick, kept while the links and their ends stay: a tray
  // or hall edit keeps the geometry.
  const routes = doc.links.length === 0 ? null : linkRoutesOf(doc);
  const own = useMemo(() => (routes === null ? null : routesGeometry(routes)), [routes]);
  const selection = useSession((st) => st.selection);
  const selected = useMemo(() => (routes === null ? null : selectedRoutesGeometry(routes, selection)), [routes, selection]);
  const fabric = useMemo(() => (diagram === null ? null : runsGeometry(fabricRuns(doc, diagram))), [doc, diagram]);
  useEffect(() => () => own?.dispose(), [own]);
  useEffect(() => () => selected?.dispose(), [selected]);
  useEffect(() => () => fabric?.dispose(), [fabric]);
  return (
    <group name="cables">
      {own !== null && own.getAttribute('position').count > 0 && (
        <lineSegments geometry={own} raycast={() => null}><lineBasicMaterial vertexColors /></lineSegments>
      )}
      {selected !== null && (
        <lineSegments geometry={selected} raycast={() => null} renderOrder={1}><lineBasicMaterial vertexColors /></lineSegments>
      )}
      {fabric !== null && fabric.getAttribute('position').count > 0 && (
        <lineSegments geometry={fabric} raycast={() => null}><lineBasicMaterial vertexColors transparent opacity={0.7} /></lineSegments>
      )}
    </group>
  );
}
