// Cable type by length: of the catalog cables of the link's speed whose reach covers the routed
// length, the cheapest once rounded up to an orderable length (assembly price + price per metre
// + two transceivers for fibre). With the shipped prices that is passive DAC to 2 m, active
// copper to 5 m, then fibre with optics or AOC (NVIDIA LinkX reaches, DOMAIN.md).
// Cables are booked in bulk (book.ts): one routed representative per (class, site pair) times its count.
import type { CableType, Catalog, Transceiver } from '../model/index.js';

export interface CablePick { type: CableType; orderedM: number }

export class CablePicker {
  private bySpeed = new Map<number, CableType[]>();
  private xcvr = new Map<string, Transceiver>();

  /** Position of each cable type in the catalog: the book keeps types as numbers. */
  readonly index = new Map<CableType, number>();

  constructor(readonly catalog: Catalog) {
    for (const t of catalog.transceivers) this.xcvr.set(t.id, t);
    catalog.cableTypes.forEach((c, i) => this.index.set(c, i));
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
