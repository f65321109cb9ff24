// Busway reach: a rack hangs from a busway through a tap-off box plugged into the run and a cord
// down to the rack. NEC 368.56(B)(2)-(3) allows at most 1.8 m (6 ft) of cord from the plug-in
// device to a tension take-up support, then a vertical riser to the equipment; so in plan a rack
// must stand within the type's tap-off reach (`tapOffReachM`, DEFAULT_TAP_OFF_REACH_M) of the run,
// the segment of `lengthM` along the busway's axis (x at rotation 0 and 180, y at 90 and 270)
// centred on its position: d = hypot(max(0, |u| - L/2), v), u along the run and v across it.
// A row moved away from its busways keeps them as feeds; this says the busway no longer reaches.
import { DEFAULT_TAP_OFF_REACH_M, type ProjectDocument, type RotationDeg, type Vec2 } from '../model/index.js';
import type { Violation } from '../results/index.js';
import type { PowerGraph, RackTable } from './graph.js';

/** Busway runs by element index (the graph's numbering); `reachM` is NaN for other elements and busways without a length. */
export interface BuswayRuns {
  cx: Float64Array;
  cy: Float64Array;
  /** Half the run's length, m. */
  half: Float64Array;
  /** 1 when the run lies along x. */
  alongX: Uint8Array;
  reachM: Float64Array;
}

/** Runs of the document's busways; built with the graph (power equipment or catalog changed). */
export function buswayRuns(doc: ProjectDocument, g: Pick<PowerGraph, 'n'>): BuswayRuns {
  const runs: BuswayRuns = {
    cx: new Float64Array(g.n), cy: new Float64Array(g.n), half: new Float64Array(g.n),
    alongX: new Uint8Array(g.n), reachM: new Float64Array(g.n).fill(NaN),
  };
  const types = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  doc.power.forEach((e, i) => {
    const t = types.get(e.typeId);
    // A busway without a length has no run in the document (a schematic chain): nothing to measure.
    if (t === undefined || t.kind !== 'busway' || e.lengthM === null) return;
    runs.cx[i] = e.position.x;
    runs.cy[i] = e.position.y;
    runs.half[i] = e.lengthM / 2;
    runs.alongX[i] = runsAlongX(e.rotationDeg) ? 1 : 0;
    runs.reachM[i] = t.tapOffReachM ?? DEFAULT_TAP_OFF_REACH_M;
  });
  return runs;
}

/** Whether a busway at this rotation runs along x (0 and 180) or along y (90 and 270). */
export const runsAlongX = (rotationDeg: RotationDeg): boolean => rotationDeg === 0 || rotationDeg === 180;

/** Squared plan distance from (x, y) to the run centred on (cx, cy), `half` each way along x or y, m²: d² of the formula above. */
export function runDistanceSq(x: number, y: number, cx: number, cy: number, half: number, alongX: boolean): number {
  const dx = x - cx, dy = y - cy;
  const u = alongX ? dx : dy, v = alongX ? dy : dx;
  const over = Math.max(0, Math.abs(u) - half);
  return over * over + v * v;
}

/** Squared plan distance from (x, y) to the run of element `e`, m² (no square root on the hot path). */
export function distanceToRunSq(runs: BuswayRuns, e: number, x: number, y: number): number {
  return runDistanceSq(x, y, runs.cx[e]!, runs.cy[e]!, runs.half[e]!, runs.alongX[e] === 1);
}

/** Plan distance from `p` to the run of a busway of `lengthM` standing at `position`, m (the editor feeds a rack from the nearest). */
export function distanceToRun(p: Vec2, busway: { position: Vec2; lengthM: number; rotationDeg: RotationDeg }): number {
  return Math.sqrt(runDistanceSq(p.x, p.y, busway.position.x, busway.position.y, busway.lengthM / 2, runsAlongX(busway.rotationDeg)));
}

/** Racks named in a message before "and N more". */
const NAMED = 3;
/** Distances are said to the centimetre; equal at that precision is one figure, not a range. */
const metres = (x: number) => `${x.toFixed(2)} m`;

/**
 * One warning per busway feeding racks beyond its tap-offs' reach, naming the busway, the racks
 * and how far they stand from its run. O(racks); racks in document order, busways in graph order.
 */
export function reachViolations(doc: ProjectDocument, racks: RackTable, runs: BuswayRuns, g: Pick<PowerGraph, 'ids' | 'names'>): Violation[] {
  const far = new Map<number, { racks: number[]; min: number; max: number }>();
  const check = (e: number, r: number) => {
    if (e < 0 || Number.isNaN(runs.reachM[e]!)) return;
    const p = doc.racks[r]!.position;
    const d2 = distanceToRunSq(runs, e, p.x, p.y);
    // A millimetre of slack: positions and lengths are stored rounded to it.
    const limit = Math.max(0, runs.reachM[e]!) + 1e-3;
    if (d2 <= limit * limit) return;
    const d = Math.sqrt(d2);
    const entry = far.get(e);
    if (entry === undefined) far.set(e, { racks: [r], min: d, max: d });
    else { entry.racks.push(r); entry.min = Math.min(entry.min, d); entry.max = Math.max(entry.max, d); }
  };
  for (let r = 0; r < racks.count; r++) {
    check(racks.feedA[r]!, r);
    // Both cords on one busway is power.rack-single-fed's finding; its reach is said once.
    if (racks.feedB[r] !== racks.feedA[r]) check(racks.feedB[r]!, r);
  }
  const out: Violation[] = [];
  for (const e of [...far.keys()].sort((a, b) => a - b)) {
    const { racks: list, min, max } = far.get(e)!;
    const names = list.slice(0, NAMED).map((r) => doc.racks[r]!.name);
    const who = list.length === 1 ? `rack ${names[0]!}` : `${list.length} racks (${names.join(', ')}${list.length > NAMED ? ` and ${list.length - NAMED} more` : ''})`;
    const distance = metres(min) === metres(max) ? metres(max) : `${metres(min)} to ${metres(max)}`;
    out.push({
      code: 'power.feed-out-of-reach', severity: 'warning',
      message: `${g.names[e]!} feeds ${who} standing ${distance} from its run, beyond the ${metres(runs.reachM[e]!)} a tap-off reaches`,
      objectIds: [g.ids[e]!, ...list.map((r) => racks.ids[r]!)],
    });
  }
  return out;
}
