// Cable type by length: of the catalog cables of the link's speed whose reach covers the routed
// length, the cheapest once rounded up to an orderable length (assembly price + price per metre
// + two transceivers for fibre). With the shipped prices that is passive DAC to 2 m, active
// copper to 5 m, then fibre with optics or AOC (NVIDIA LinkX reaches, DOMAIN.md).
// Cables are booked in bulk: one routed representative per (class, site pair) times its count.
import type { CableType, Catalog, Transceiver } from '../model/index.js';

export interface CablePick { type: CableType; orderedM: number }

export class CablePicker {
  private bySpeed = new Map<number, CableType[]>();
  private xcvr = new Map<string, Transceiver>();

  constructor(private catalog: Catalog) {
    for (const t of catalog.transceivers) this.xcvr.set(t.id, t);
  }

  /** Cables that carry `gbps`: the exact speed if the catalog has it, else the next faster. */
  private candidates(gbps: number): CableType[] {
    const known = this.bySpeed.get(gbps);
    if (known) return known;
    const faster = this.catalog.cableTypes.filter((c) => c.gbps >= gbps);
    const speed = Math.min(...faster.map((c) => c.gbps));
    const list = faster.filter((c) => c.gbps === speed);
    this.bySpeed.set(gbps, list);
    return list;
  }

  costOf(c: CableType, orderedM: number): number {
    const optics = c.transceiverId === null ? 0 : 2 * (this.xcvr.get(c.transceiverId)?.unitPrice ?? 0);
    return c.unitPrice + c.pricePerM * orderedM + optics;
  }

  /** The cheapest cable for a routed length, or null when no cable of the speed reaches. */
  pick(gbps: number, lengthM: number): CablePick | null {
    let best: CablePick | null = null;
    let bestCost = Infinity;
    for (const c of this.candidates(gbps)) {
      if (c.maxReachM < lengthM - 1e-9) continue;
      const ordered = c.orderableLengthsM.find((l) => l >= lengthM - 1e-9);
      if (ordered === undefined) continue;
      const cost = this.costOf(c, ordered);
      if (cost < bestCost) {
        bestCost = cost;
        best = { type: c, orderedM: ordered };
      }
    }
    return best;
  }

  /** The longest-reaching cable of the speed (used, and flagged, when nothing reaches). */
  longest(gbps: number): CableType | null {
    const list = this.candidates(gbps);
    return list.length === 0 ? null : list.reduce((a, b) => (b.maxReachM > a.maxReachM ? b : a));
  }
}

/** Cables of one catalog type: how many, how long, and the order list by orderable length. */
export interface CableLine {
  cableTypeId: string;
  kind: CableType['kind'];
  gbps: number;
  count: number;
  /** Sum of routed lengths (drops and slack included). */
  routedM: number;
  /** Sum of ordered lengths (routed rounded up to the catalog's orderable lengths). */
  orderedM: number;
  histogram: { lengthM: number; count: number }[];
  transceiverId: string | null;
}

export interface TransceiverLine { transceiverId: string; count: number }

/** Per link class (nic-leaf, leaf-spine, ...): count and mean propagation for latency and reports. */
export interface LinkClassStats { count: number; routedM: number; maxM: number; delayNs: number }

/**
 * Every add() as booked, column by column: auto-cable expands these into document links. Columns
 * of numbers (class and type interned), not an object per bundle: the gigawatt hall books
 * ~170,000 bundles, and objects cost ~1.6 s to structured-clone out of the worker.
 */
export class BundleColumns {
  readonly classes: string[] = [];
  readonly cableTypeIds: string[] = [];
  private classIndex = new Map<string, number>();
  private typeIndex = new Map<string, number>();
  length = 0;
  cls = new Uint16Array(64);
  gbps = new Float64Array(64);
  a = new Int32Array(64);
  b = new Int32Array(64);
  count = new Int32Array(64);
  cableType = new Uint16Array(64);
  lengthM = new Float64Array(64);

  private intern(map: Map<string, number>, list: string[], key: string): number {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(key);
      map.set(key, i);
    }
    return i;
  }

  /** Doubles every column (amortised O(1) a push; typed arrays cannot grow in place). */
  private grow(): void {
    const n = this.cls.length * 2;
    const more = <T extends Uint16Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.cls = more(this.cls, (k) => new Uint16Array(k));
    this.gbps = more(this.gbps, (k) => new Float64Array(k));
    this.a = more(this.a, (k) => new Int32Array(k));
    this.b = more(this.b, (k) => new Int32Array(k));
    this.count = more(this.count, (k) => new Int32Array(k));
    this.cableType = more(this.cableType, (k) => new Uint16Array(k));
    this.lengthM = more(this.lengthM, (k) => new Float64Array(k));
  }

  push(cls: string, gbps: number, a: number, b: number, count: number, cableTypeId: string, lengthM: number): void {
    if (this.length === this.cls.length) this.grow();
    const i = this.length++;
    this.cls[i] = this.intern(this.classIndex, this.classes, cls);
    this.cableType[i] = this.intern(this.typeIndex, this.cableTypeIds, cableTypeId);
    this.gbps[i] = gbps;
    this.a[i] = a;
    this.b[i] = b;
    this.count[i] = count;
    this.lengthM[i] = lengthM;
  }
}

export class CableBook {
  private lines = new Map<string, { line: CableLine; hist: Map<number, number> }>();
  readonly classes = new Map<string, LinkClassStats>();
  /** Site pairs no cable reaches, with how many cables. */
  readonly tooLong: { a: number; b: number; lengthM: number; count: number }[] = [];
  readonly noCableSpeeds = new Set<number>();
  readonly bundles = new BundleColumns();

  constructor(private picker: CablePicker) {}

  add(cls: string, gbps: number, lengthM: number, count: number, a: number, b: number): void {
    let pick = this.picker.pick(gbps, lengthM);
    if (pick === null) {
      const longest = this.picker.longest(gbps);
      if (longest === null) {
        this.noCableSpeeds.add(gbps);
        return;
      }
      this.tooLong.push({ a, b, lengthM, count });
      pick = { type: longest, orderedM: Math.ceil(lengthM) };
    }
    const c = pick.type;
    this.bundles.push(cls, gbps, a, b, count, c.id, lengthM);
    let entry = this.lines.get(c.id);
    if (!entry) {
      entry = {
        line: { cableTypeId: c.id, kind: c.kind, gbps: c.gbps, count: 0, routedM: 0, orderedM: 0, histogram: [], transceiverId: c.transceiverId },
        hist: new Map(),
      };
      this.lines.set(c.id, entry);
    }
    entry.line.count += count;
    entry.line.routedM += lengthM * count;
    entry.line.orderedM += pick.orderedM * count;
    entry.hist.set(pick.orderedM, (entry.hist.get(pick.orderedM) ?? 0) + count);
    let s = this.classes.get(cls);
    if (!s) {
      s = { count: 0, routedM: 0, maxM: 0, delayNs: 0 };
      this.classes.set(cls, s);
    }
    s.count += count;
    s.routedM += lengthM * count;
    s.maxM = Math.max(s.maxM, lengthM);
    s.delayNs += lengthM * c.delayNsPerM * count;
  }

  cables(): CableLine[] {
    return [...this.lines.values()]
      .map(({ line, hist }) => ({
        ...line,
        histogram: [...hist.entries()].sort((a, b) => a[0] - b[0]).map(([lengthM, count]) => ({ lengthM, count })),
      }))
      .sort((a, b) => a.cableTypeId.localeCompare(b.cableTypeId));
  }

  /** Two optics per fibre cable, one at each end. */
  transceivers(): TransceiverLine[] {
    const out = new Map<string, number>();
    for (const { line } of this.lines.values()) {
      if (line.transceiverId !== null) out.set(line.transceiverId, (out.get(line.transceiverId) ?? 0) + 2 * line.count);
    }
    return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([transceiverId, count]) => ({ transceiverId, count }));
  }
}
