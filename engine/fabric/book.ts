// Cables booked in bulk, in three steps, each a set of columns kept by segment (one link class of
// one network): the runs the networks ask for (CableRuns: class, speed, site pair, count;
// structure only), their routed lengths and picked types (SegmentRouting, patched run by run
// after a rack move), and the sums (CableBook), always added up over every run in booking order,
// so that a patched routing sums to the very same floating-point figures as a fresh one. Typed
// arrays throughout, and no copies of whole columns from edit to edit: the gigawatt hall books
// ~170,000 runs, and Maps, an object a run or megabytes of fresh arrays an edit cost tens of
// milliseconds there.
import type { CableType } from '../model/index.js';
import type { CableLine, CablePicker, LinkClassStats, TransceiverLine } from './cables.js';
import type { Router } from './routing.js';
import type { FabricBundles } from './types.js';

/** Grows a typed array to at least n entries (doubling), keeping its contents. */
function grown<T extends Uint16Array | Int32Array | Float64Array>(old: T, n: number, make: (n: number) => T): T {
  if (n <= old.length) return old;
  const next = make(Math.max(n, old.length * 2));
  next.set(old);
  return next;
}

/**
 * Cable runs the networks ask for, in booking order: class, speed, site pair and count. Columns
 * of numbers with the class interned, not an object a run: the gigawatt hall books ~170,000.
 */
export class CableRuns {
  readonly classes: string[] = [];
  private classIndex = new Map<string, number>();
  length = 0;
  cls: Uint16Array;
  gbps: Float64Array;
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;

  /** Room for `capacity` runs before the columns grow (doubling). */
  constructor(capacity = 64) {
    const n = Math.max(1, capacity);
    this.cls = new Uint16Array(n);
    this.gbps = new Float64Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.count = new Int32Array(n);
  }
  private bySite: { start: Int32Array; runs: Int32Array } | null = null;
  /** For a segment: the position of the run between two sites at a speed, or -1 (set by its maker). */
  lookup: ((a: number, b: number, gbps: number) => number) | null = null;

  /** Runs of one class and speed, the ends and counts of the first n pairs given as columns (copied). */
  static ofClass(cls: string, gbps: number, a: Int32Array, b: Int32Array, count: Int32Array, n: number): CableRuns {
    const runs = new CableRuns(n);
    if (n > 0) runs.intern(cls);
    runs.gbps.fill(gbps, 0, n);
    runs.a.set(a.subarray(0, n));
    runs.b.set(b.subarray(0, n));
    runs.count.set(count.subarray(0, n));
    runs.length = n;
    return runs;
  }

  private intern(cls: string): number {
    // Runs come a class at a time: the last one is the likely one.
    const last = this.classes.length - 1;
    if (last >= 0 && this.classes[last] === cls) return last;
    let c = this.classIndex.get(cls);
    if (c === undefined) {
      c = this.classes.length;
      this.classes.push(cls);
      this.classIndex.set(cls, c);
    }
    return c;
  }

  push(cls: string, gbps: number, a: number, b: number, count: number): void {
    const i = this.length++;
    if (i === this.cls.length) {
      const n = i + 1;
      this.cls = grown(this.cls, n, (k) => new Uint16Array(k));
      this.gbps = grown(this.gbps, n, (k) => new Float64Array(k));
      this.a = grown(this.a, n, (k) => new Int32Array(k));
      this.b = grown(this.b, n, (k) => new Int32Array(k));
      this.count = grown(this.count, n, (k) => new Int32Array(k));
    }
    this.cls[i] = this.intern(cls);
    this.gbps[i] = gbps;
    this.a[i] = a;
    this.b[i] = b;
    this.count[i] = count;
    this.bySite = null;
  }

  /** Runs ending at each of `sites` sites (either end), built once: what a moved rack re-routes. */
  runsAt(sites: number): { start: Int32Array; runs: Int32Array } {
    if (this.bySite && this.bySite.start.length === sites + 1) return this.bySite;
    const start = new Int32Array(sites + 1);
    const bump = (at: Int32Array, k: number) => { at[k] = (at[k] as number) + 1; };
    for (let i = 0; i < this.length; i++) {
      bump(start, (this.a[i] as number) + 1);
      if (this.b[i] !== this.a[i]) bump(start, (this.b[i] as number) + 1);
    }
    for (let s = 0; s < sites; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
    const fill = start.slice(0, sites);
    const runs = new Int32Array(start[sites] as number);
    for (let i = 0; i < this.length; i++) {
      const a = this.a[i] as number;
      const b = this.b[i] as number;
      runs[fill[a] as number] = i;
      bump(fill, a);
      if (b !== a) {
        runs[fill[b] as number] = i;
        bump(fill, b);
      }
    }
    this.bySite = { start, runs };
    return this.bySite;
  }
}

/**
 * Routed length and picked cable of every run of a segment: `type` indexes the catalog's cable
 * types, -1 when no cable carries the speed (the run is left out of the book); `tooLong` 1 when
 * none reaches (the longest is booked, ordered at the length rounded up, and flagged); `ordered`
 * indexes the type's orderable lengths (-1 for such a rounded length, kept in `orderedM`).
 */
export class SegmentRouting {
  lengthM: Float64Array;
  offTrays: Uint8Array;
  tooLong: Uint8Array;
  orderedM: Float64Array;
  type: Int32Array;
  ordered: Int32Array;

  /**
   * Routes every run. Given the routing of the segment an earlier placement made in its place on
   * the same router (same trays and site settings), a run between the same two sites at the same
   * speed, neither of which `moved` flags, is taken over: same length, same cable.
   */
  constructor(readonly runs: CableRuns, private router: Router, readonly picker: CablePicker, earlier: { from: SegmentRouting; moved: Uint8Array } | null = null) {
    const n = runs.length;
    this.lengthM = new Float64Array(n);
    this.offTrays = new Uint8Array(n);
    this.tooLong = new Uint8Array(n);
    this.orderedM = new Float64Array(n);
    this.type = new Int32Array(n);
    this.ordered = new Int32Array(n);
    // Routing without trays is a few additions and a bisection, cheaper than looking the run up.
    const lookup = router.usesTrays ? earlier?.from.runs.lookup ?? null : null;
    const { a, b, gbps } = runs;
    for (let i = 0; i < n; i++) {
      if (earlier && lookup) {
        const ai = a[i] as number;
        const bi = b[i] as number;
        const j = earlier.moved[ai] || earlier.moved[bi] ? -1 : lookup(ai, bi, gbps[i] as number);
        if (j >= 0) {
          this.copy(earlier.from, j, i);
          continue;
        }
      }
      this.route(i);
    }
  }

  private copy(src: SegmentRouting, from: number, to: number): void {
    this.lengthM[to] = src.lengthM[from] as number;
    this.offTrays[to] = src.offTrays[from] as number;
    this.tooLong[to] = src.tooLong[from] as number;
    this.orderedM[to] = src.orderedM[from] as number;
    this.type[to] = src.type[from] as number;
    this.ordered[to] = src.ordered[from] as number;
  }

  /** Routes and types run i again (its sites moved, or the router changed). */
  route(i: number): void {
    const before = this.router.disconnected;
    const lengthM = this.router.lengthM(this.runs.a[i] as number, this.runs.b[i] as number);
    this.lengthM[i] = lengthM;
    this.offTrays[i] = this.router.disconnected > before ? 1 : 0;
    const gbps = this.runs.gbps[i] as number;
    const picker = this.picker;
    const type = picker.choose(gbps, lengthM);
    if (type !== -1) {
      this.type[i] = type;
      this.orderedM[i] = picker.chosenOrderedM;
      this.ordered[i] = picker.chosenOrdered;
      this.tooLong[i] = 0;
    } else {
      this.type[i] = picker.longestIndex(gbps);
      this.orderedM[i] = Math.ceil(lengthM);
      this.ordered[i] = -1;
      this.tooLong[i] = 1;
    }
  }

  /** Re-routes, in place, the runs at the given sites of a newer document (same router); false when none was there. */
  rerouteSites(sites: Iterable<number>, siteCount: number, router: Router): boolean {
    this.router = router;
    const { start, runs } = this.runs.runsAt(siteCount);
    let any = false;
    for (const s of sites) {
      if (s >= siteCount) continue;
      for (let k = start[s] as number; k < (start[s + 1] as number); k++) {
        this.route(runs[k] as number);
        any = true;
      }
    }
    return any;
  }
}

/** Every segment's routing, in booking order. */
export class CableRouting {
  constructor(readonly segments: readonly SegmentRouting[], readonly picker: CablePicker) {}

  /** A fresh routing of every run. */
  static of(runs: readonly CableRuns[], router: Router, picker: CablePicker): CableRouting {
    return new CableRouting(runs.map((r) => new SegmentRouting(r, router, picker)), picker);
  }

  /** Pairs measured over the default path because the trays do not join them. */
  get disconnected(): number {
    let n = 0;
    for (const s of this.segments) for (let i = 0; i < s.runs.length; i++) n += s.offTrays[i] as number;
    return n;
  }
}

/** The sums of a routing, in booking order: cable lines, link classes, the cables no type reaches. */
export class CableBook {
  private lines: CableLine[] = [];
  readonly classes = new Map<string, LinkClassStats>();
  /** Site pairs no cable reaches, with how many cables. */
  readonly tooLong: { a: number; b: number; lengthM: number; count: number }[] = [];
  readonly noCableSpeeds = new Set<number>();
  /** The booked runs by site (runs of a speed no cable carries left out), trimmed columns. */
  readonly bundles: FabricBundles;

  /** The segments summed, and whether every run was booked (none of a speed no cable carries). */
  private runs: readonly CableRuns[];
  private all: boolean;

  /**
   * Sums a routing. Given the book of an earlier routing of the very same runs, every one booked
   * in both, the columns that do not depend on routing (class, speed, ends, count) are shared
   * with its bundles instead of copied again: results are immutable.
   */
  constructor(routing: CableRouting, earlier: CableBook | null = null) {
    const types = routing.picker.catalog.cableTypes;
    const segments = routing.segments;
    let n = 0;
    let kept = 0;
    for (const seg of segments) {
      n += seg.runs.length;
      for (let i = 0; i < seg.runs.length; i++) if ((seg.type[i] as number) >= 0) kept++;
    }
    this.runs = segments.map((s) => s.runs);
    this.all = kept === n;
    const share = earlier !== null && earlier.all && this.all && earlier.runs.length === this.runs.length && earlier.runs.every((r, i) => r === this.runs[i]);
    const out: FabricBundles = share ? {
      ...earlier.bundles, classes: [], cableTypeIds: [], cableType: new Uint16Array(kept), lengthM: new Float64Array(kept),
    } : {
      length: kept, classes: [], cableTypeIds: [], rackIds: [],
      cls: new Uint16Array(kept), gbps: new Float64Array(kept), a: new Int32Array(kept), b: new Int32Array(kept),
      count: new Int32Array(kept), cableType: new Uint16Array(kept), lengthM: new Float64Array(kept),
    };
    // Sums per cable type and per class, each added to in booking order.
    const T = types.length;
    const firstSeen: number[] = [];
    const lineCount = new Float64Array(T);
    const lineRouted = new Float64Array(T);
    const lineOrdered = new Float64Array(T);
    const histStart = new Int32Array(T + 1);
    types.forEach((c, t) => { histStart[t + 1] = (histStart[t] as number) + c.orderableLengthsM.length; });
    const hist = new Float64Array(histStart[T] as number);
    const rounded = new Map<number, Map<number, number>>();
    const outType = new Int32Array(T).fill(-1);
    // Classes by name across segments, numbered as the bundles first show them.
    const classIndex = new Map<string, number>();
    const classCount: number[] = [];
    const classRouted: number[] = [];
    const classMax: number[] = [];
    const classDelay: number[] = [];
    let k = 0;
    for (const seg of segments) {
      const { runs, type, lengthM, orderedM, ordered, tooLong } = seg;
      const { cls: runCls, gbps: runGbps, a: runA, b: runB, count: runCount } = runs;
      const local = new Int32Array(runs.classes.length).fill(-1);
      for (let i = 0; i < runs.length; i++) {
        const t = type[i] as number;
        const gbps = runGbps[i] as number;
        if (t < 0) {
          this.noCableSpeeds.add(gbps);
          continue;
        }
        const c = types[t] as CableType;
        const count = runCount[i] as number;
        const len = lengthM[i] as number;
        if (tooLong[i]) this.tooLong.push({ a: runA[i] as number, b: runB[i] as number, lengthM: len, count });
        const lc = runCls[i] as number;
        let cls = local[lc] as number;
        if (cls === -1) {
          const name = runs.classes[lc] as string;
          let g = classIndex.get(name);
          if (g === undefined) {
            g = out.classes.length;
            classIndex.set(name, g);
            out.classes.push(name);
            classCount.push(0);
            classRouted.push(0);
            classMax.push(0);
            classDelay.push(0);
          }
          local[lc] = cls = g;
        }
        if (outType[t] === -1) {
          outType[t] = out.cableTypeIds.length;
          out.cableTypeIds.push(c.id);
          firstSeen.push(t);
        }
        if (!share) {
          out.cls[k] = cls;
          out.gbps[k] = gbps;
          out.a[k] = runA[i] as number;
          out.b[k] = runB[i] as number;
          out.count[k] = count;
        }
        out.cableType[k] = outType[t] as number;
        out.lengthM[k] = len;
        k++;
        lineCount[t] = (lineCount[t] as number) + count;
        lineRouted[t] = (lineRouted[t] as number) + len * count;
        lineOrdered[t] = (lineOrdered[t] as number) + (orderedM[i] as number) * count;
        const o = ordered[i] as number;
        if (o >= 0) {
          const h = (histStart[t] as number) + o;
          hist[h] = (hist[h] as number) + count;
        } else {
          let m = rounded.get(t);
          if (!m) rounded.set(t, (m = new Map()));
          m.set(orderedM[i] as number, (m.get(orderedM[i] as number) ?? 0) + count);
        }
        classCount[cls] = (classCount[cls] as number) + count;
        classRouted[cls] = (classRouted[cls] as number) + len * count;
        classMax[cls] = Math.max(classMax[cls] as number, len);
        classDelay[cls] = (classDelay[cls] as number) + len * c.delayNsPerM * count;
      }
    }
    out.classes.forEach((name, g) => {
      this.classes.set(name, { count: classCount[g] as number, routedM: classRouted[g] as number, maxM: classMax[g] as number, delayNs: classDelay[g] as number });
    });
    this.bundles = out;
    for (const t of firstSeen) {
      const c = types[t] as CableType;
      // By orderable length (a length listed twice, or also reached by rounding, is one entry).
      const byLength = new Map<number, number>(rounded.get(t));
      c.orderableLengthsM.forEach((l, o) => {
        const h = hist[(histStart[t] as number) + o] as number;
        if (h > 0) byLength.set(l, (byLength.get(l) ?? 0) + h);
      });
      this.lines.push({
        cableTypeId: c.id, kind: c.kind, gbps: c.gbps, count: lineCount[t] as number, routedM: lineRouted[t] as number, orderedM: lineOrdered[t] as number,
        histogram: [...byLength.entries()].sort((a, b) => a[0] - b[0]).map(([lengthM, count]) => ({ lengthM, count })), transceiverId: c.transceiverId,
      });
    }
    this.lines.sort((a, b) => a.cableTypeId.localeCompare(b.cableTypeId));
  }

  cables(): CableLine[] {
    return this.lines.map((l) => ({ ...l, histogram: l.histogram.map((h) => ({ ...h })) }));
  }

  /** Two optics per fibre cable, one at each end. */
  transceivers(): TransceiverLine[] {
    const out = new Map<string, number>();
    for (const line of this.lines) {
      if (line.transceiverId !== null) out.set(line.transceiverId, (out.get(line.transceiverId) ?? 0) + 2 * line.count);
    }
    return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([transceiverId, count]) => ({ transceiverId, count }));
  }
}
