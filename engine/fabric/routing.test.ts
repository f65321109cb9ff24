import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import { m, pt, type ProjectDocument, type TrayId, type CatalogId } from '../model/index.js';
import { CableBook, CableRouting, CableRuns } from './book.js';
import { CablePicker } from './cables.js';
import type { Site } from './placement.js';
import { Router } from './routing.js';

// Shipped catalog: slack 1.0 m, overhead path 2.9 m; ports at half of a 2.2 m rack = 1.1 m.
const site = (x: number, y: number): Site => ({ x, y, portZ: 1.1, rackId: null });
const tray = (id: string, points: [number, number][], elevation: number): ProjectDocument['trays'][number] => ({
  id: id as TrayId, typeId: 'tray-300' as CatalogId, name: id, points: points.map(([x, y]) => pt(x, y)), elevationM: m(elevation), tags: {},
});

describe('cable routing', () => {
  it('without trays: Manhattan over the overhead path, drops at both ends, slack', () => {
    // |3| + |4| + 2 x (2.9 - 1.1) + 1.0 = 7 + 3.6 + 1 = 11.6 m
    const router = new Router(demoHall(shippedCatalog), [site(0, 0), site(3, 4)]);
    expect(router.lengthM(0, 1)).toBeCloseTo(11.6, 9);
    // Same rack: only the slack (both ports at mid-height).
    expect(router.lengthM(1, 1)).toBeCloseTo(1.0, 9);
  });

  it('through two trays that meet at a corner', () => {
    // Tray A (0,0)-(10,0), tray B (10,0)-(10,10), both at 3.0 m. Rack 1 at (2,-0.5) joins A at (2,0),
    // 0.5 m away; rack 2 at (10.5,6) joins B at (10,6). Along the trays 8 + 6 = 14 m; drops
    // 2 x (3.0 - 1.1) = 3.8 m; total 0.5 + 14 + 0.5 + 3.8 + 1.0 slack = 19.8 m.
    const doc = { ...demoHall(shippedCatalog), trays: [tray('ta', [[0, 0], [10, 0]], 3), tray('tb', [[10, 0], [10, 10]], 3)] };
    const router = new Router(doc, [site(2, -0.5), site(10.5, 6)]);
    expect(router.lengthM(0, 1)).toBeCloseTo(19.8, 9);
    expect(router.disconnected).toBe(0);
  });

  it('trays that do not meet fall back to the overhead path and say so', () => {
    const doc = { ...demoHall(shippedCatalog), trays: [tray('ta', [[0, 0], [10, 0]], 3), tray('tb', [[20, 0], [20, 10]], 3)] };
    const router = new Router(doc, [site(2, -0.5), site(20.5, 6)]);
    // 18.5 + 6.5 + 3.6 + 1 = 29.6 m
    expect(router.lengthM(0, 1)).toBeCloseTo(29.6, 9);
    expect(router.disconnected).toBe(1);
  });
});

describe('cable type by length (shipped 400G prices)', () => {
  const picker = new CablePicker(shippedCatalog);
  // DAC 150; active copper 450; AOC 900; OM4 40 + 2 x 700 SR4 = 1440; OS2 50 + 2 x 1000 DR4 = 2050.
  const cases: [number, string, number][] = [
    [1.2, 'dac-400', 1.5], [2, 'dac-400', 2], [2.1, 'acc-400', 3], [4.6, 'acc-400', 5],
    [5.2, 'aoc-400', 7], [29, 'aoc-400', 30], [31, 'mmf-400', 50], [120, 'smf-400', 150],
  ];
  for (const [len, id, ordered] of cases) {
    it(`${len} m -> ${id}, ordered ${ordered} m`, () => {
      const p = picker.pick(400, len);
      expect(p?.type.id).toBe(id);
      expect(p?.orderedM).toBe(ordered);
    });
  }
  it('the tabulated choice equals the scan it stands for, at every threshold and between', () => {
    // The scan as the catalog states it: of the cables that reach, the cheapest once ordered.
    const scan = (gbps: number, len: number) => {
      let best: { id: string; ordered: number } | null = null;
      let cost = Infinity;
      for (const c of shippedCatalog.cableTypes.filter((t) => t.gbps === gbps)) {
        if (c.maxReachM < len - 1e-9) continue;
        const ordered = c.orderableLengthsM.find((l) => l >= len - 1e-9);
        if (ordered === undefined) continue;
        const xcvr = shippedCatalog.transceivers.find((t) => t.id === c.transceiverId)?.unitPrice ?? 0;
        const k = c.unitPrice + c.pricePerM * ordered + (c.transceiverId === null ? 0 : 2 * xcvr);
        if (k < cost) { cost = k; best = { id: c.id, ordered }; }
      }
      return best;
    };
    const lengths: number[] = [];
    for (let l = 0; l <= 600; l += 0.37) lengths.push(l);
    for (const c of shippedCatalog.cableTypes) {
      for (const v of [c.maxReachM, ...c.orderableLengthsM]) lengths.push(v, v + 1e-9, v - 1e-9, v + 2e-9, v - 2e-9, v + 1e-12);
    }
    for (const gbps of [400, 800]) {
      for (const len of lengths) {
        const p = picker.pick(gbps, len);
        expect(p === null ? null : { id: p.type.id, ordered: p.orderedM }).toEqual(scan(gbps, len));
      }
    }
  });

  it('nothing reaches 600 m: booked on the longest-reach type and reported', () => {
    expect(picker.pick(400, 600)).toBeNull();
    const runs = new CableRuns();
    runs.push('x', 400, 0, 1, 3);
    runs.push('x', 400, 0, 1, 2);
    // A router that answers the lengths under test, run by run.
    const lengths = [600, 31];
    const router = { disconnected: 0, lengthM: () => lengths.shift() } as unknown as Router;
    const book = new CableBook(CableRouting.of([runs], router, picker));
    expect(book.tooLong).toEqual([{ a: 0, b: 1, lengthM: 600, count: 3 }]);
    const lines = book.cables();
    expect(lines.map((l) => [l.cableTypeId, l.count])).toEqual([['mmf-400', 2], ['smf-400', 3]]);
    // Two optics per fibre cable: 4 SR4 and 6 DR4.
    expect(book.transceivers()).toEqual([{ transceiverId: 'xcvr-400-dr4', count: 6 }, { transceiverId: 'xcvr-400-sr4', count: 4 }]);
    expect(lines[0]?.histogram).toEqual([{ lengthM: 50, count: 2 }]);
  });
});

describe('cable routing on a tray grid, against a plain reference', () => {
  // The router's join point (nearest sub-edge, exact distances) and shortest paths (linear-scan
  // Dijkstra) written out plainly over its own graph: the faster scan and heap must give the very
  // same lengths, bit for bit, at random sites over a grid of crossing trays at two heights.
  it('gives the lengths the plain scan and Dijkstra give', () => {
    const trays = [
      ...Array.from({ length: 7 }, (_, k) => tray(`x${k}`, [[0, 3 * k], [40, 3 * k + (k % 2) * 0.2]], 3)),
      ...Array.from({ length: 5 }, (_, k) => tray(`y${k}`, [[8 * k + 1, -1], [8 * k + 1.1, 20], [8 * k + 3, 22]], k % 2 === 0 ? 3 : 3.4)),
    ];
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const sites = Array.from({ length: 300 }, () => site(-2 + 46 * rnd(), -3 + 28 * rnd()));
    const router = new Router({ ...demoHall(shippedCatalog), trays }, sites);
    const g = router as unknown as { nx: number[]; ny: number[]; nz: number[]; adj: { to: number; w: number }[][]; edges: [number, number][] };
    const entry = (sx: number, sy: number) => {
      let best = { e: -1, t: 0, off: Infinity };
      g.edges.forEach(([a, b], e) => {
        const ax = g.nx[a]!, ay = g.ny[a]!, dx = g.nx[b]! - ax, dy = g.ny[b]! - ay, l2 = dx * dx + dy * dy;
        const t = l2 > 0 ? Math.min(1, Math.max(0, ((sx - ax) * dx + (sy - ay) * dy) / l2)) : 0;
        const off = Math.hypot(sx - (ax + t * dx), sy - (ay + t * dy));
        if (off < best.off) best = { e, t, off };
      });
      const [a, b] = g.edges[best.e]!;
      const dx = g.nx[b]! - g.nx[a]!, dy = g.ny[b]! - g.ny[a]!, len = Math.sqrt(dx * dx + dy * dy);
      return { a, b, d0: best.t * len, d1: (1 - best.t) * len, px: g.nx[a]! + best.t * (g.nx[b]! - g.nx[a]!), py: g.ny[a]! + best.t * (g.ny[b]! - g.ny[a]!), e: best.e, off: best.off, z: g.nz[a]! };
    };
    const dijkstra = (from: number) => {
      const n = g.nx.length, d = new Float64Array(n).fill(Infinity), done = new Uint8Array(n);
      d[from] = 0;
      for (;;) {
        let u = -1, best = Infinity;
        for (let i = 0; i < n; i++) if (!done[i] && d[i]! < best) { best = d[i]!; u = i; }
        if (u === -1) return d;
        done[u] = 1;
        for (const { to, w } of g.adj[u]!) if (best + w < d[to]!) d[to] = best + w;
      }
    };
    const reference = (i: number, j: number) => {
      const ea = entry(sites[i]!.x, sites[i]!.y), eb = entry(sites[j]!.x, sites[j]!.y);
      let along: number;
      if (ea.e === eb.e) along = Math.hypot(ea.px - eb.px, ea.py - eb.py);
      else {
        const d0 = dijkstra(ea.a), d1 = dijkstra(ea.b);
        along = Math.min(ea.d0 + Math.min(d0[eb.a]! + eb.d0, d0[eb.b]! + eb.d1), ea.d1 + Math.min(d1[eb.a]! + eb.d0, d1[eb.b]! + eb.d1));
      }
      const drops = Math.max(0, ea.z - 1.1) + Math.max(0, eb.z - 1.1);
      return ea.off + along + eb.off + drops + 1.0;
    };
    for (let k = 0; k < 400; k++) {
      const i = Math.floor(rnd() * sites.length), j = Math.floor(rnd() * sites.length);
      if (i === j) continue;
      expect(router.lengthM(i, j)).toBe(reference(i, j));
    }
    expect(router.disconnected).toBe(0);
  });
});

