// The tour's state machine, its keys, the camera path between slides and the slides themselves
// (saved views first, else overview, plan, hottest aisle and bottleneck of the demo hall).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute } from '../../engine/compute';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { toView } from '../engine/results';
import { boundsOf } from '../scene/footprints';
import { keyFigures } from './figures';
import { defaultSlides, hottestAisle, slidesFor, viewOfBox } from './slides';
import { TOUR_OFF, currentSlide, ease, interpolatePose, keyEvent, topDownPose, tourStep, type Pose, type Slide, type Tour } from './tour';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const slide = (id: string): Slide => ({ id, title: id, caption: '', view: { eye: [0, -10, 10], target: [0, 0, 0], projection: 'perspective' } });
const three = [slide('a'), slide('b'), slide('c')];
const at = (t: Tour) => (t.phase === 'presenting' ? t.index : -1);

describe('tour state machine', () => {
  it('enters on the first slide, and refuses to enter with no slides', () => {
    const on = tourStep(TOUR_OFF, { type: 'enter', slides: three, source: 'saved' });
    expect(on).toMatchObject({ phase: 'presenting', index: 0, source: 'saved' });
    expect(currentSlide(on)?.id).toBe('a');
    expect(tourStep(TOUR_OFF, { type: 'enter', slides: [], source: 'default' })).toBe(TOUR_OFF);
  });

  it('moves forward and back, stops at both ends without wrapping, and jumps', () => {
    let t = tourStep(TOUR_OFF, { type: 'enter', slides: three, source: 'default' });
    expect(tourStep(t, { type: 'prev' })).toBe(t);
    t = tourStep(t, { type: 'next' });
    t = tourStep(t, { type: 'next' });
    expect(at(t)).toBe(2);
    // One Space too many at the end leaves the last slide on screen, the same state object.
    expect(tourStep(t, { type: 'next' })).toBe(t);
    expect(at(tourStep(t, { type: 'first' }))).toBe(0);
    expect(at(tourStep(tourStep(t, { type: 'first' }), { type: 'last' }))).toBe(2);
    expect(at(tourStep(t, { type: 'goto', index: 1 }))).toBe(1);
    expect(at(tourStep(t, { type: 'goto', index: 99 }))).toBe(2);
    expect(at(tourStep(t, { type: 'goto', index: -3 }))).toBe(0);
  });

  it('leaves from any slide, and ignores moves while off', () => {
    const t = tourStep(tourStep(TOUR_OFF, { type: 'enter', slides: three, source: 'default' }), { type: 'next' });
    expect(tourStep(t, { type: 'leave' })).toBe(TOUR_OFF);
    expect(tourStep(TOUR_OFF, { type: 'next' })).toBe(TOUR_OFF);
    expect(currentSlide(TOUR_OFF)).toBeNull();
  });

  it('reads a presenter\'s keys and a clicker\'s PageUp/PageDown', () => {
    const k = (key: string, shiftKey = false) => keyEvent({ key, shiftKey })?.type ?? null;
    expect(['ArrowRight', 'PageDown', ' ', 'ArrowDown'].map((key) => k(key))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp', 'ArrowUp'].map((key) => k(key))).toEqual(['prev', 'prev', 'prev']);
    expect(k(' ', true)).toBe('prev');
    expect([k('Home'), k('End'), k('Escape'), k('x')]).toEqual(['first', 'last', 'leave', null]);
  });
});

describe('camera path', () => {
  const a: Pose = { target: [0, 0, 0], eye: [0, -10, 0] };
  const b: Pose = { target: [10, 0, 0], eye: [10, 0, 40] };
  const dist = (p: Pose) => Math.hypot(p.eye[0] - p.target[0], p.eye[1] - p.target[1], p.eye[2] - p.target[2]);

  it('eases in and out: starts and ends at rest, half way at half time', () => {
    expect([ease(0), ease(0.5), ease(1), ease(-1), ease(2)]).toEqual([0, 0.5, 1, 0, 1]);
    // Derivative 30x²(1-x)² is zero at both ends: the first step is much smaller than a linear one.
    expect(ease(0.01)).toBeLessThan(0.0001);
  });

  it('starts at a, ends at b, and zooms geometrically on the way', () => {
    expect(interpolatePose(a, b, 0)).toEqual(a);
    const end = interpolatePose(a, b, 1);
    end.eye.forEach((v, i) => expect(v).toBeCloseTo(b.eye[i]!, 9));
    // Half way (eased 0.5): distance sqrt(10 * 40) = 20, not the straight-line mean 25.
    const mid = interpolatePose(a, b, 0.5);
    expect(dist(mid)).toBeCloseTo(20, 9);
    expect(mid.target).toEqual([5, 0, 0]);
    // The view direction turns on the sphere: at 45° between "from -y" and "from above".
    const d = [mid.eye[0] - 5, mid.eye[1], mid.eye[2]];
    expect(d[1]! / 20).toBeCloseTo(-Math.SQRT1_2, 9);
    expect(d[2]! / 20).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it('flies to a plan view through a top-down pose that shows the same floor', () => {
    // 40° field of view, 30 m of floor: eye 30 / (2 tan 20°) = 41.21 m above the target.
    const p = topDownPose([5, 5, 0], 30, 40);
    expect(p.eye[2]).toBeCloseTo(41.21, 2);
    expect(p.eye[0]).toBe(5);
    expect(p.eye[1]).toBeLessThan(5);
    expect(5 - p.eye[1]).toBeLessThan(0.05);
  });
});

describe('slides', () => {
  const doc = demoHall(catalog);
  const results = toView(compute(doc));

  it('a document without saved views gets overview, plan, hottest aisle and bottleneck', () => {
    const { slides, source } = slidesFor(doc, results, 16 / 9);
    expect(source).toBe('default');
    expect(slides.map((s) => s.id)).toEqual(['overview', 'plan', 'hottest-aisle', 'bottleneck']);
    expect(slides.map((s) => s.view.projection)).toEqual(['perspective', 'plan', 'perspective', 'perspective']);
    expect(slides[2]!.overlay).toBe('heat');
  });

  it('without results only the overview and the plan are offered', () => {
    expect(defaultSlides(doc, null, 1.6).map((s) => s.id)).toEqual(['overview', 'plan']);
  });

  it('saved views are the slides, in the document\'s order', () => {
    const views = [
      { id: 'v2', name: 'Cold aisle', eye: [1, 2, 3] as [number, number, number], target: [4, 5, 0] as [number, number, number], projection: 'perspective' as const },
      { id: 'v1', name: 'From above', eye: [9, 9, 20] as [number, number, number], target: [9, 9, 0] as [number, number, number], projection: 'plan' as const },
    ];
    const { slides, source } = slidesFor({ ...doc, views }, results, 1.6);
    expect(source).toBe('saved');
    expect(slides.map((s) => [s.id, s.title, s.view.projection])).toEqual([['v2', 'Cold aisle', 'perspective'], ['v1', 'From above', 'plan']]);
    expect(slides[0]!.view.eye).toEqual([1, 2, 3]);
  });

  it('the hottest aisle holds the hottest rack and only racks near it', () => {
    const aisle = hottestAisle(doc, results)!;
    const hottest = results.rackInletC.reduce((m, v) => Math.max(m, v), -Infinity);
    expect(aisle.inletC).toBe(hottest);
    const hot = doc.racks.find((r) => r.name === aisle.rackName)!;
    expect(aisle.ids).toContain(hot.id);
    for (const id of aisle.ids) {
      const r = doc.racks.find((x) => x.id === id)!;
      expect(Math.hypot(r.position.x - hot.position.x, r.position.y - hot.position.y)).toBeLessThan(15);
    }
    // Results of another document (a rack more or less) name no aisle.
    expect(hottestAisle({ ...doc, racks: doc.racks.slice(1) }, results)).toBeNull();
  });

  it('a plan view shows the whole box on a wide and on a tall screen', () => {
    const box = boundsOf(doc, doc.racks.map((r) => r.id))!;
    for (const aspect of [2, 0.5]) {
      const v = viewOfBox(box, 'plan', aspect);
      const visibleH = v.eye[2] - v.target[2];
      expect(visibleH).toBeGreaterThan(box.max[1] - box.min[1]);
      expect(visibleH * aspect).toBeGreaterThan(box.max[0] - box.min[0]);
    }
  });

  it('the key figures are the six a customer asks about, formatted', () => {
    const figures = keyFigures(doc, results);
    expect(figures.map((f) => f.label)).toEqual(['IT load', 'Facility power', 'PUE', 'Hottest inlet', 'Agents at SLO', 'Bottleneck']);
    expect(Number(figures[2]!.value)).toBeGreaterThan(1);
    expect(keyFigures(doc, null).every((f) => f.value === '—')).toBe(true);
  });
});
