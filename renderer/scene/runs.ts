// Boxes far from the camera merged into runs. Software GL pays for every vertex of every
// instance, on screen or not: drawing the gigawatt hall close up cost ~0.37 s a frame under
// SwiftShader, ~0.27 s of it vertex work (measured by drawing the same instances collapsed to
// nothing). Far away a rack is a few pixels wide, and a row of equal racks standing side by side
// looks like one long box: same colour, same faces, the same silhouette. So beyond the focus
// radius, boxes of one group that line up end to end with the same cross-section and colour are
// drawn as one box, and no intake panel is drawn; near the camera every object keeps its own
// instance (its seams, its panel).
// A run never mixes colours, so a hot rack, a failed unit or the selection stays visible at any
// distance. The editor's tools pick objects by their boxes (editor/objects.ts), not by the meshes
// drawn, so a merged run costs no precision; the mesh's own click handler skips runs (empty id).
import type { Color } from 'three';
import type { Group } from './hall-groups';
import type { Placement } from './InstancedBoxes';

/**
 * Where objects keep their own instance: within radiusM of (x, y, z) (hall coordinates, metres)
 * and, with a `view`, inside the cone around that unit direction whose half angle has the cosine
 * `cosHalfAngle` (what a perspective camera sees, with a margin). Anything else is merged: out of
 * view it costs fewer vertices, and if it comes into view before the focus follows, it shows as
 * runs, never as a hole.
 */
export interface Focus { x: number; y: number; z: number; radiusM: number; view?: { x: number; y: number; z: number; cosHalfAngle: number } }

/** Objects this close to the focus keep their instance whatever the view (the cone's tip is narrow). */
const ALWAYS_NEAR_M = 3;

/**
 * A group as drawn: its near objects one by one, then its far objects merged into runs. Its key,
 * panels flag and capacity (the objects in it: an upper bound of the instances drawn) are its source's.
 */
export interface DrawnGroup {
  placements: Placement[];
  colors: Color[];
  /** What this was drawn from; an update compares against it. */
  source: Group;
  focus: Focus | null;
  /** Indices into source of the objects drawn one by one, ascending; the runs follow them. */
  kept: Int32Array;
  /**
   * How many of the first placements draw their intake panel (with the source's `front`): the near objects. A
   * panel far away is a pixel or two, yet as many vertices again as its box.
   */
  panels: number;
}

/** Ends closer than this (m) count as touching: racks are placed on a grid, not to the micron. */
const TOUCH_M = 0.005;
/** Cross-section coordinates are compared in whole millimetres (sorting needs exact keys). */
const mm = (v: number) => Math.round(v * 1000);

function isNear(p: Placement, f: Focus | null): boolean {
  if (f === null) return false;
  const dx = p.x - f.x, dy = p.y - f.y, dz = p.z0 + p.h / 2 - f.z;
  const d2 = dx * dx + dy * dy + dz * dz;
  if (d2 >= f.radiusM * f.radiusM) return false;
  const v = f.view;
  if (v === undefined || d2 < ALWAYS_NEAR_M * ALWAYS_NEAR_M) return true;
  // The box's centre within the cone, widened by the angle its half size spans from here.
  const along = dx * v.x + dy * v.y + dz * v.z, d = Math.sqrt(d2);
  const spread = Math.min(1, Math.max(p.w, p.d, p.h) / 2 / d);
  return along / d > v.cosHalfAngle - spread;
}

/** One far object's place on its line: what must match to merge, and its extent along the line. */
interface Item { i: number; turn: number; cross: number; z0: number; d: number; h: number; r: number; g: number; b: number; start: number; end: number }

function itemOf(i: number, p: Placement, c: Color, front: boolean): Item {
  // Without a front panel a box turned 180 degrees is the same box.
  const period = front ? 360 : 180;
  const turn = ((p.rotationDeg % period) + period) % period;
  const a = (turn * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const along = p.x * cos + p.y * sin;
  return { i, turn, cross: mm(-p.x * sin + p.y * cos), z0: mm(p.z0), d: mm(p.d), h: mm(p.h), r: c.r, g: c.g, b: c.b, start: along - p.w / 2, end: along + p.w / 2 };
}

const byLine = (a: Item, b: Item) => a.turn - b.turn || a.cross - b.cross || a.z0 - b.z0 || a.d - b.d || a.h - b.h || a.r - b.r || a.g - b.g || a.b - b.b || a.start - b.start;
const sameLine = (a: Item, b: Item) => a.turn === b.turn && a.cross === b.cross && a.z0 === b.z0 && a.d === b.d && a.h === b.h && a.r === b.r && a.g === b.g && a.b === b.b;

/** The runs of the far objects `far` (indices into the group), as placements and colours. */
function runsOf(g: Group, far: readonly number[]): { placements: Placement[]; colors: Color[] } {
  const items = far.map((i) => itemOf(i, g.placements[i]!, g.colors[i]!, g.front));
  items.sort(byLine);
  const placements: Placement[] = [], colors: Color[] = [];
  for (let k = 0; k < items.length;) {
    const first = items[k]!;
    let end = first.end, last = k;
    while (last + 1 < items.length && sameLine(items[last + 1]!, first) && items[last + 1]!.start <= end + TOUCH_M) end = Math.max(end, items[++last]!.end);
    const p = g.placements[first.i]!;
    if (last === k) placements.push(p);
    else {
      // The run's box: the first object's cross-section, stretched from the line's start to its end.
      const a = (first.turn * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
      const cross = -p.x * sin + p.y * cos, mid = (first.start + end) / 2;
      placements.push({ id: '', x: mid * cos - cross * sin, y: mid * sin + cross * cos, z0: p.z0, w: end - first.start, d: p.d, h: p.h, rotationDeg: first.turn });
    }
    colors.push(g.colors[first.i]!);
    k = last + 1;
  }
  return { placements, colors };
}

function merge(g: Group, focus: Focus | null): DrawnGroup {
  const kept: number[] = [], far: number[] = [];
  g.placements.forEach((p, i) => (isNear(p, focus) ? kept : far).push(i));
  const runs = runsOf(g, far);
  return {
    source: g, focus,
    placements: [...kept.map((i) => g.placements[i]!), ...runs.placements],
    colors: [...kept.map((i) => g.colors[i]!), ...runs.colors],
    kept: Int32Array.from(kept),
    panels: kept.length,
  };
}

/** The group drawn in full, one instance per object: small halls, or everything near. */
export function unmerged(g: Group): DrawnGroup {
  return { placements: g.placements, colors: g.colors, source: g, focus: null, kept: new Int32Array(0), panels: g.placements.length };
}

/**
 * `g` drawn with far objects merged (`focus` null: all of them), reusing `prev` where the edit
 * allows: when every object that changed is near the camera before and after (the user edits
 * what they look at), the runs are the previous ones and only the near objects are rewritten.
 */
export function drawnGroup(prev: DrawnGroup | undefined, g: Group, focus: Focus | null): DrawnGroup {
  if (prev === undefined || prev.focus !== focus || prev.source.placements.length !== g.placements.length || prev.source.key !== g.key) return merge(g, focus);
  if (prev.source === g) return prev;
  const old = prev.source;
  let k = 0;
  for (let i = 0; i < g.placements.length; i++) {
    const wasNear = k < prev.kept.length && prev.kept[k] === i;
    if (wasNear) k++;
    if (old.placements[i] === g.placements[i] && old.colors[i] === g.colors[i]) continue;
    if (!wasNear || !isNear(g.placements[i]!, focus)) return merge(g, focus);
  }
  const placements = prev.placements.slice(), colors = prev.colors.slice();
  prev.kept.forEach((i, at) => { placements[at] = g.placements[i]!; colors[at] = g.colors[i]!; });
  return { ...prev, source: g, placements, colors };
}
