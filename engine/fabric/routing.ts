// Cable length between two racks: along the drawn trays when there are any (the trays are a
// graph of polyline vertices and crossings; a cable leaves its rack straight to the nearest
// point of a tray, follows the shortest path, and leaves at the tray point nearest the other
// rack), else over a default overhead path at site.overheadPathHeightM with Manhattan routing
// (runs follow rows and aisles, so |dx| + |dy|). Both ends add the vertical drop from the
// path down to the port, and every cable gets site.cableSlackM for dressing and service loops.
import type { ProjectDocument } from '../model/index.js';
import type { Site } from './placement.js';

/** Two tray segments closer than this meet (a T-junction drawn by hand rarely hits exactly). */
const JOIN_TOLERANCE_M = 0.3;

interface Entry { node0: number; node1: number; d0: number; d1: number; px: number; py: number; edge: number; elev: number; off: number }

export class Router {
  readonly usesTrays: boolean;
  private nx: number[] = [];
  private ny: number[] = [];
  private nz: number[] = [];
  private adj: { to: number; w: number }[][] = [];
  /** Sub-edges of the tray graph: node a, node b. */
  private edges: [number, number][] = [];
  private dist = new Map<number, Float64Array>();
  private entries = new Map<number, Entry>();
  /** Pairs routed over the default path because the trays do not join them. */
  disconnected = 0;

  constructor(doc: ProjectDocument, private sites: Site[]) {
    this.slack = doc.catalog.site.cableSlackM;
    this.pathZ = doc.catalog.site.overheadPathHeightM;
    this.usesTrays = doc.trays.length > 0;
    if (this.usesTrays) this.buildGraph(doc);
  }
  private slack: number;
  private pathZ: number;

  /** The same trays and site settings, sites of a newer document: forgets where moved sites joined the trays. */
  resite(sites: Site[], moved: Iterable<number>): void {
    this.sites = sites;
    for (const s of moved) this.entries.delete(s);
  }

  /** Routed length between two sites (metres), drops and slack included. */
  lengthM(a: number, b: number): number {
    const sa = this.sites[a] as Site;
    const sb = this.sites[b] as Site;
    if (a === b) return Math.abs(sa.portZ - sb.portZ) + this.slack;
    if (this.usesTrays) {
      const viaTrays = this.trayLength(a, b);
      if (Number.isFinite(viaTrays)) return viaTrays + this.slack;
      this.disconnected += 1;
    }
    const drops = Math.max(0, this.pathZ - sa.portZ) + Math.max(0, this.pathZ - sb.portZ);
    return Math.abs(sa.x - sb.x) + Math.abs(sa.y - sb.y) + drops + this.slack;
  }

  private node(x: number, y: number, z: number): number {
    this.nx.push(x);
    this.ny.push(y);
    this.nz.push(z);
    this.adj.push([]);
    return this.nx.length - 1;
  }

  private link(a: number, b: number): void {
    const w = Math.hypot((this.nx[a] as number) - (this.nx[b] as number), (this.ny[a] as number) - (this.ny[b] as number)) +
      Math.abs((this.nz[a] as number) - (this.nz[b] as number));
    (this.adj[a] as { to: number; w: number }[]).push({ to: b, w });
    (this.adj[b] as { to: number; w: number }[]).push({ to: a, w });
  }

  private buildGraph(doc: ProjectDocument): void {
    interface Seg { ax: number; ay: number; bx: number; by: number; z: number; tray: number; cuts: { t: number; node: number }[] }
    const segs: Seg[] = [];
    doc.trays.forEach((tray, ti) => {
      for (let i = 0; i + 1 < tray.points.length; i++) {
        const p = tray.points[i] as { x: number; y: number };
        const q = tray.points[i + 1] as { x: number; y: number };
        segs.push({ ax: p.x, ay: p.y, bx: q.x, by: q.y, z: tray.elevationM, tray: ti, cuts: [] });
      }
    });
    // Vertices of a tray are shared between its consecutive segments.
    let prev: Seg | null = null;
    for (const s of segs) {
      const start: number = prev && prev.tray === s.tray ? (prev.cuts[prev.cuts.length - 1] as { node: number }).node : this.node(s.ax, s.ay, s.z);
      s.cuts.push({ t: 0, node: start });
      s.cuts.push({ t: 1, node: this.node(s.bx, s.by, s.z) });
      prev = s;
    }
    // Junctions between different trays: crossings, and ends that touch another tray.
    for (let i = 0; i < segs.length; i++) {
      for (let j = i + 1; j < segs.length; j++) {
        const s = segs[i] as Seg;
        const u = segs[j] as Seg;
        if (s.tray === u.tray) continue;
        const hit = closestParams(s, u);
        if (hit.d > JOIN_TOLERANCE_M) continue;
        const ns = this.cutAt(s, hit.t);
        const nu = this.cutAt(u, hit.u);
        if (ns !== nu) this.link(ns, nu);
      }
    }
    for (const s of segs) {
      s.cuts.sort((a, b) => a.t - b.t);
      for (let k = 0; k + 1 < s.cuts.length; k++) {
        const a = (s.cuts[k] as { node: number }).node;
        const b = (s.cuts[k + 1] as { node: number }).node;
        if (a !== b) {
          this.link(a, b);
          this.edges.push([a, b]);
        }
      }
    }
  }

  private cutAt(s: { ax: number; ay: number; bx: number; by: number; z: number; cuts: { t: number; node: number }[] }, t: number): number {
    for (const c of s.cuts) {
      const len = Math.hypot(s.bx - s.ax, s.by - s.ay);
      if (Math.abs(c.t - t) * len < 1e-6) return c.node;
    }
    const node = this.node(s.ax + t * (s.bx - s.ax), s.ay + t * (s.by - s.ay), s.z);
    s.cuts.push({ t, node });
    return node;
  }

  /** Sub-edges as flat columns (start x, y, direction x, y, squared length), made on first use. */
  private edgeCols: Float64Array | null = null;

  private columns(): Float64Array {
    if (this.edgeCols !== null) return this.edgeCols;
    const cols = new Float64Array(5 * this.edges.length);
    this.edges.forEach(([a, b], e) => {
      const ax = this.nx[a] as number, ay = this.ny[a] as number, dx = (this.nx[b] as number) - ax, dy = (this.ny[b] as number) - ay;
      cols.set([ax, ay, dx, dy, dx * dx + dy * dy], 5 * e);
    });
    return (this.edgeCols = cols);
  }

  /**
   * Where a site joins the trays: the nearest point of any tray sub-edge. Every site scans every
   * sub-edge (20,000 links over 30 crossing trays: ~9,000 sites x ~430 sub-edges), so the scan
   * compares squared distances and takes the exact distance only for an edge that can still win:
   * one clearly farther (by more than rounding) cannot, so the choice is the one the exact
   * comparison of every edge makes.
   */
  private entry(site: number): Entry {
    const known = this.entries.get(site);
    if (known) return known;
    const s = this.sites[site] as Site;
    const cols = this.columns();
    let bestEdge = -1, bestT = 0, bestOff = Infinity, bestD2 = Infinity;
    for (let e = 0, n = this.edges.length; e < n; e++) {
      const q = 5 * e;
      const ax = cols[q]!, ay = cols[q + 1]!, dx = cols[q + 2]!, dy = cols[q + 3]!, l2 = cols[q + 4]!;
      const t = l2 > 0 ? Math.min(1, Math.max(0, ((s.x - ax) * dx + (s.y - ay) * dy) / l2)) : 0;
      const ex = s.x - (ax + t * dx), ey = s.y - (ay + t * dy);
      const d2 = ex * ex + ey * ey;
      if (d2 > bestD2 * (1 + 1e-9)) continue;
      const off = Math.hypot(ex, ey);
      if (off < bestOff) { bestOff = off; bestD2 = Math.min(bestD2, d2); bestEdge = e; bestT = t; }
    }
    let best: Entry = { node0: 0, node1: 0, d0: 0, d1: 0, px: 0, py: 0, edge: -1, elev: 0, off: Infinity };
    if (bestEdge >= 0) {
      const [a, b] = this.edges[bestEdge]!;
      const q = 5 * bestEdge, len = Math.sqrt(cols[q + 4]!);
      best = { node0: a, node1: b, d0: bestT * len, d1: (1 - bestT) * len, px: cols[q]! + bestT * cols[q + 2]!, py: cols[q + 1]! + bestT * cols[q + 3]!, edge: bestEdge, elev: this.nz[a] as number, off: bestOff };
    }
    this.entries.set(site, best);
    return best;
  }

  private distances(from: number): Float64Array {
    const known = this.dist.get(from);
    if (known) return known;
    // Dijkstra on a binary heap ordered by (distance, node): nodes leave in the order a linear scan
    // for the nearest (lowest index first on ties) would take them, so the sums are the same.
    const n = this.nx.length;
    const d = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    const heap = new MinHeap();
    d[from] = 0;
    heap.push(0, from);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      const best = d[u] as number;
      for (const { to, w } of this.adj[u] as { to: number; w: number }[]) {
        if (best + w < (d[to] as number)) { d[to] = best + w; heap.push(best + w, to); }
      }
    }
    this.dist.set(from, d);
    return d;
  }

  private trayLength(a: number, b: number): number {
    const ea = this.entry(a);
    const eb = this.entry(b);
    if (ea.edge === -1 || eb.edge === -1) return Infinity;
    let along: number;
    if (ea.edge === eb.edge) {
      along = Math.hypot(ea.px - eb.px, ea.py - eb.py);
    } else {
      const d0 = this.distances(ea.node0);
      const d1 = this.distances(ea.node1);
      along = Math.min(
        ea.d0 + Math.min((d0[eb.node0] as number) + eb.d0, (d0[eb.node1] as number) + eb.d1),
        ea.d1 + Math.min((d1[eb.node0] as number) + eb.d0, (d1[eb.node1] as number) + eb.d1),
      );
    }
    const sa = this.sites[a] as Site;
    const sb = this.sites[b] as Site;
    const drops = Math.max(0, ea.elev - sa.portZ) + Math.max(0, eb.elev - sb.portZ);
    return ea.off + along + eb.off + drops;
  }
}

/** A binary min-heap of (key, node), ties to the lower node; a node may be in it more than once (the caller skips the stale). */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size(): number { return this.keys.length; }
  private less(i: number, j: number): boolean {
    const a = this.keys[i]!, b = this.keys[j]!;
    return a < b || (a === b && this.nodes[i]! < this.nodes[j]!);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.nodes[i], this.nodes[j]] = [this.nodes[j]!, this.nodes[i]!];
  }
  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    for (let i = this.keys.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys.pop()!, lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Closest points of two segments (parameters t on s, u on v) and their distance. */
function closestParams(
  s: { ax: number; ay: number; bx: number; by: number },
  v: { ax: number; ay: number; bx: number; by: number },
): { t: number; u: number; d: number } {
  const dx = s.bx - s.ax, dy = s.by - s.ay, ex = v.bx - v.ax, ey = v.by - v.ay;
  const den = dx * ey - dy * ex;
  if (Math.abs(den) > 1e-12) {
    const t = ((v.ax - s.ax) * ey - (v.ay - s.ay) * ex) / den;
    const u = ((v.ax - s.ax) * dy - (v.ay - s.ay) * dx) / den;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return { t, u, d: 0 };
  }
  // No crossing: the nearest approach is at an end of one of them.
  const proj = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = l2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / l2)) : 0;
    return { t, d: Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))) };
  };
  const c = [
    { ...proj(v.ax, v.ay, s.ax, s.ay, s.bx, s.by), u: 0 },
    { ...proj(v.bx, v.by, s.ax, s.ay, s.bx, s.by), u: 1 },
  ].map((r) => ({ t: r.t, u: r.u, d: r.d }));
  const a = proj(s.ax, s.ay, v.ax, v.ay, v.bx, v.by);
  const b = proj(s.bx, s.by, v.ax, v.ay, v.bx, v.by);
  c.push({ t: 0, u: a.t, d: a.d }, { t: 1, u: b.t, d: b.d });
  return c.reduce((m, r) => (r.d < m.d ? r : m));
}
