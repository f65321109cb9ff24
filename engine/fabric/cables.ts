// Cable type by length: of the catalog cables of the link's speed whose reach covers the routed
// length, the cheapest once rounded up to an orderable length (assembly price + price per metre
// + two transceivers for fibre). With the shipped prices that is passive DAC to 2 m, active
// copper to 5 m, then fibre with optics or AOC (NVIDIA LinkX reaches, DOMAIN.md).
// Cables are booked in bulk (book.ts): one routed representative per (class, site pair) times its count.
import type { CableType, Catalog, Transceiver } from '../model/index.js';

export interface CablePick { type: CableType; orderedM: number }

export class CablePicker {
  private bySpeed = new Map<number, { type: number; optics: number }[]>();
  private xcvr = new Map<string, Transceiver>();
  private lastGbps = Number.NaN;
  private lastList: { type: number; optics: number }[] = [];
  /** Set by choose(): the orderable length picked and its position in the type's list (-1 when none). */
  chosenOrderedM = 0;
  chosenOrdered = -1;

  /** Position of each cable type in the catalog: the book keeps types as numbers. */
  readonly index = new Map<CableType, number>();

  constructor(readonly catalog: Catalog) {
    for (const t of catalog.transceivers) this.xcvr.set(t.id, t);
    catalog.cableTypes.forEach((c, i) => this.index.set(c, i));
  }

  /** Cables that carry `gbps` (the exact speed if the catalog has it, else the next faster), by catalog position, with their optics. */
  private candidates(gbps: number): { type: number; optics: number }[] {
    if (gbps === this.lastGbps) return this.lastList;
    let list = this.bySpeed.get(gbps);
    if (!list) {
      const types = this.catalog.cableTypes;
      const faster = types.filter((c) => c.gbps >= gbps);
      const speed = Math.min(...faster.map((c) => c.gbps));
      list = faster.filter((c) => c.gbps === speed).map((c) => ({ type: types.indexOf(c), optics: this.opticsOf(c) }));
      this.bySpeed.set(gbps, list);
    }
    this.lastGbps = gbps;
    this.lastList = list;
    return list;
  }

  private opticsOf(c: CableType): number {
    return c.transceiverId === null ? 0 : 2 * (this.xcvr.get(c.transceiverId)?.unitPrice ?? 0);
  }

  costOf(c: CableType, orderedM: number): number {
    return c.unitPrice + c.pricePerM * orderedM + this.opticsOf(c);
  }

  /**
   * The cheapest cable for a routed length, as its catalog position, or -1 when no cable of the
   * speed reaches; the orderable length is left in chosenOrderedM (and its position in chosenOrdered).
   */
  choose(gbps: number, lengthM: number): number {
    const t = lengthM - 1e-9;
    // Runs come a segment, so a speed, at a time: the last table is the likely one.
    const table = gbps === this.tableGbps && this.table ? this.table : this.tables.get(gbps) ?? this.tableFor(gbps);
    this.tableGbps = gbps;
    this.table = table;
    if (t !== t) return this.chooseAt(gbps, t); // NaN: compares false everywhere, as the scan does
    // Index of the first threshold not below t: how many thresholds lie below it.
    let lo = 0;
    let hi = table.thresholds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((table.thresholds[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    const type = table.type[lo] as number;
    this.chosenOrderedM = table.orderedM[lo] as number;
    this.chosenOrdered = table.ordered[lo] as number;
    return type;
  }

  /**
   * The choice as a function of t = length - 1e-9 depends only on which reaches and orderable
   * lengths lie below t (the scan compares reach < t and length >= t), so it is tabulated once
   * per speed over the sorted thresholds and found by bisection: the same answer as the scan.
   */
  private tables = new Map<number, { thresholds: Float64Array; type: Int32Array; orderedM: Float64Array; ordered: Int32Array }>();
  private tableGbps = Number.NaN;
  private table: { thresholds: Float64Array; type: Int32Array; orderedM: Float64Array; ordered: Int32Array } | null = null;

  private tableFor(gbps: number): { thresholds: Float64Array; type: Int32Array; orderedM: Float64Array; ordered: Int32Array } {
    const types = this.catalog.cableTypes;
    const values = new Set<number>();
    for (const { type } of this.candidates(gbps)) {
      const c = types[type] as CableType;
      values.add(c.maxReachM);
      for (const l of c.orderableLengthsM) values.add(l);
    }
    const thresholds = Float64Array.from([...values].sort((a, b) => a - b));
    const m = thresholds.length;
    const table = { thresholds, type: new Int32Array(m + 1), orderedM: new Float64Array(m + 1), ordered: new Int32Array(m + 1) };
    for (let j = 0; j <= m; j++) {
      // Any t with exactly j thresholds below it stands for all: the j-th threshold itself, or beyond the last.
      const type = this.chooseAt(gbps, j < m ? thresholds[j] as number : Infinity);
      table.type[j] = type;
      table.orderedM[j] = type === -1 ? 0 : this.chosenOrderedM;
      table.ordered[j] = type === -1 ? -1 : this.chosenOrdered;
    }
    this.tables.set(gbps, table);
    return table;
  }

  /** The scan itself, at t = length - 1e-9: of the cables that reach, the cheapest at its orderable length. */
  private chooseAt(gbps: number, t: number): number {
    let best = -1;
    let bestCost = Infinity;
    const types = this.catalog.cableTypes;
    for (const { type, optics } of this.candidates(gbps)) {
      const c = types[type] as CableType;
      if (c.maxReachM < t) continue;
      const lengths = c.orderableLengthsM;
      let o = 0;
      while (o < lengths.length && !((lengths[o] as number) >= t)) o++;
      if (o === lengths.length) continue;
      const ordered = lengths[o] as number;
      const cost = c.unitPrice + c.pricePerM * ordered + optics;
      if (cost < bestCost) {
        bestCost = cost;
        best = type;
        this.chosenOrderedM = ordered;
        this.chosenOrdered = o;
      }
    }
    return best;
  }

  /** The cheapest cable for a routed length, or null when no cable of the speed reaches. */
  pick(gbps: number, lengthM: number): CablePick | null {
    const t = this.choose(gbps, lengthM);
    return t === -1 ? null : { type: this.catalog.cableTypes[t] as CableType, orderedM: this.chosenOrderedM };
  }

  /** The longest-reaching cable of the speed, by catalog position (used, and flagged, when nothing reaches); -1 when none carries it. */
  longestIndex(gbps: number): number {
    const types = this.catalog.cableTypes;
    let best = -1;
    for (const { type } of this.candidates(gbps)) {
      if (best === -1 || (types[type] as CableType).maxReachM > (types[best] as CableType).maxReachM) best = type;
    }
    return best;
  }

  /** The longest-reaching cable of the speed (used, and flagged, when nothing reaches). */
  longest(gbps: number): CableType | null {
    const i = this.longestIndex(gbps);
    return i === -1 ? null : this.catalog.cableTypes[i] as CableType;
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
