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
  /** The segment's own sums (segmentSums), kept until a run is routed again. */
  sums: SegmentSums | null = null;

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
    this.sums = null;
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

/**
 * One segment's sums, each added to in booking order from zero: per cable type (count, routed
 * and ordered length, orderable-length histogram), per class, the runs no cable reaches, and the
 * booked runs' columns. The book adds the segments' sums in segment order, so a segment whose
 * runs kept their routing keeps its sums, and the totals are the same numbers either way.
 */
export interface SegmentSums {
  /** Runs booked (a cable carries their speed), and their positions when not all are. */
  kept: number;
  keptRuns: Int32Array | null;
  noCableSpeeds: number[];
  tooLong: { a: number; b: number; lengthM: number; count: number }[];
  /** Catalog cable types in order of first appearance, and per type the sums. */
  types: number[];
  lineCount: Float64Array;
  lineRouted: Float64Array;
  lineOrdered: Float64Array;
  hist: Float64Array;
  rounded: Map<number, Map<number, number>>;
  /** Classes in order of first appearance, and per class the link statistics. */
  classes: string[];
  classStats: LinkClassStats[];
}

/** Where each cable type's orderable lengths start in a histogram of all of them. */
function histStarts(types: readonly CableType[]): Int32Array {
  const start = new Int32Array(types.length + 1);
  types.forEach((c, t) => { start[t + 1] = (start[t] as number) + c.orderableLengthsM.length; });
  return start;
}

function segmentSums(seg: SegmentRouting, types: readonly CableType[], histStart: Int32Array): SegmentSums {
  const { runs, type, lengthM, orderedM, ordered, tooLong } = seg;
  const T = types.length;
  const out: SegmentSums = {
    kept: 0, keptRuns: null, noCableSpeeds: [], tooLong: [], types: [],
    lineCount: new Float64Array(T), lineRouted: new Float64Array(T), lineOrdered: new Float64Array(T),
    hist: new Float64Array(histStart[T] as number), rounded: new Map(), classes: [], classStats: [],
  };
  const seenType = new Uint8Array(T);
  const local = new Int32Array(runs.classes.length).fill(-1);
  const skipped: number[] = [];
  const { cls: runCls, gbps: runGbps, a: runA, b: runB, count: runCount } = runs;
  const { lineCount, lineRouted, lineOrdered, hist } = out;
  for (let i = 0; i < runs.length; i++) {
    const t = type[i] as number;
    if (t < 0) {
      out.noCableSpeeds.push(runGbps[i] as number);
      skipped.push(i);
      continue;
    }
    const c = types[t] as CableType;
    const count = runCount[i] as number;
    const len = lengthM[i] as number;
    if (tooLong[i]) out.tooLong.push({ a: runA[i] as number, b: runB[i] as number, lengthM: len, count });
    if (!seenType[t]) {
      seenType[t] = 1;
      out.types.push(t);
    }
    lineCount[t] = (lineCount[t] as number) + count;
    lineRouted[t] = (lineRouted[t] as number) + len * count;
    lineOrdered[t] = (lineOrdered[t] as number) + (orderedM[i] as number) * count;
    const o = ordered[i] as number;
    if (o >= 0) {
      const h = (histStart[t] as number) + o;
      hist[h] = (hist[h] as number) + count;
    } else {
      let m = out.rounded.get(t);
      if (!m) out.rounded.set(t, (m = new Map()));
      m.set(orderedM[i] as number, (m.get(orderedM[i] as number) ?? 0) + count);
    }
    const lc = runCls[i] as number;
    let k = local[lc] as number;
    if (k === -1) {
      local[lc] = k = out.classes.length;
      out.classes.push(runs.classes[lc] as string);
      out.classStats.push({ count: 0, routedM: 0, maxM: 0, delayNs: 0 });
    }
    const s = out.classStats[k] as LinkClassStats;
    s.count += count;
    s.routedM += len * count;
    s.maxM = Math.max(s.maxM, len);
    s.delayNs += len * c.delayNsPerM * count;
  }
  out.kept = runs.length - skipped.length;
  if (skipped.length > 0) {
    const keptRuns = new Int32Array(out.kept);
    let k = 0;
    let next = 0;
    for (let i = 0; i < runs.length; i++) {
      if (i === skipped[next]) next++;
      else keptRuns[k++] = i;
    }
    out.keptRuns = keptRuns;
  }
  return out;
}

/**
 * The sums of a routing: the segments' sums added in segment order (segmentSums), cable lines,
 * link classes, the cables no type reaches, and the booked runs as bundle columns.
 */
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
    const T = types.length;
    const histStart = histStarts(types);
    const segments = routing.segments;
    const sums = segments.map((seg) => (seg.sums ??= segmentSums(seg, types, histStart)));
    let n = 0;
    let kept = 0;
    segments.forEach((seg, i) => {
      n += seg.runs.length;
      kept += (sums[i] as SegmentSums).kept;
    });
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
    const lineCount = new Float64Array(T);
    const lineRouted = new Float64Array(T);
    const lineOrdered = new Float64Array(T);
    const hist = new Float64Array(histStart[T] as number);
    const rounded = new Map<number, Map<number, number>>();
    const outType = new Int32Array(T).fill(-1);
    const classIndex = new Map<string, number>();
    const classStats: LinkClassStats[] = [];
    let at = 0;
    segments.forEach((seg, si) => {
      const sum = sums[si] as SegmentSums;
      for (const gbps of sum.noCableSpeeds) this.noCableSpeeds.add(gbps);
      for (const t of sum.tooLong) this.tooLong.push(t);
      for (const t of sum.types) {
        if (outType[t] === -1) {
          outType[t] = out.cableTypeIds.length;
          out.cableTypeIds.push((types[t] as CableType).id);
        }
        lineCount[t] = (lineCount[t] as number) + (sum.lineCount[t] as number);
        lineRouted[t] = (lineRouted[t] as number) + (sum.lineRouted[t] as number);
        lineOrdered[t] = (lineOrdered[t] as number) + (sum.lineOrdered[t] as number);
        for (let h = histStart[t] as number; h < (histStart[t + 1] as number); h++) hist[h] = (hist[h] as number) + (sum.hist[h] as number);
        for (const [len, count] of sum.rounded.get(t) ?? []) {
          let m = rounded.get(t);
          if (!m) rounded.set(t, (m = new Map()));
          m.set(len, (m.get(len) ?? 0) + count);
        }
      }
      const global = sum.classes.map((name, k) => {
        let g = classIndex.get(name);
        const s = sum.classStats[k] as LinkClassStats;
        if (g === undefined) {
          g = out.classes.length;
          classIndex.set(name, g);
          out.classes.push(name);
          classStats.push({ count: 0, routedM: 0, maxM: 0, delayNs: 0 });
        }
        const total = classStats[g] as LinkClassStats;
        total.count += s.count;
        total.routedM += s.routedM;
        total.maxM = Math.max(total.maxM, s.maxM);
        total.delayNs += s.delayNs;
        return g;
      });
      // The booked runs' columns: copied whole when every run of the segment is booked.
      const { runs, type, lengthM } = seg;
      const idx = sum.keptRuns;
      const local = new Int32Array(runs.classes.length).fill(-1);
      sum.classes.forEach((name, k) => { local[runs.classes.indexOf(name)] = global[k] as number; });
      if (idx === null) {
        if (!share) {
          out.gbps.set(runs.gbps.subarray(0, runs.length), at);
          out.a.set(runs.a.subarray(0, runs.length), at);
          out.b.set(runs.b.subarray(0, runs.length), at);
          out.count.set(runs.count.subarray(0, runs.length), at);
          if (runs.classes.length === 1) out.cls.fill(local[0] as number, at, at + runs.length);
          else for (let i = 0; i < runs.length; i++) out.cls[at + i] = local[runs.cls[i] as number] as number;
        }
        out.lengthM.set(lengthM.subarray(0, runs.length), at);
        for (let i = 0; i < runs.length; i++) out.cableType[at + i] = outType[type[i] as number] as number;
        at += runs.length;
      } else {
        for (let k = 0; k < idx.length; k++) {
          const i = idx[k] as number;
          if (!share) {
            out.gbps[at] = runs.gbps[i] as number;
            out.a[at] = runs.a[i] as number;
            out.b[at] = runs.b[i] as number;
            out.count[at] = runs.count[i] as number;
            out.cls[at] = local[runs.cls[i] as number] as number;
          }
          out.lengthM[at] = lengthM[i] as number;
          out.cableType[at] = outType[type[i] as number] as number;
          at++;
        }
      }
    });
    out.classes.forEach((name, g) => this.classes.set(name, classStats[g] as LinkClassStats));
    this.bundles = out;
    const firstSeen: number[] = [];
    for (const sum of sums) for (const t of sum.types) if (!firstSeen.includes(t)) firstSeen.push(t);
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
