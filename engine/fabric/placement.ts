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

/** Sites of the racks; given the racks and sites of an earlier document, the site of a rack record it kept is kept too. */
export function rackSites(doc: ProjectDocument, types: Map<string, RackType>, earlier: { racks: readonly ProjectDocument['racks'][number][]; sites: readonly Site[] } | null = null): Site[] {
  return doc.racks.map((r, i) => (earlier && earlier.racks[i] === r ? earlier.sites[i] as Site : {
    x: r.position.x, y: r.position.y, portZ: (types.get(r.typeId)?.heightM ?? 2) * PORT_HEIGHT_FRACTION, rackId: r.id,
  }));
}

/** Switches of one block by site: pairs [site, count]. */
export type Spread = [number, number][];

export interface Shortfall { switchTypeId: string; switches: number; slots: number; rackIds: string[]; noMatchingRack: boolean }

/** One place() call as made: what was asked, where the switches went, and whether the last entry overfilled. */
export interface PlaceCall { switchTypeId: string; count: number; x: number; y: number; spread: Spread; overfill: boolean }

/**
 * An earlier placement to replay: its calls, made on a document with the same racks of the same
 * types in the same order, and the sites whose position has changed since.
 */
export interface PlacementReplay { calls: readonly PlaceCall[]; moved: ReadonlySet<number> }

const sameSpread = (a: Spread, b: Spread): boolean =>
  a.length === b.length && a.every(([s, n], i) => (b[i] as [number, number])[0] === s && (b[i] as [number, number])[1] === n);

/**
 * Greedy and order-dependent: each call takes the nearest rack with free slots left by the calls
 * before it. A replay takes an earlier call's answer when its inputs are equal and no site that
 * moved, or whose free slots now differ from the earlier run's at the same call, could have won
 * it; any other call is placed afresh. The answers are those of placing from scratch.
 */
export class SwitchPlacer {
  private free: Int32Array;
  private candidates = new Map<string, { list: number[]; member: Uint8Array; moved: number[] }>();
  private used: Int32Array;
  readonly shortfalls = new Map<string, Shortfall>();
  /** Every call, in order: the next update replays it. */
  readonly log: PlaceCall[] = [];
  /** True when some call was answered differently from the replayed placement (or there was none). */
  changed: boolean;
  /** Free slots as the replayed placement had them at the same call, and the sites where they differ now. */
  private oldFree: Int32Array | null = null;
  private freeDiff = new Set<number>();

  constructor(private doc: ProjectDocument, private types: Map<string, RackType>, readonly sites: Site[], private replay: PlacementReplay | null = null) {
    this.free = new Int32Array(doc.racks.length);
    this.used = new Int32Array(doc.racks.length);
    doc.racks.forEach((r, i) => {
      const t = types.get(r.typeId);
      if (t?.kind === 'network') this.free[i] = t.switchSlots;
    });
    this.changed = replay === null;
    if (replay) this.oldFree = this.free.slice();
  }

  /** Network racks that hold the switch type; when none does, every network rack (flagged). */
  private racksFor(switchTypeId: string): { list: number[]; member: Uint8Array; moved: number[] } {
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
    const member = new Uint8Array(this.doc.racks.length);
    for (const i of list) member[i] = 1;
    // The candidates that moved since the replayed placement: the only ones whose distances changed.
    const moved = [...(this.replay?.moved ?? [])].filter((m) => m < member.length && member[m]);
    const out = { list, member, moved };
    this.candidates.set(switchTypeId, out);
    return out;
  }

  /** Places `count` switches near (x, y); returns where they went. */
  place(switchTypeId: string, count: number, x: number, y: number): Spread {
    const { list, member, moved } = this.racksFor(switchTypeId);
    const old = this.replay?.calls[this.log.length];
    const same = old !== undefined && old.switchTypeId === switchTypeId && old.count === count && old.x === x && old.y === y;
    let spread: Spread;
    let overfill: boolean;
    // Nothing that could win the call has changed: the common case, checked before anything else.
    const quiet = moved.length === 0 && this.freeDiff.size === 0;
    if (same && list.length > 0 && (quiet || this.stillHolds(old, member, moved, x, y))) {
      spread = old.spread;
      overfill = old.overfill;
      this.take(this.free, switchTypeId, spread, overfill, true);
    } else {
      ({ spread, overfill } = this.scan(switchTypeId, count, x, y, list));
      if (old !== undefined && old.overfill === overfill && sameSpread(old.spread, spread)) spread = old.spread;
      else this.changed = true;
    }
    if (old && this.oldFree) this.follow(old, spread);
    this.log.push(same && spread === old.spread ? old : { switchTypeId, count, x, y, spread, overfill });
    return spread;
  }

  /** Applies a call's spread to free slots (and, for the live state, to used slots and shortfalls). */
  private take(free: Int32Array, switchTypeId: string, spread: Spread, overfill: boolean, live: boolean): void {
    for (let e = 0; e < spread.length; e++) {
      const [site, n] = spread[e] as [number, number];
      if (site >= free.length) continue; // a virtual site: no rack, no slots
      const over = overfill && e === spread.length - 1;
      if (!over) free[site] = (free[site] as number) - n;
      if (!live) continue;
      this.used[site] = (this.used[site] as number) + n;
      if (over) (this.shortfalls.get(switchTypeId) as Shortfall).switches += n;
    }
  }

  /** Advances the replayed run's free slots past its call and notes where they now differ from ours. */
  private follow(old: PlaceCall, spread: Spread): void {
    const oldFree = this.oldFree as Int32Array;
    this.take(oldFree, old.switchTypeId, old.spread, old.overfill, false);
    // The same spread took the same slots from both: no difference comes or goes.
    if (spread === old.spread) return;
    for (const s of [old.spread, spread]) {
      for (const [site] of s) {
        if (site >= oldFree.length) continue;
        if (oldFree[site] === this.free[site]) this.freeDiff.delete(site);
        else this.freeDiff.add(site);
      }
    }
  }

  /**
   * Would a fresh scan give the old call's spread? Only sites that moved or whose free slots
   * differ can change its answer: each entry must still beat them (nearer, or as near and first
   * in rack order, as the scan breaks ties), and an overfill must still find no free slot.
   */
  private stillHolds(old: PlaceCall, member: Uint8Array, movedMembers: number[], x: number, y: number): boolean {
    const moved = (this.replay as PlacementReplay).moved;
    const spread = old.spread;
    let dirty = movedMembers;
    if (this.freeDiff.size > 0) {
      dirty = movedMembers.slice();
      for (const m of this.freeDiff) if (member[m] && !moved.has(m)) dirty.push(m);
    }
    const matching = !(this.shortfalls.get(old.switchTypeId) as Shortfall).noMatchingRack;
    for (let e = 0; e < spread.length; e++) {
      const site = (spread[e] as [number, number])[0];
      if (moved.has(site)) return false;
      const s = this.sites[site] as Site;
      const d = Math.abs(s.x - x) + Math.abs(s.y - y);
      const over = old.overfill && e === spread.length - 1;
      if (!over && this.freeDiff.has(site)) return false;
      for (const m of dirty) {
        // Free slots of m before entry e: the call's own earlier entries took some.
        let free = this.free[m] as number;
        for (let k = 0; k < e; k++) if ((spread[k] as [number, number])[0] === m) free -= (spread[k] as [number, number])[1];
        if (over) {
          if (matching && free > 0) return false;
          if (!moved.has(m)) continue;
        } else if (free <= 0) {
          continue;
        }
        const sm = this.sites[m] as Site;
        const dm = Math.abs(sm.x - x) + Math.abs(sm.y - y);
        if (dm < d || (dm === d && m < site)) return false;
      }
    }
    return true;
  }

  /** The placement itself: nearest rack with free slots, again and again; overfill the nearest when none is left. */
  private scan(switchTypeId: string, count: number, x: number, y: number, list: number[]): { spread: Spread; overfill: boolean } {
    const short = this.shortfalls.get(switchTypeId) as Shortfall;
    const spread: Spread = [];
    let left = count;
    if (list.length === 0) {
      // No network rack at all: a virtual place at the target keeps the cable lengths honest.
      this.sites.push({ x, y, portZ: (this.sites[0]?.portZ ?? 1), rackId: null });
      short.switches += count;
      return { spread: [[this.sites.length - 1, count]], overfill: false };
    }
    const matching = !short.noMatchingRack;
    // One scan finds the nearest rack with free slots (ties: first in rack order) and the nearest
    // rack of all. Free slots change only where switches are taken, and a rack is taken until it
    // is full, so when more are left the next racks are the following ones in (distance, rack)
    // order: the candidates are sorted once instead of scanned again for each.
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
    const takeFrom = (site: number) => {
      const n = Math.min(left, this.free[site] as number);
      this.free[site] = (this.free[site] as number) - n;
      this.used[site] = (this.used[site] as number) + n;
      spread.push([site, n]);
      left -= n;
    };
    if (best !== -1) takeFrom(best);
    if (left > 0 && best !== -1) {
      const dist = new Float64Array(this.sites.length);
      const order = list.filter((i) => (this.free[i] as number) > 0);
      for (const i of order) {
        const s = this.sites[i] as Site;
        dist[i] = Math.abs(s.x - x) + Math.abs(s.y - y);
      }
      order.sort((a, b) => (dist[a] as number) - (dist[b] as number) || a - b);
      for (const i of order) {
        if (left === 0) break;
        takeFrom(i);
      }
    }
    if (left > 0) {
      // Full (or the wrong kind of rack): overfill the nearest and count the shortfall.
      short.switches += left;
      this.used[nearest] = (this.used[nearest] as number) + left;
      spread.push([nearest, left]);
      return { spread, overfill: true };
    }
    return { spread, overfill: false };
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
