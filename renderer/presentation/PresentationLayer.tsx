// What the room sees in presentation mode, over the full-screen viewport: the hall and the slide
// title, a slide counter and progress line, the key figures in large type, the overlay picker,
// and the presenter's controls (previous, next, screenshot, leave), quiet until the mouse moves.
import { useEffect, useState } from 'react';
import { Camera, ChevronLeft, ChevronRight, Presentation, X } from 'lucide-react';
import { useActionContext } from '../app/context';
import { useDocument } from '../state/document';
import { notify, useSession } from '../state/session';
import { keyFigures } from './figures';
import { grabFrame } from './PresentationCamera';
import { composePng, screenshotName } from './screenshot';
import { enterPresentation, leavePresentation, moveTour, setPresentationOverlay, usePresentation, wirePresentationKeys } from './store';
import type { SlideOverlay } from './tour';
import './presentation.css';

const OVERLAYS: { key: SlideOverlay; label: string }[] = [
  { key: 'none', label: 'None' }, { key: 'heat', label: 'Heat' }, { key: 'airflow', label: 'Airflow' },
  { key: 'power', label: 'Power' }, { key: 'links', label: 'Links' },
];

/** Controls fade after this long without a mouse move, so the room sees the hall, not buttons. */
const IDLE_MS = 2500;

function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), IDLE_MS);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_MS);
    };
    window.addEventListener('pointermove', wake);
    return () => { clearTimeout(timer); window.removeEventListener('pointermove', wake); };
  }, []);
  return idle;
}

function Figures() {
  const doc = useDocument((s) => s.doc);
  const results = useSession((s) => s.engine.results);
  if (doc === null) return null;
  return (
    <div className="pres-figures" data-testid="presentation-figures">
      {keyFigures(doc, results).map((f) => (
        <div key={f.key} className={`pres-figure tone-${f.tone}`} data-testid="presentation-figure" data-figure={f.key}>
          <div className="pres-figure-label">{f.label}</div>
          <div className="pres-figure-value">{f.value}{f.unit !== '' && <span className="pres-unit">{f.unit}</span>}</div>
          <div className="pres-figure-note">{f.note}</div>
        </div>
      ))}
    </div>
  );
}

function Controls({ busy, onShot }: { busy: boolean; onShot: () => void }) {
  const overlay = usePresentation((s) => s.overlay);
  const tour = usePresentation((s) => s.tour);
  if (tour.phase !== 'presenting') return null;
  return (
    <div className="pres-controls">
      <div className="pres-seg" role="group" aria-label="Overlay">
        {OVERLAYS.map((o) => (
          <button key={o.key} aria-pressed={overlay === o.key} data-testid={`presentation-overlay-${o.key}`} onClick={() => setPresentationOverlay(o.key)}>{o.label}</button>
        ))}
      </div>
      <button className="pres-btn" title="Previous slide (←, PageUp)" aria-label="Previous slide" data-testid="presentation-prev" disabled={tour.index === 0} onClick={() => moveTour({ type: 'prev' })}><ChevronLeft size={22} /></button>
      <button className="pres-btn" title="Next slide (→, Space, PageDown)" aria-label="Next slide" data-testid="presentation-next" disabled={tour.index === tour.slides.length - 1} onClick={() => moveTour({ type: 'next' })}><ChevronRight size={22} /></button>
      <button className="pres-btn" title="Save a screenshot (PNG)" aria-label="Save a screenshot" data-testid="presentation-screenshot" disabled={busy} onClick={onShot}><Camera size={20} /></button>
      <button className="pres-btn" title="Leave presentation (Esc)" aria-label="Leave presentation" data-testid="presentation-exit" onClick={() => leavePresentation()}><X size={22} /></button>
    </div>
  );
}

export function PresentationLayer() {
  const ctx = useActionContext();
  const tour = usePresentation((s) => s.tour);
  const seq = usePresentation((s) => s.seq);
  const landed = usePresentation((s) => s.landed);
  const hall = useDocument((s) => s.doc?.hall.name ?? '');
  const idle = useIdle();
  const [busy, setBusy] = useState(false);
  useEffect(() => wirePresentationKeys(), []);
  if (tour.phase !== 'presenting') return null;
  const slide = tour.slides[tour.index]!;
  const counter = `${tour.index + 1} / ${tour.slides.length}`;

  const shoot = async () => {
    const frame = grabFrame();
    const doc = useDocument.getState().doc;
    if (frame === null || doc === null) return;
    setBusy(true);
    try {
      const bytes = await composePng(frame, {
        hall, title: slide.title, caption: slide.caption, counter,
        figures: keyFigures(doc, useSession.getState().engine.results), date: new Date().toISOString().slice(0, 10),
      });
      const saved = await ctx.api.savePng(bytes, screenshotName(hall, slide.title));
      if (saved === null) return;
      if (saved.ok) notify({ tone: 'success', title: 'Screenshot saved', detail: `${saved.value.path} (${Math.ceil(saved.value.bytes / 1024)} KB)` });
      else notify({ tone: 'error', title: 'Screenshot not saved', detail: saved.error.message });
    } catch (error) {
      notify({ tone: 'error', title: 'Screenshot not saved', detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={idle ? 'presentation idle' : 'presentation'} data-testid="presentation"
      data-slide={tour.index} data-seq={seq} data-landed={landed} data-source={tour.source}>
      <div className="pres-progress"><span style={{ width: `${((tour.index + 1) / tour.slides.length) * 100}%` }} /></div>
      <div className="pres-head">
        <div className="pres-eyebrow">{hall}</div>
        <h1 className="pres-title" data-testid="presentation-title" key={slide.id}>{slide.title}</h1>
        <div className="pres-caption">{slide.caption}</div>
      </div>
      <div className="pres-counter" data-testid="presentation-counter">{counter}</div>
      <Controls busy={busy} onShot={() => void shoot()} />
      <Figures />
    </div>
  );
}

/** The viewport's button into presentation mode (the View menu and F5 do the same). */
export function PresentButton() {
  return (
    <button className="btn icon" title="Presentation mode (F5)" aria-label="Presentation mode" data-testid="presentation-button" onClick={() => enterPresentation()}>
      <Presentation size={15} />
    </button>
  );
}
