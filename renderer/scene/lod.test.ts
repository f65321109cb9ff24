// Levels of detail for huge halls: when the view counts as far (with hysteresis), what a far
// view draws: a box per row, no rear doors, selection still visible.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrthographicCamera, PerspectiveCamera } from 'three';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import type { ProjectDocument } from '../../engine/model/index';
import { groupsOf } from './HallObjects';
import { FAR_BELOW_PX_PER_M, FULL_DETAIL, LOD_MIN_RACKS, MERGE_BELOW_PX_PER_M, NEAR_ABOVE_PX_PER_M, nextDetail, nextFar, pixelsPerMetre } from './lod';
import { SELECTED_COLOR } from './colors';
import { Color } from 'three';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
function rowMembers(doc: ProjectDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of doc.racks) if (r.rowId !== null) out.set(r.rowId, [...(out.get(r.rowId) ?? []), r.id]);
  return out;
}

const noTints = { inlets: null, rackUtil: null, powerUtil: null };

describe('far and near', () => {
  it('measures pixels per metre where a perspective camera looks, and from an orthographic zoom', () => {
    const cam = new PerspectiveCamera(40, 1.6, 0.1, 2000);
    cam.position.set(0, 100, 0);
    cam.lookAt(0, 0, 0);
    const near = pixelsPerMetre(cam, 900);
    expect(near).toBeCloseTo(900 / (2 * 100 * Math.tan((20 * Math.PI) / 180)), 6);
    cam.position.set(0, 400, 0);
    cam.lookAt(0, 0, 0);
    expect(pixelsPerMetre(cam, 900)).toBeCloseTo(near / 4, 6);
    const ortho = new OrthographicCamera(-800, 800, 450, -450);
    ortho.zoom = 3;
    expect(pixelsPerMetre(ortho, 900)).toBeCloseTo(3, 6);
  });

  it('switches with hysteresis, so a zoom at the threshold does not flicker', () => {
    const between = (FAR_BELOW_PX_PER_M + NEAR_ABOVE_PX_PER_M) / 2;
    expect(nextFar(false, between)).toBe(false);
    expect(nextFar(true, between)).toBe(true);
    expect(nextFar(false, FAR_BELOW_PX_PER_M - 0.1)).toBe(true);
    expect(nextFar(true, NEAR_ABOVE_PX_PER_M + 0.1)).toBe(false);
  });
});

describe('detail by distance', () => {
  const HEIGHT = 900;
  const huge = LOD_MIN_RACKS;
  /** A perspective camera at three (x, y, z), looking down at 45 degrees. */
  const cameraAt = (x: number, y: number, z: number) => {
    const cam = new PerspectiveCamera(40, 1.6, 0.1, 2000);
    cam.position.set(x, y, z);
    cam.lookAt(x, 0, z - y);
    cam.updateMatrixWorld();
    return cam;
  };

  it('draws small halls in full at any distance', () => {
    expect(nextDetail(FULL_DETAIL, huge - 1, cameraAt(0, 30, 0), HEIGHT)).toBe(FULL_DETAIL);
    expect(nextDetail(FULL_DETAIL, huge - 1, cameraAt(0, 3000, 0), HEIGHT)).toBe(FULL_DETAIL);
  });

  it('close up on a huge hall, merges beyond the distance where a metre spans MERGE_BELOW_PX_PER_M pixels, around the camera', () => {
    const d = nextDetail(FULL_DETAIL, huge, cameraAt(10, 20, -30), HEIGHT);
    expect(d).toMatchObject({ far: false, merge: true });
    // Hall coordinates: z up, y = -three's z.
    expect(d.focus).toMatchObject({ x: 10, y: 30, z: 20 });
    const radius = HEIGHT / (2 * Math.tan((20 * Math.PI) / 180)) / MERGE_BELOW_PX_PER_M;
    expect(d.focus!.radiusM).toBeCloseTo(radius, 9);
    // At that distance a metre spans exactly the threshold.
    const far = cameraAt(0, radius, 0);
    far.lookAt(0, 0, 0);
    expect(pixelsPerMetre(far, HEIGHT)).toBeCloseTo(MERGE_BELOW_PX_PER_M, 6);
  });

  it('keeps the focus through small camera moves and follows larger ones', () => {
    const d = nextDetail(FULL_DETAIL, huge, cameraAt(10, 20, -30), HEIGHT);
    const step = d.focus!.radiusM / 8;
    expect(nextDetail(d, huge, cameraAt(10 + step * 0.9, 20, -30), HEIGHT)).toBe(d);
    const moved = nextDetail(d, huge, cameraAt(10 + step * 1.1, 20, -30), HEIGHT);
    expect(moved).not.toBe(d);
    expect(moved.focus!.x).toBeCloseTo(10 + step * 1.1, 9);
    // A narrower viewport (fewer pixels per metre) shrinks the radius: a new focus.
    expect(nextDetail(d, huge, cameraAt(10, 20, -30), HEIGHT * 0.7).focus!.radiusM).toBeCloseTo(d.focus!.radiusM * 0.7, 9);
  });

  it('keeps the view of a perspective camera in its focus and follows a turn of more than half the margin', () => {
    const cam = cameraAt(10, 20, -30);
    const d = nextDetail(FULL_DETAIL, huge, cam, HEIGHT);
    const v = d.focus!.view!;
    // Looking down at 45 degrees towards three's -z, i.e. hall +y and down.
    expect(v.x).toBeCloseTo(0, 9);
    expect(v.y).toBeCloseTo(Math.SQRT1_2, 9);
    expect(v.z).toBeCloseTo(-Math.SQRT1_2, 9);
    const corners = Math.atan(Math.tan((20 * Math.PI) / 180) * Math.hypot(1, 1.6));
    expect(Math.acos(v.cosHalfAngle)).toBeCloseTo(corners + (15 * Math.PI) / 180, 9);
    const turned = (deg: number) => {
      const c = cameraAt(10, 20, -30);
      c.rotateY((deg * Math.PI) / 180);
      c.updateMatrixWorld();
      return nextDetail(d, huge, c, HEIGHT);
    };
    expect(turned(5)).toBe(d);
    expect(turned(10)).not.toBe(d);
  });

  it('far away merges everything with rows as boxes', () => {
    const far = nextDetail(FULL_DETAIL, huge, cameraAt(0, 3000, 0), HEIGHT);
    expect(far).toEqual({ far: true, merge: true, focus: null });
    expect(nextDetail(far, huge, cameraAt(0, 2900, 0), HEIGHT)).toBe(far);
  });

  it('in plan, merges everything below the threshold and, above it, what lies off screen', () => {
    const plan = new OrthographicCamera(-800, 800, 450, -450);
    plan.position.set(100, 500, -40);
    plan.zoom = MERGE_BELOW_PX_PER_M / 2;
    expect(nextDetail(FULL_DETAIL, huge, plan, HEIGHT)).toEqual({ far: false, merge: true, focus: null });
    plan.zoom = MERGE_BELOW_PX_PER_M * 2;
    const d = nextDetail(FULL_DETAIL, huge, plan, HEIGHT);
    expect(d.focus).toMatchObject({ x: 100, y: 40 });
    // The visible rectangle's half diagonal, in metres, with a margin: everything on screen is near.
    const halfDiagonal = Math.hypot(1600, 900) / 2 / plan.zoom;
    expect(d.focus!.radiusM).toBeGreaterThan(halfDiagonal);
    expect(d.focus!.radiusM).toBeLessThan(halfDiagonal * 1.5);
    expect(nextDetail(FULL_DETAIL, huge - 1, plan, HEIGHT)).toBe(FULL_DETAIL);
  });
});

describe('the far view of a hall', () => {
  const doc = demoHall(catalog);

  it('draws one box per row around its racks, leaves rear doors out and keeps other equipment', () => {
    const near = groupsOf(doc, new Set(), noTints);
    const far = groupsOf(doc, new Set(), noTints, true);
    const rows = far.find((g) => g.key === 'rows')!;
    expect(rows.placements.map((p) => p.id).sort()).toEqual(doc.rows.map((r) => r.id).sort());
    expect(far.some((g) => g.key.startsWith('rack:'))).toBe(false);
    const racksOf = rowMembers(doc);
    for (const box of rows.placements) {
      // Every rack of the row stands inside its box.
      for (const id of racksOf.get(box.id)!) {
        const r = doc.racks.find((x) => x.id === id)!;
        expect(Math.abs(r.position.x - box.x)).toBeLessThanOrEqual(box.w / 2);
        expect(Math.abs(r.position.y - box.y)).toBeLessThanOrEqual(box.d / 2);
      }
    }
    const count = (gs: typeof near, prefix: string) => gs.filter((g) => g.key.startsWith(prefix)).reduce((n, g) => n + g.placements.length, 0);
    expect(count(far, 'power:')).toBe(count(near, 'power:'));
    const kinds = new Map(doc.catalog.coolingTypes.map((t) => [`cooling:${t.id}`, t.kind]));
    for (const g of far.filter((x) => x.key.startsWith('cooling:'))) expect(kinds.get(g.key)).not.toBe('rear-door');
  });

  it('shows a row selected when one of its racks is', () => {
    const rack = doc.racks.find((r) => r.rowId !== null)!;
    const rows = groupsOf(doc, new Set([rack.id]), noTints, true).find((g) => g.key === 'rows')!;
    const i = rows.placements.findIndex((p) => p.id === rack.rowId);
    expect(rows.colors[i]!.equals(new Color(SELECTED_COLOR))).toBe(true);
    expect(rows.colors.filter((c) => c.equals(new Color(SELECTED_COLOR)))).toHaveLength(1);
  });
});
