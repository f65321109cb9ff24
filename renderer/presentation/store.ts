// Presentation mode's session state and its actions: enter (slides from the document, full
// screen, the editor's chrome hidden by a flag on <html>), move through the tour, leave (the
// presenter's overlays and window back as they were). Session scope: nothing here is saved.
import { create } from 'zustand';
import { register, type ActionContext } from '../actions/registry';
import { useDocument } from '../state/document';
import { select, useSession, type Overlays } from '../state/session';
import { slidesFor } from './slides';
import { TOUR_OFF, currentSlide, keyEvent, tourStep, type SlideOverlay, type Tour, type TourEvent } from './tour';

export interface PresentationState {
  tour: Tour;
  /** Bumped on every slide change: the camera flies to the current slide for each new value. */
  seq: number;
  /** The last seq whose camera flight has landed (browser tests and the screenshot wait for it). */
  landed: number;
  /** The overlay on screen, chosen by the slide or the presenter. */
  overlay: SlideOverlay;
}

export const usePresentation = create<PresentationState>(() => ({ tour: TOUR_OFF, seq: 0, landed: 0, overlay: 'none' }));

/** What the presenter had before entering, restored on leaving. */
let saved: { overlays: Overlays; selection: string[] } | null = null;

export function setPresentationOverlay(overlay: SlideOverlay): void {
  usePresentation.setState({ overlay });
  // The colourings exclude each other (scene/view-actions.ts); one overlay at a time here too.
  useSession.setState((s) => ({
    overlays: { ...s.overlays, heat: overlay === 'heat', airflow: overlay === 'airflow', power: overlay === 'power', links: overlay === 'links' },
  }));
}

function overlayOf(o: Overlays): SlideOverlay {
  return o.heat ? 'heat' : o.power ? 'power' : o.airflow ? 'airflow' : o.links ? 'links' : 'none';
}

function apply(event: TourEvent): void {
  const { tour, seq } = usePresentation.getState();
  const next = tourStep(tour, event);
  if (next === tour) return;
  usePresentation.setState({ tour: next, seq: seq + 1 });
  const slide = currentSlide(next);
  if (slide?.overlay !== undefined) setPresentationOverlay(slide.overlay);
}

export function isPresenting(): boolean {
  return usePresentation.getState().tour.phase === 'presenting';
}

export function enterPresentation(): void {
  const doc = useDocument.getState().doc;
  if (doc === null || isPresenting()) return;
  const aspect = window.innerWidth / Math.max(1, window.innerHeight);
  const { slides, source } = slidesFor(doc, useSession.getState().engine.results, aspect);
  const s = useSession.getState();
  saved = { overlays: s.overlays, selection: s.selection };
  // Selection outlines and violation markers are editing aids, not part of the customer's story.
  select([]);
  useSession.setState((st) => ({ overlays: { ...st.overlays, violations: false } }));
  usePresentation.setState({ overlay: overlayOf(s.overlays) });
  apply({ type: 'enter', slides, source });
  document.documentElement.dataset.presenting = 'true';
  // Full screen needs the user's gesture (the key or the click that got us here); refused or
  // unavailable (a test browser, a locked-down kiosk), the window still shows the chrome-free view.
  if (document.fullscreenElement === null && document.fullscreenEnabled) {
    document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
  }
}

export function leavePresentation(): void {
  if (!isPresenting()) return;
  apply({ type: 'leave' });
  delete document.documentElement.dataset.presenting;
  if (saved !== null) {
    const { overlays, selection } = saved;
    useSession.setState({ overlays });
    select(selection);
    saved = null;
  }
  if (document.fullscreenElement !== null) void document.exitFullscreen().catch(() => undefined);
}

export function moveTour(event: TourEvent): void {
  if (event.type === 'leave') leavePresentation();
  else apply(event);
}

export function markLanded(seq: number): void {
  if (usePresentation.getState().landed !== seq) usePresentation.setState({ landed: seq });
}

/**
 * While presenting, the tour owns the keys: a capture listener on window runs before the editor's
 * shortcuts (boot.ts), so Space or Delete can never edit the hall in front of a customer.
 * The overlay keys (H, A, U, L) still work, through the presentation's own overlay choice.
 */
export function wirePresentationKeys(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!isPresenting() || e.ctrlKey || e.metaKey || e.altKey) return;
    const tourEvent = keyEvent(e);
    const overlayKeys: Record<string, SlideOverlay> = { h: 'heat', a: 'airflow', u: 'power', l: 'links', n: 'none' };
    const overlay = overlayKeys[e.key.toLowerCase()];
    if (tourEvent === null && overlay === undefined && e.key !== 'F5') {
      // Every other key is swallowed: no editing while presenting.
      if (e.key.length === 1 || e.key === 'Delete') e.stopImmediatePropagation();
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (tourEvent !== null) moveTour(tourEvent);
    else if (overlay !== undefined) setPresentationOverlay(usePresentation.getState().overlay === overlay ? 'none' : overlay);
    else leavePresentation();
  };
  // Esc in full screen is taken by the browser to leave full screen; follow it out of the tour.
  const onFullscreen = () => { if (document.fullscreenElement === null && isPresenting()) leavePresentation(); };
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('fullscreenchange', onFullscreen);
  return () => {
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('fullscreenchange', onFullscreen);
  };
}

register({
  id: 'view.presentation', label: 'Presentation mode', shortcut: 'F5',
  keyTest: (e) => e.key === 'F5' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey,
  enabled: () => useDocument.getState().doc !== null,
  perform: (_ctx: ActionContext) => { if (isPresenting()) leavePresentation(); else enterPresentation(); },
});
