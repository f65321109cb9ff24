// Projection and drawing maths checked against figures worked by hand.
import { describe, expect, it } from 'vitest';
import { lambert, outline, paintersOrder, project, visibleFaces, ISOMETRIC, type Box3 } from './projection.js';
import { REPORT_VIEW } from './view3d.js';

const box = (x: number, y: number, z: number, w = 1, d = 1, h = 1): Box3 => ({ minX: x, minY: y, minZ: z, maxX: x + w, maxY: y + d, maxZ: z + h });

describe('isometric projection', () => {
  it('maps the unit axes to equal lengths sqrt(2/3), x, y and the down axis at 120 degrees', () => {
    // Hand: sx = x sin45 - y cos45, sy = -(z cos e + (x cos45 + y sin45) sin e), sin e = 1/sqrt3.
    const ex = project(ISOMETRIC, 1, 0, 0), ey = project(ISOMETRIC, 0, 1, 0), ez = project(ISOMETRIC, 0, 0, 1);
    for (const v of [ex, ey, ez]) expect(Math.hypot(v.x, v.y)).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(ex.x).toBeCloseTo(Math.SQRT1_2, 12);
    expect(ex.y).toBeCloseTo(-1 / Math.sqrt(6), 12);
    expect(ez).toEqual({ x: 0, y: expect.closeTo(-Math.sqrt(2 / 3), 12) });
    const angle = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.acos((a.x * b.x + a.y * b.y) / (Math.hypot(a.x, a.y) * Math.hypot(b.x, b.y))) * 180 / Math.PI;
    // Seen from the (-x, -y, +z) octant, +x and +y run up the page, so x, y and -z form the star.
    const down = { x: -ez.x, y: -ez.y };
    expect(angle(ex, ey)).toBeCloseTo(120, 9);
    expect(angle(ey, down)).toBeCloseTo(120, 9);
    expect(angle(ex, down)).toBeCloseTo(120, 9);
  });

  it('draws a unit cube as a regular hexagon of circumradius sqrt(2/3)', () => {
    const hull = outline(ISOMETRIC, box(0, 0, 0));
    expect(hull).toHaveLength(6);
    const c = project(ISOMETRIC, 0.5, 0.5, 0.5);
    for (const p of hull) expect(Math.hypot(p.x - c.x, p.y - c.y)).toBeCloseTo(Math.sqrt(2 / 3), 9);
    // Consecutive vertices 60 degrees apart around the centre.
    const angles = hull.map((p) => Math.atan2(p.y - c.y, p.x - c.x));
    for (let i = 0; i < 6; i++) {
      let d = Math.abs(angles[(i + 1) % 6]! - angles[i]!);
      if (d > Math.PI) d = 2 * Math.PI - d;
      expect(d * 180 / Math.PI).toBeCloseTo(60, 9);
    }
  });

  it('shows the top and the two faces towards the camera (x- and y- from the origin corner)', () => {
    const faces = visibleFaces(ISOMETRIC, box(2, 3, 0, 1, 2, 3));
    expect(faces.map((f) => f.name)).toEqual(['x-', 'y-', 'top']);
    // The top face's corners project to the top of the box's outline.
    const top = faces[2]!.points;
    expect(Math.min(...top.filter((_, i) => i % 2 === 1))).toBeCloseTo(Math.min(...outline(ISOMETRIC, box(2, 3, 0, 1, 2, 3)).map((p) => p.y)), 12);
  });

  it('lights the top brightest, and never darker than the ambient 0.55', () => {
    const top = lambert([0, 0, 1]), front = lambert([0, -1, 0]), left = lambert([-1, 0, 0]), back = lambert([0, 1, 0]);
    expect(top).toBeGreaterThan(front);
    expect(front).toBeGreaterThan(left);
    expect(back).toBe(0.55);
  });
});

describe("painter's order", () => {
  it('paints the far box first, whichever order they come in', () => {
    const near = box(0, 0, 0), far = box(3, 3, 0);
    expect(paintersOrder(ISOMETRIC, [near, far])).toEqual([1, 0]);
    expect(paintersOrder(ISOMETRIC, [far, near])).toEqual([0, 1]);
  });

  it('paints a long box behind a row of small ones before them, although its centre is nearer', () => {
    // A long wall segment along x at y = 2..2.2 behind racks at y = 0..1; its centre depth is
    // nearer than the farthest rack's, so a sort by centre depth alone would paint it over them.
    const wall = box(-5, 2, 0, 35, 0.2, 3);
    const racks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => box(10 + i, 0, 0, 1, 1, 2));
    const order = paintersOrder(ISOMETRIC, [...racks, wall]);
    const wallAt = order.indexOf(racks.length);
    for (let i = 0; i < racks.length; i++) expect(order.indexOf(i)).toBeGreaterThan(wallAt);
  });

  it('paints busway hanging above a rack after the rack', () => {
    const rack = box(0, 0, 0, 0.6, 1.2, 2.3), busway = box(-1, 0.4, 2.6, 3, 0.2, 0.15);
    expect(paintersOrder(REPORT_VIEW, [busway, rack])).toEqual([1, 0]);
  });

  it('leaves boxes that do not overlap on paper in depth order and returns each index once', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => box((i % 6) * 2, Math.floor(i / 6) * 3, 0, 0.6, 1.2, 2));
    const order = paintersOrder(REPORT_VIEW, boxes);
    expect([...order].sort((a, b) => a - b)).toEqual([...boxes.keys()]);
    // Whenever two boxes are ordered, a box beyond the other on x or y comes first.
    for (let a = 0; a < order.length; a++) for (let b = a + 1; b < order.length; b++) {
      const p = boxes[order[a]!]!, q = boxes[order[b]!]!;
      expect(q.minX >= p.maxX && q.minY >= p.maxY).toBe(false);
    }
  });
});
