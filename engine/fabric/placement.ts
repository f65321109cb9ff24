// Switches into the network racks of the layout. Each block of switches goes to the racks
// nearest to what it serves (the centroid of its GPU racks for a leaf, of the blocks below
// for a spine or core), filling `switchSlots` of racks whose catalog type holds that switch
// type. What does not fit is still given a place, the nearest such rack, so its cables can
// be routed and priced, and a violation reports the shortfall.
import type { ProjectDocument, RackType } from '../model/index.js';

/** A place cables run from: a rack, or a virtual point when the hall has no rack to use. */
export interface Site { x: number; y: number; portZ: number; rackId: string | null }

/** Mean height of a port in a rack, as a share of its height: ports are spread over the
 * rack's height (rule of thumb; a planning tool does not know the U position of every port). */
export const PORT_HEIGHT_FRACTION = 0.5;

export function rackSites(doc: ProjectDocument, types: Map<string, RackType>): Site[] {
  return doc.racks.map((r) => ({
    x: r.position.x, y: r.position.y, portZ: (types.get(r.typeId)?.heightM ?? 2) * PORT_HEIGHT_FRACTION, rackId: r.id,
  }));
}

/** Switches of one block by site: pairs [site, count]. */
export type Spread = [number, number][];

export interface Shortfall { switchTypeId: string; switches: number; slots: number; rackIds: string[]; noMatchingRack: boolean }

export class SwitchPlacer {
  private free: Int32Array;
  private candidates = new Map<string, number[]>();
  private used: Int32Array;
  readonly shortfalls = new Map<string, Shortfall>();

  constructor(private doc: ProjectDocument, private types: Map<string, RackType>, readonly sites: Site[]) {
    this.free = new Int32Array(doc.racks.length);
    this.used = new Int32Array(doc.racks.length);
    doc.racks.forEach((r, i) => {
      const t = types.get(r.typeId);
      if (t?.kind === 'network') this.free[i] = t.switchSlots;
    });
  }

  /** Network racks that hold the switch type; when none does, every network rack (flagged). */
  private racksFor(switchTypeId: string): number[] {
    const known = this.candidates.get(switchTypeId);
    if (known) return known;
    const matching: number[] = [];
    const anyNetwork: number[] = [];
    this.doc.racks.forEach((r, i) => {
      const t = this.types.get(r.typeId);
      if (t?.kind !== 'network') return;
      anyNetwork.push(i);
      if (t.switchTypeId === switchTypeId) matching.push(i);
    });
    const list = matching.length > 0 ? matching : anyNetwork;
    const slots = matching.reduce((s, i) => s + (this.free[i] as number), 0);
    this.shortfalls.set(switchTypeId, {
      switchTypeId, switches: 0, slots, rackIds: list.map((i) => this.doc.racks[i]?.id ?? ''), noMatchingRack: matching.length === 0,
    });
    this.candidates.set(switchTypeId, list);
    return list;
  }

  /** Places `count` switches near (x, y); returns where they went. */
  place(switchTypeId: string, count: number, x: number, y: number): Spread {
    const list = this.racksFor(switchTypeId);
    const short = this.shortfalls.get(switchTypeId) as Shortfall;
    const spread: Spread = [];
    let left = count;
    if (list.length === 0) {
      // No network rack at all: a virtual place at the target keeps the cable lengths honest.
      this.sites.push({ x, y, portZ: (this.sites[0]?.portZ ?? 1), rackId: null });
      short.switches += count;
      return [[this.sites.length - 1, count]];
    }
    const matching = !short.noMatchingRack;
    while (left > 0) {
      let best = -1;
      let bestD = Infinity;
      let nearest = -1;
      let nearestD = Infinity;
      for (const i of list) {
        const s = this.sites[i] as Site;
        const d = Math.abs(s.x - x) + Math.abs(s.y - y);
        if (d < nearestD) { nearestD = d; nearest = i; }
        if (matching && (this.free[i] as number) > 0 && d < bestD) { bestD = d; best = i; }
      }
      if (best === -1) {
        // Full (or the wrong kind of rack): overfill the nearest and count the shortfall.
        short.switches += left;
        this.used[nearest] = (this.used[nearest] as number) + left;
        spread.push([nearest, left]);
        break;
      }
      const n = Math.min(left, this.free[best] as number);
      this.free[best] = (this.free[best] as number) - n;
      this.used[best] = (this.used[best] as number) + n;
      spread.push([best, n]);
      left -= n;
    }
    return spread;
  }

  /** Switches placed in each rack (including overfill). */
  usedByRack(): Int32Array { return this.used; }
}

/** Centroid of a set of spreads, weighted by switch count. */
export function centroid(sites: Site[], spreads: Iterable<Spread>): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const spread of spreads) {
    for (const [site, count] of spread) {
      const s = sites[site] as Site;
      x += s.x * count;
      y += s.y * count;
      n += count;
    }
  }
  return n > 0 ? { x: x / n, y: y / n } : { x: 0, y: 0 };
}
