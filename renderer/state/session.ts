// Session state: what the user is looking at and what the engine last said. Never saved, never
// undoable (STYLE.md: tldraw's "session" scope). Kept apart from the document store so a
// selection change or a camera move can never dirty the file.
import { create } from 'zustand';
import type { EngineResults } from '../engine/results';

export type EngineStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface Notice {
  id: number;
  tone: 'error' | 'info' | 'success';
  title: string;
  detail?: string;
  /** Lines under the detail, e.g. the problems found in a file. */
  items?: string[];
  /** Buttons offered with the notice, e.g. "Overwrite" after a file changed on disk. */
  actions?: { label: string; run: () => void }[];
}

export interface Overlays {
  /** Colour racks by inlet temperature instead of by kind. */
  heat: boolean;
  containment: boolean;
  /** Air velocity arrows sampled from the thermal field. */
  airflow: boolean;
  /** Colour racks by draw and PDUs / busways by load over their continuous rating. */
  power: boolean;
  /** Cables coloured by their link class's utilisation. */
  links: boolean;
  /** Markers over the objects a violation names. */
  violations: boolean;
}

export interface SessionState {
  /** Ids of selected objects (racks, cooling units, power equipment, containment). */
  selection: string[];
  hovered: string | null;
  overlays: Overlays;
  /** Bumped to ask the camera to frame the hall; the viewport watches it. */
  fitRequest: number;
  engine: {
    status: EngineStatus;
    /** Sequence number of the results shown; requests after it are in flight or were skipped. */
    seq: number;
    results: EngineResults | null;
    computeMs: number | null;
    /** Engine message when the last computation failed (results stay those of the last success). */
    error: string | null;
    /**
     * While computing, the stage the document on screen still waits for: 'physics' (power and
     * heat) until they arrive, then 'network' (fabric and agents). Absent or null otherwise.
     */
    stage?: 'physics' | 'network' | null;
  };
  /** Figure whose explanation is pinned open in the results panel (a key path like "power.pue"). */
  explained: string | null;
  notices: Notice[];
  drawCalls: number | null;
  /** The viewport has shown a hall at least once (start-up ordering, see main.tsx). */
  hallRendered: boolean;
  appVersion: string;
}

export const useSession = create<SessionState>(() => ({
  selection: [],
  hovered: null,
  overlays: { heat: false, containment: true, airflow: false, power: false, links: false, violations: true },
  fitRequest: 0,
  engine: { status: 'idle', seq: 0, results: null, computeMs: null, error: null, stage: null },
  explained: null,
  notices: [],
  drawCalls: null,
  hallRendered: false,
  appVersion: '',
}));

export function select(ids: string[]): void {
  useSession.setState({ selection: ids });
}

export function requestFit(): void {
  useSession.setState((s) => ({ fitRequest: s.fitRequest + 1 }));
}

export function toggleOverlay(key: keyof Overlays): void {
  useSession.setState((s) => ({ overlays: { ...s.overlays, [key]: !s.overlays[key] } }));
}

let noticeId = 0;
export function notify(notice: Omit<Notice, 'id'>): number {
  const id = ++noticeId;
  useSession.setState((s) => ({ notices: [...s.notices.filter((n) => n.title !== notice.title), { ...notice, id }] }));
  return id;
}

export function dismissNotice(id: number): void {
  useSession.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
