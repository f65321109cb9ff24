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

  /** Where a site joins the trays: the nearest point of any tray sub-edge. */
  private entry(site: number): Entry {
    const known = this.entries.get(site);
    if (known) return known;
    const s = this.sites[site] as Site;
    let best: Entry = { node0: 0, node1: 0, d0: 0, d1: 0, px: 0, py: 0, edge: -1, elev: 0, off: Infinity };
    this.edges.forEach(([a, b], e) => {
      const ax = this.nx[a] as number, ay = this.ny[a] as number, bx = this.nx[b] as number, by = this.ny[b] as number;
      const dx = bx - ax, dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 > 0 ? Math.min(1, Math.max(0, ((s.x - ax) * dx + (s.y - ay) * dy) / l2)) : 0;
      const px = ax + t * dx, py = ay + t * dy;
      const off = Math.hypot(s.x - px, s.y - py);
      if (off < best.off) {
        const len = Math.sqrt(l2);
        best = { node0: a, node1: b, d0: t * len, d1: (1 - t) * len, px, py, edge: e, elev: this.nz[a] as number, off };
      }
    });
    this.entries.set(site, best);
    return best;
  }

  private distances(from: number): Float64Array {
    const known = this.dist.get(from);
    if (known) return known;
    // Dijkstra with a linear scan: tray graphs are hundreds of nodes, and results are cached per source.
    const n = this.nx.length;
    const d = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    d[from] = 0;
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let i = 0; i < n; i++) if (!done[i] && (d[i] as number) < best) { best = d[i] as number; u = i; }
      if (u === -1) break;
      done[u] = 1;
      for (const { to, w } of this.adj[u] as { to: number; w: number }[]) {
        if (best + w < (d[to] as number)) d[to] = best + w;
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
