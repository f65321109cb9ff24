// The equipment nearest a rack, for the inspector's feed and CDU pickers. A gigawatt hall has
// thousands of busways and CDUs; sorting them all by distance on every render of the inspector
// took ~8 ms an edit. The candidates of a picker (a side's busways, the CDUs) are gathered once per
// power or cooling array, which a rack edit leaves as it is, and held in a grid searched ring by
// ring outward from the rack until no cell further out can hold anything nearer.
import type { ProjectDocument } from '../../engine/model/index';

export interface Sited { id: string; name: string; position: { x: number; y: number } }
export interface Near<T> { o: T; d: number }

/** Items a cell holds on average: few enough to look at, enough that rings stay few. */
const PER_CELL = 8;
/** Below this many items a sort of all of them is as quick and needs no grid. */
const SORT_BELOW = 64;

/**
 * Items by grid cell. `nearest` answers as a stable sort by distance would: nearest first, and
 * between equal distances the item first in the list.
 */
export class NearestIndex<T extends Sited> {
  private readonly cells = new Map<number, number[]>();
  private readonly cell: number;
  private readonly minI: number;
  private readonly minJ: number;
  private readonly maxI: number;
  private readonly maxJ: number;

  constructor(private readonly items: readonly T[]) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const o of items) {
      x0 = Math.min(x0, o.position.x); y0 = Math.min(y0, o.position.y);
      x1 = Math.max(x1, o.position.x); y1 = Math.max(y1, o.position.y);
    }
    const area = items.length === 0 ? 1 : Math.max((x1 - x0) * (y1 - y0), 1);
    this.cell = Math.max(0.5, Math.sqrt((area * PER_CELL) / Math.max(items.length, 1)));
    items.forEach((o, k) => {
      const key = this.key(this.index(o.position.x), this.index(o.position.y));
      const list = this.cells.get(key);
      if (list === undefined) this.cells.set(key, [k]); else list.push(k);
    });
    this.minI = this.index(x0); this.maxI = this.index(x1);
    this.minJ = this.index(y0); this.maxJ = this.index(y1);
  }

  private byId: Map<string, T> | null = null;

  /** The first item with this id, if any (a picker shows the current choice even when far). */
  find(id: string): T | undefined {
    if (this.byId === null) {
      this.byId = new Map();
      for (const o of this.items) if (!this.byId.has(o.id)) this.byId.set(o.id, o);
    }
    return this.byId.get(id);
  }

  private index(v: number): number { return Math.floor(v / this.cell); }
  private key(i: number, j: number): number { return i * 1e6 + j; }

  /** The `k` items nearest `at`, nearest first. */
  nearest(at: { x: number; y: number }, k: number): Near<T>[] {
    const dist = (o: T) => Math.hypot(o.position.x - at.x, o.position.y - at.y);
    const byDistance = (a: { k: number; d: number }, b: { k: number; d: number }) => a.d - b.d || a.k - b.k;
    if (this.items.length < SORT_BELOW) {
      return this.items.map((o, i) => ({ k: i, d: dist(o) })).sort(byDistance).slice(0, k).map(({ k: i, d }) => ({ o: this.items[i]!, d }));
    }
    const ci = this.index(at.x), cj = this.index(at.y);
    const found: { k: number; d: number }[] = [];
    const visit = (i: number, j: number) => { for (const n of this.cells.get(this.key(i, j)) ?? []) found.push({ k: n, d: dist(this.items[n]!) }); };
    for (let r = 0; ; r++) {
      if (r === 0) visit(ci, cj);
      else {
        for (let i = ci - r; i <= ci + r; i++) { visit(i, cj - r); visit(i, cj + r); }
        for (let j = cj - r + 1; j <= cj + r - 1; j++) { visit(ci - r, j); visit(ci + r, j); }
      }
      const covered = ci - r <= this.minI && ci + r >= this.maxI && cj - r <= this.minJ && cj + r >= this.maxJ;
      if (found.length >= k || covered) {
        found.sort(byDistance);
        // Anything outside the square of rings searched is at least r cells away: strictly
        // further than the k-th found, it cannot come before it, not even on a tie.
        const kth = found[Math.min(k, found.length) - 1]?.d ?? Infinity;
        if (covered || kth < this.distanceOutside(at, ci, cj, r)) break;
      }
    }
    return found.slice(0, k).map(({ k: i, d }) => ({ o: this.items[i]!, d }));
  }

  /** The least distance from `at` to a point outside the cells within `r` rings of its own. */
  private distanceOutside(at: { x: number; y: number }, ci: number, cj: number, r: number): number {
    const c = this.cell;
    return Math.min(at.x - (ci - r) * c, (ci + r + 1) * c - at.x, at.y - (cj - r) * c, (cj + r + 1) * c - at.y);
  }
}

export interface PickerLists {
  /** Busways and PDUs a rack's A feed may hang on (not side B), and its B feed (not side A). */
  feedA: NearestIndex<ProjectDocument['power'][number]>;
  feedB: NearestIndex<ProjectDocument['power'][number]>;
  cdus: NearestIndex<ProjectDocument['cooling'][number]>;
}

const feedsOf = new WeakMap<ProjectDocument['power'], { catalog: ProjectDocument['catalog']; a: PickerLists['feedA']; b: PickerLists['feedB'] }>();
const cdusOf = new WeakMap<ProjectDocument['cooling'], { catalog: ProjectDocument['catalog']; cdus: PickerLists['cdus'] }>();

/** The pickers' candidates of a document, indexed once per power array and cooling array (and catalog). */
export function pickerLists(doc: ProjectDocument): PickerLists {
  let feeds = feedsOf.get(doc.power);
  if (feeds === undefined || feeds.catalog !== doc.catalog) {
    const feedTypes = new Set(doc.catalog.powerTypes.filter((t) => t.kind === 'busway' || t.kind === 'pdu').map((t) => t.id as string));
    const busways = doc.power.filter((p) => feedTypes.has(p.typeId));
    feeds = { catalog: doc.catalog, a: new NearestIndex(busways.filter((p) => p.side !== 'B')), b: new NearestIndex(busways.filter((p) => p.side !== 'A')) };
    feedsOf.set(doc.power, feeds);
  }
  let cdus = cdusOf.get(doc.cooling);
  if (cdus === undefined || cdus.catalog !== doc.catalog) {
    const cduTypes = new Set(doc.catalog.coolingTypes.filter((t) => t.kind === 'cdu').map((t) => t.id as string));
    cdus = { catalog: doc.catalog, cdus: new NearestIndex(doc.cooling.filter((u) => cduTypes.has(u.typeId))) };
    cdusOf.set(doc.cooling, cdus);
  }
  return { feedA: feeds.a, feedB: feeds.b, cdus: cdus.cdus };
}
