// Levels of detail for huge halls: when the view counts as far (with hysteresis), what a far
// view draws: a box per row, no rear doors, selection still visible.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrthographicCamera, PerspectiveCamera } from 'three';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import type { ProjectDocument } from '../../engine/model/index';
import { groupsOf } from './HallObjects';
import { FAR_BELOW_PX_PER_M, NEAR_ABOVE_PX_PER_M, nextFar, pixelsPerMetre } from './lod';
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
