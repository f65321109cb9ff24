// Far objects merged into runs: what merges (touching, same cross-section and colour), what does
// not, that a run covers exactly the floor its objects cover, and that an edit near the camera
// reuses the runs while any other edit or focus merges afresh with the same outcome.
import { describe, expect, it } from 'vitest';
import { Color } from 'three';
import type { Group } from './hall-groups';
import type { Placement } from './InstancedBoxes';
import { drawnGroup, unmerged, type Focus } from './runs';

const blue = new Color('#3366cc'), red = new Color('#cc3333');
const box = (id: string, x: number, y: number, over: Partial<Placement> = {}): Placement => ({ id, x, y, z0: 0, w: 0.6, d: 1.2, h: 2.2, rotationDeg: 0, ...over });
const group = (placements: Placement[], colors: Color[] = placements.map(() => blue), front = false): Group => ({ key: 'rack:t', placements, colors, front });
/** A row of n touching racks along x from x0, all at y. */
const row = (n: number, x0: number, y: number, prefix = 'r') => Array.from({ length: n }, (_, i) => box(`${prefix}${i}`, x0 + i * 0.6, y));
const allFar: Focus | null = null;

/** Floor intervals along x covered at each y by the boxes (rotation 0), merged, for comparing coverage. */
function coverage(ps: readonly Placement[]): string[] {
  const byY = new Map<number, [number, number][]>();
  for (const p of ps) byY.set(p.y, [...(byY.get(p.y) ?? []), [p.x - p.w / 2, p.x + p.w / 2]]);
  return [...byY].sort(([a], [b]) => a - b).map(([y, spans]) => {
    spans.sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const s of spans) { const t = out[out.length - 1]; if (t !== undefined && s[0] <= t[1] + 1e-6) t[1] = Math.max(t[1], s[1]); else out.push([...s]); }
    return `${y}: ${out.map(([a, b]) => `${a.toFixed(3)}..${b.toFixed(3)}`).join(' ')}`;
  });
}

describe('runs', () => {
  it('merges a row of touching equal racks into one box covering the same floor', () => {
    const g = group(row(12, 0, 5));
    const d = drawnGroup(undefined, g, allFar);
    expect(d.placements).toHaveLength(1);
    expect(d.placements[0]).toMatchObject({ id: '', y: 5, d: 1.2, h: 2.2, z0: 0 });
    expect(d.placements[0]!.w).toBeCloseTo(7.2, 9);
    expect(coverage(d.placements)).toEqual(coverage(g.placements));
    expect(d.source.placements).toHaveLength(12);
  });

  it('keeps apart what differs: a gap, another colour, height, depth, line or turn', () => {
    const ps = row(6, 0, 5);
    ps.push(box('gap', 6 * 0.6 + 0.5, 5)); // 0.5 m gap
    ps.push(box('tall', 0 + 6 * 0.6 + 0.5 + 0.6, 5, { h: 2.4 }));
    ps.push(...row(3, 0, 8, 's'));
    ps.push(box('turned', 20, 5, { rotationDeg: 90 }), box('turned2', 20, 5.6, { rotationDeg: 90 }));
    const colors = ps.map((p) => (p.id === 'r2' ? red : blue));
    const d = drawnGroup(undefined, group(ps, colors), allFar);
    // Row at y 5: r0-r1 | r2 (red) | r3-r5 | gap | tall; row at y 8: one run; the turned pair: one run along y.
    expect(d.placements).toHaveLength(7);
    expect(d.colors.filter((c) => c === red)).toHaveLength(1);
    const turned = d.placements.find((p) => p.rotationDeg === 90)!;
    expect(turned).toMatchObject({ id: '', x: 20 });
    expect(turned.y).toBeCloseTo(5.3, 9);
    expect(turned.w).toBeCloseTo(1.2, 9);
    // Single objects stay themselves (same object, id kept: still pickable).
    expect(d.placements).toContain(ps.find((p) => p.id === 'gap'));
    expect(d.placements).toContain(ps.find((p) => p.id === 'r2'));
  });

  it('merges 0 and 180 degree boxes unless the group draws intake panels', () => {
    const ps = [box('a', 0, 0), box('b', 0.6, 0, { rotationDeg: 180 })];
    expect(drawnGroup(undefined, group(ps), allFar).placements).toHaveLength(1);
    expect(drawnGroup(undefined, group(ps, undefined, true), allFar).placements).toHaveLength(2);
  });

  it('keeps every object near the focus on its own, first, in order', () => {
    const ps = [...row(10, 0, 0), ...row(10, 100, 0, 'far')];
    const focus: Focus = { x: 3, y: 0, z: 10, radiusM: 20 };
    const d = drawnGroup(undefined, group(ps), focus);
    expect(d.placements.slice(0, 10)).toEqual(ps.slice(0, 10));
    expect(d.placements).toHaveLength(11);
    expect(Array.from(d.kept)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Intake panels only on the near objects (drawn first).
    expect(d.panels).toBe(10);
  });

  it('with a view, keeps only what lies within its cone (or right by the eye); what is behind is merged', () => {
    // Eye at x 50, looking along +x with a 45 degree half angle; rows ahead of it and behind it.
    const ahead = row(10, 60, 0, 'a'), behind = row(10, 30, 0, 'b'), beside = [box('close', 49, 1)];
    const focus: Focus = { x: 50, y: 0, z: 1.1, radiusM: 40, view: { x: 1, y: 0, z: 0, cosHalfAngle: Math.cos(Math.PI / 4) } };
    const d = drawnGroup(undefined, group([...ahead, ...behind, ...beside]), focus);
    const kept = Array.from(d.kept);
    expect(kept).toEqual([...ahead.keys(), 20]);
    // Behind the eye: one run, still drawn.
    expect(d.placements).toHaveLength(12);
    expect(d.placements[11]!.w).toBeCloseTo(6, 9);
  });

  it('after an edit near the focus reuses the runs; after any other edit merges afresh; both as a fresh merge', () => {
    const ps = [...row(10, 0, 0), ...row(10, 100, 0, 'far'), ...row(10, 100, 4, 'far2')];
    const focus: Focus = { x: 3, y: 0, z: 10, radiusM: 20 };
    const g0 = group(ps);
    const d0 = drawnGroup(undefined, g0, focus);
    // A near rack moved 0.6 m into its aisle: only the near part changes.
    const near = ps.slice(); near[2] = { ...ps[2]!, y: -0.6 };
    const g1 = group(near);
    const d1 = drawnGroup(d0, g1, focus);
    expect(d1.placements.slice(10)).toEqual(d0.placements.slice(10));
    expect(d1.placements[10]).toBe(d0.placements[10]);
    expect(d1.placements).toEqual(drawnGroup(undefined, g1, focus).placements);
    // A far rack moved: its run splits.
    const far = ps.slice(); far[15] = { ...ps[15]!, y: -3 };
    const d2 = drawnGroup(d1, group(far), focus);
    expect(d2.placements).toEqual(drawnGroup(undefined, group(far), focus).placements);
    expect(d2.placements).toHaveLength(10 + 4);
    // A near rack moved far away, out of the focus: merged afresh too.
    const out = ps.slice(); out[0] = { ...ps[0]!, x: 300 };
    expect(drawnGroup(d0, group(out), focus).placements).toEqual(drawnGroup(undefined, group(out), focus).placements);
    // The same group again: the same drawing; another focus: merged afresh.
    expect(drawnGroup(d1, g1, focus)).toBe(d1);
    expect(drawnGroup(d1, g1, { ...focus }).placements).toEqual(d1.placements);
    expect(drawnGroup(d1, g1, allFar).placements).toHaveLength(5);
  });

  it('draws a group in full when nothing is merged', () => {
    const g = group(row(5, 0, 0));
    const d = unmerged(g);
    expect(d.placements).toBe(g.placements);
    expect(d.source.placements).toHaveLength(5);
    expect(d.panels).toBe(5);
  });
});
