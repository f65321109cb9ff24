// Cables as merged line segments: the document's own links, and with the links overlay the
// engine's generated fabric (every rack to its leaf switches' rack, every switch rack to the tier
// above), routed up from the rack top, along x then y at a tier's tray height, and down. One
// LineSegments with vertex colours for all of them: two draw calls whatever the hall's size.
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Color, Float32BufferAttribute } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import type { DiagramView } from '../engine/overlay-view';
import { utilColor } from '../scene/colors';
import { footprintIndex, type Footprint } from '../scene/footprints';

/** Tray heights per hop: rack to leaf lowest, each tier above one level higher, so routes read apart. */
/** Above the busways (2.9 m) so the two never hide each other. */
const TRAY_Z = [3.2, 3.4, 3.6, 3.8];
const DOC_LINK_COLOR = new Color('#8fa3bf');

export interface CableRun { a: Footprint; b: Footprint; level: number; color: Color }

function pushRoute(out: number[], colors: number[], run: CableRun): void {
  const z = TRAY_Z[Math.min(run.level, TRAY_Z.length - 1)]!;
  const { a, b } = run;
  const pts = [[a.x, a.y, a.z0 + a.h], [a.x, a.y, z], [b.x, a.y, z], [b.x, b.y, z], [b.x, b.y, b.z0 + b.h]] as const;
  for (let i = 0; i + 1 < pts.length; i++) {
    out.push(...pts[i]!, ...pts[i + 1]!);
    colors.push(run.color.r, run.color.g, run.color.b, run.color.r, run.color.g, run.color.b);
  }
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

export function docLinkRuns(doc: ProjectDocument): CableRun[] {
  const index = footprintIndex(doc);
  return doc.links.flatMap((l) => {
    const a = index.get(l.a.objectId), b = index.get(l.b.objectId);
    return a !== undefined && b !== undefined ? [{ a, b, level: 0, color: DOC_LINK_COLOR }] : [];
  });
}

export function runsGeometry(runs: readonly CableRun[]): BufferGeometry {
  const pos: number[] = [], col: number[] = [];
  for (const r of runs) pushRoute(pos, col, r);
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  g.setAttribute('color', new Float32BufferAttribute(col, 3));
  return g;
}

export function Cables({ doc, diagram }: { doc: ProjectDocument; diagram: DiagramView | null }) {
  // Without links of its own a document has nothing to route: edits elsewhere keep the geometry.
  const linked = doc.links.length === 0 ? null : doc;
  const own = useMemo(() => runsGeometry(linked === null ? [] : docLinkRuns(linked)), [linked]);
  const fabric = useMemo(() => (diagram === null ? null : runsGeometry(fabricRuns(doc, diagram))), [doc, diagram]);
  useEffect(() => () => own.dispose(), [own]);
  useEffect(() => () => fabric?.dispose(), [fabric]);
  return (
    <group name="cables">
      {own.getAttribute('position').count > 0 && (
        <lineSegments geometry={own} raycast={() => null}><lineBasicMaterial vertexColors /></lineSegments>
      )}
      {fabric !== null && fabric.getAttribute('position').count > 0 && (
        <lineSegments geometry={fabric} raycast={() => null}><lineBasicMaterial vertexColors transparent opacity={0.7} /></lineSegments>
      )}
    </group>
  );
}
