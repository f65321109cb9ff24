// Where air enters and leaves the grid. A rack draws air over its height from the first open
// cell in front of it and blows it out of the first open cell behind it (behind its rear door, if
// any); an in-row cooler is the same with supply at the front and return at the rear. Room units
// (CRAHs) supply air where room-units.ts places it (slab: in front of each unit up to its throw;
// raised floor: the cold-aisle tile in front of each rack, rackSupply). Their return is drawn at the
// highest cell reachable straight up from each rack's exhaust, in proportion to the rack's airflow
// (the ceiling, or under a hot-aisle containment roof, i.e. a chimney or ducted return): potential
// flow has no buoyancy, and a return located only at the units lets exhaust pool in starved halls
// with no bound, so the rising hot layer is stood in for this way.
import type { CoolingType, ProjectDocument, RackType, RotationDeg } from '../model/index.js';
import { frontDirection, rackTypeIndex } from '../model/index.js';
import type { Grid } from './grid.js';
import { buildRoomUnits, type RoomUnitPorts } from './room-units.js';

export interface PortSet {
  /** count x nz: intake (or supply) and exhaust (or return) cells per layer, -1 for none. */
  inCell: Int32Array;
  outCell: Int32Array;
  /** count x nz: share of the object's airflow through each layer (sums to 1 over valid cells). */
  weight: Float32Array;
}

export interface Ports {
  racks: PortSet;
  /**
   * Per rack: the floor cell of its intake column (its cold-aisle tile on a raised floor) and the CRAH
   * return cell above its exhaust; -1 for both when the rack has no open intake or exhaust.
   */
  rackSupply: Int32Array;
  rackReturn: Int32Array;
  /** Running CRAHs and their supply cells. */
  crah: RoomUnitPorts;
  /** Running in-row coolers: their index in doc.cooling and ports (front = supply, rear = return). */
  inrowIndex: Int32Array;
  inrow: PortSet;
}

/** A port is the first open cell within this many cells of the object's face. */
export const MAX_STEPS = 3;

function portColumn(g: Grid, x: number, y: number, dir: { x: number; y: number }): number {
  const step = dir.x !== 0 ? g.dx : g.dy;
  for (let s = 0; s <= MAX_STEPS; s++) {
    const px = x + dir.x * s * step;
    const py = y + dir.y * s * step;
    if (px < 0 || py < 0 || px >= g.nx * g.dx || py >= g.ny * g.dy) return -1;
    const col = Math.floor(py / g.dy) * g.nx + Math.floor(px / g.dx);
    if (g.solid[col] === 0) return col;
  }
  return -1;
}

/** Fills the layer cells and weights of one object with a front and a rear port. */
function place(
  g: Grid, set: PortSet, e: number, pos: { x: number; y: number }, rot: RotationDeg, depthM: number, rearExtraM: number, heightM: number,
): void {
  const f = frontDirection(rot);
  const half = (f.x !== 0 ? g.dx : g.dy) / 2;
  const front = portColumn(g, pos.x + f.x * (depthM / 2 + half), pos.y + f.y * (depthM / 2 + half), f);
  const back = { x: -f.x, y: -f.y };
  const rearOff = depthM / 2 + rearExtraM + half;
  const rear = portColumn(g, pos.x + back.x * rearOff, pos.y + back.y * rearOff, back);
  const plane = g.nx * g.ny;
  let total = 0;
  for (let k = 0; k < g.nz; k++) {
    const o = e * g.nz + k;
    set.inCell[o] = -1;
    set.outCell[o] = -1;
    set.weight[o] = 0;
    const overlap = Math.min(heightM, (k + 1) * g.dz) - k * g.dz;
    if (overlap <= 0 || front < 0 || rear < 0) continue;
    const ci = front + k * plane;
    const co = rear + k * plane;
    if (g.solid[ci] !== 0 || g.solid[co] !== 0) continue;
    set.inCell[o] = ci;
    set.outCell[o] = co;
    set.weight[o] = overlap;
    total += overlap;
  }
  for (let k = 0; k < g.nz; k++) {
    const o = e * g.nz + k;
    set.weight[o] = total > 0 ? (set.weight[o] as number) / total : 0;
  }
}

function portSet(count: number, nz: number): PortSet {
  return { inCell: new Int32Array(count * nz).fill(-1), outCell: new Int32Array(count * nz).fill(-1), weight: new Float32Array(count * nz) };
}

/**
 * Places the ports of rack i again (after it, or a solid near it, changed). Returns true when any
 * of its cells differ from before, so the caller can widen the re-solved window to them.
 */
export function replaceRack(doc: ProjectDocument, g: Grid, ports: Ports, i: number, doorDepthM: number, types: Map<string, RackType>): boolean {
  const nz = g.nz;
  const snapshot = () => {
    const v: number[] = [ports.rackSupply[i]!, ports.rackReturn[i]!];
    for (let k = 0; k < nz; k++) v.push(ports.racks.inCell[i * nz + k]!, ports.racks.outCell[i * nz + k]!, ports.racks.weight[i * nz + k]!);
    return v;
  };
  const before = snapshot();
  const rack = doc.racks[i];
  const t = rack ? types.get(rack.typeId) : undefined;
  ports.rackSupply[i] = -1;
  ports.rackReturn[i] = -1;
  if (!rack || !t) {
    for (let k = 0; k < nz; k++) { ports.racks.weight[i * nz + k] = 0; ports.racks.inCell[i * nz + k] = -1; ports.racks.outCell[i * nz + k] = -1; }
  } else placeRackWith(g, ports, i, rack.position, rack.rotationDeg, t.depthM, doorDepthM, t.heightM);
  return snapshot().some((v, x) => v !== before[x]);
}

/** Places in-row cooler e (index into ports.inrow) again; true when its cells changed. */
export function replaceInrow(doc: ProjectDocument, g: Grid, ports: Ports, e: number, unitTypes: readonly (CoolingType | undefined)[]): boolean {
  const nz = g.nz;
  const u = ports.inrowIndex[e]!;
  const unit = doc.cooling[u];
  const t = unitTypes[u];
  if (!unit || !t) return false;
  const before: number[] = [];
  for (let k = 0; k < nz; k++) before.push(ports.inrow.inCell[e * nz + k]!, ports.inrow.outCell[e * nz + k]!, ports.inrow.weight[e * nz + k]!);
  place(g, ports.inrow, e, unit.position, unit.rotationDeg, t.depthM, 0, t.heightM);
  for (let k = 0; k < nz; k++) {
    if (ports.inrow.inCell[e * nz + k] !== before[3 * k] || ports.inrow.outCell[e * nz + k] !== before[3 * k + 1] || ports.inrow.weight[e * nz + k] !== before[3 * k + 2]) return true;
  }
  return false;
}

function placeRackWith(g: Grid, ports: Ports, i: number, pos: { x: number; y: number }, rot: RotationDeg, depthM: number, doorDepthM: number, heightM: number): void {
  place(g, ports.racks, i, pos, rot, depthM, doorDepthM, heightM);
  const plane = g.nx * g.ny;
  const az = (g.dx * g.dy) / g.dz;
  for (let k = 0; k < g.nz; k++) {
    const o = i * g.nz + k;
    if (ports.racks.inCell[o] === -1) continue;
    ports.rackSupply[i] = (ports.racks.inCell[o] as number) % plane; // floor of the intake column
    if (g.solid[ports.rackSupply[i] as number] !== 0) ports.rackSupply[i] = ports.racks.inCell[o] as number;
    let c = ports.racks.outCell[o] as number;
    while (c + plane < g.n && (g.gz[c] as number) >= 0.99 * az) c += plane; // climb to the ceiling or a roof
    ports.rackReturn[i] = c;
    break;
  }
}

export function buildPorts(doc: ProjectDocument, g: Grid, unitTypes: readonly (CoolingType | undefined)[], doorIndex: Int32Array): Ports {
  const n = doc.racks.length;
  const inrows: number[] = [];
  doc.cooling.forEach((u, i) => {
    if (u.status === 'running' && unitTypes[i]?.kind === 'inrow') inrows.push(i);
  });
  const ports: Ports = {
    racks: portSet(n, g.nz), rackSupply: new Int32Array(n).fill(-1), rackReturn: new Int32Array(n).fill(-1),
    inrowIndex: Int32Array.from(inrows), inrow: portSet(inrows.length, g.nz), crah: buildRoomUnits(doc, g, unitTypes),
  };
  const rackTypes = rackTypeIndex(doc.catalog);
  doc.racks.forEach((rack, i) => {
    const t = rackTypes.get(rack.typeId);
    if (!t) return;
    const d = doorIndex[i] as number;
    const doorDepth = d >= 0 ? (unitTypes[d]?.depthM ?? 0) : 0;
    placeRackWith(g, ports, i, rack.position, rack.rotationDeg, t.depthM, doorDepth, t.heightM);
  });
  inrows.forEach((u, e) => {
    const unit = doc.cooling[u];
    const t = unitTypes[u];
    if (unit && t) place(g, ports.inrow, e, unit.position, unit.rotationDeg, t.depthM, 0, t.heightM);
  });
  return ports;
}
