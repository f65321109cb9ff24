// The guided tour as a small state machine (STYLE.md: tools are state machines), pure so that
// the keys, the buttons and the tests all drive the same transitions: off → presenting(slide i)
// → off. Also the camera path between two slides: pure too, so the tween is tested without WebGL.
import type { CameraView } from '../../engine/model/index';

/** The overlays a slide may ask for; one at a time keeps a customer's eye on one quantity. */
export type SlideOverlay = 'none' | 'heat' | 'airflow' | 'power' | 'links';

export interface Slide {
  id: string;
  title: string;
  /** One line under the title: what the audience should look at. */
  caption: string;
  /** Eye and target in hall coordinates, as a saved view stores them. */
  view: Pick<CameraView, 'eye' | 'target' | 'projection'>;
  /** Overlay switched on when the slide is shown; undefined keeps the presenter's choice. */
  overlay?: SlideOverlay;
}

export type Tour =
  | { phase: 'off' }
  | { phase: 'presenting'; slides: readonly Slide[]; index: number; source: 'saved' | 'default' };

export type TourEvent =
  | { type: 'enter'; slides: readonly Slide[]; source: 'saved' | 'default' }
  | { type: 'next' } | { type: 'prev' } | { type: 'first' } | { type: 'last' }
  | { type: 'goto'; index: number }
  | { type: 'leave' };

export const TOUR_OFF: Tour = { phase: 'off' };

/**
 * The next state; the same object when nothing changes, so callers can tell "moved" from "stayed".
 * The tour stops at either end rather than wrapping: in a meeting, one Space too many must not
 * jump back to the first slide.
 */
export function tourStep(tour: Tour, event: TourEvent): Tour {
  if (event.type === 'enter') {
    // No slides, nothing to present: stay where we are.
    if (event.slides.length === 0) return tour;
    return { phase: 'presenting', slides: event.slides, index: 0, source: event.source };
  }
  if (tour.phase === 'off') return tour;
  if (event.type === 'leave') return TOUR_OFF;
  const last = tour.slides.length - 1;
  const to = event.type === 'next' ? tour.index + 1
    : event.type === 'prev' ? tour.index - 1
      : event.type === 'first' ? 0
        : event.type === 'last' ? last
          : Math.trunc(event.index);
  const index = Math.max(0, Math.min(last, to));
  return index === tour.index ? tour : { ...tour, index };
}

export function currentSlide(tour: Tour): Slide | null {
  return tour.phase === 'presenting' ? tour.slides[tour.index] ?? null : null;
}

/** The key a presenter (or a clicker, which sends PageUp/PageDown) presses, as a tour event. */
export function keyEvent(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): TourEvent | null {
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': return { type: 'next' };
    case ' ': return e.shiftKey ? { type: 'prev' } : { type: 'next' };
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace': return { type: 'prev' };
    case 'Home': return { type: 'first' };
    case 'End': return { type: 'last' };
    case 'Escape': return { type: 'leave' };
    default: return null;
  }
}

// --- the camera path between slides ---------------------------------------------------------

type V3 = [number, number, number];
export interface Pose { eye: V3; target: V3 }

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const len = (a: V3) => Math.hypot(a[0], a[1], a[2]);
const scale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];

/** Smoothstep's quintic cousin: zero speed and zero acceleration at both ends, no jerk on arrival. */
export function ease(t: number): number {
  const x = Math.max(0, Math.min(1, t));
  return x * x * x * (x * (x * 6 - 15) + 10);
}

/**
 * The pose a fraction `t` of the way from a to b. Moving the eye in a straight line can sweep it
 * through the racks or close to the target; instead the target moves straight, the viewing
 * direction turns on the sphere (slerp) and the distance changes geometrically, so a zoom from
 * the whole hall to one aisle feels even all the way.
 */
export function interpolatePose(a: Pose, b: Pose, t: number): Pose {
  const s = ease(t);
  const target: V3 = [a.target[0] + (b.target[0] - a.target[0]) * s, a.target[1] + (b.target[1] - a.target[1]) * s, a.target[2] + (b.target[2] - a.target[2]) * s];
  const oa = sub(a.eye, a.target), ob = sub(b.eye, b.target);
  const da = Math.max(1e-6, len(oa)), db = Math.max(1e-6, len(ob));
  const ua = scale(oa, 1 / da), ub = scale(ob, 1 / db);
  const cos = Math.max(-1, Math.min(1, ua[0] * ub[0] + ua[1] * ub[1] + ua[2] * ub[2]));
  const angle = Math.acos(cos);
  let dir: V3;
  if (angle < 1e-4) {
    dir = ub;
  } else {
    const sin = Math.sin(angle);
    const wa = Math.sin((1 - s) * angle) / sin, wb = Math.sin(s * angle) / sin;
    dir = [ua[0] * wa + ub[0] * wb, ua[1] * wa + ub[1] * wb, ua[2] * wa + ub[2] * wb];
  }
  const distance = da * Math.pow(db / da, s);
  return { eye: [target[0] + dir[0] * distance, target[1] + dir[1] * distance, target[2] + dir[2] * distance], target };
}

/**
 * A perspective pose looking straight down that shows what a plan view shows (`visible` metres of
 * floor top to bottom): the tour flies to it, then hands over to the orthographic camera, so
 * 3D → plan reads as one movement. The eye sits a hair towards −y so "up" on screen stays +y.
 */
export function topDownPose(target: V3, visibleM: number, fovDeg: number): Pose {
  const height = visibleM / (2 * Math.tan((fovDeg * Math.PI) / 360));
  return { target, eye: [target[0], target[1] - height * 1e-3, target[2] + height] };
}

/** Visible floor height of a plan view as saved (see CameraRig: eye height above the target). */
export function planVisibleM(view: Pick<CameraView, 'eye' | 'target'>): number {
  return Math.max(1, view.eye[2] - view.target[2]);
}
