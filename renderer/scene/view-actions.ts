// View actions of the viewport: plan / 3D, the engine overlays and framing. Session state only,
// so none of them dirties the document; the View menu, the HUD buttons and the keys call these.
import { register } from '../actions/registry';
import { toggleOverlay, useSession, type Overlays } from '../state/session';
import { setProjection, toggleProjection } from './view-state';

const plain = (key: string) => (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === key;

/** Rack colours show one quantity at a time: the heat and power overlays exclude each other. */
export function toggleColouring(key: 'heat' | 'power'): void {
  const other = key === 'heat' ? 'power' : 'heat';
  const on = !useSession.getState().overlays[key];
  useSession.setState((s) => ({ overlays: { ...s.overlays, [key]: on, [other]: on ? false : s.overlays[other] } }));
}

register({ id: 'view.plan', label: 'Plan view', perform: () => setProjection('plan') });
register({ id: 'view.3d', label: '3D view', perform: () => setProjection('perspective') });
register({ id: 'view.toggleProjection', label: 'Toggle plan / 3D view', shortcut: 'P', keyTest: plain('p'), perform: () => toggleProjection() });

const OVERLAYS: { key: keyof Overlays; id: string; label: string; shortcut: string }[] = [
  { key: 'airflow', id: 'view.overlay.airflow', label: 'Airflow arrows', shortcut: 'A' },
  { key: 'power', id: 'view.overlay.power', label: 'Power utilisation overlay', shortcut: 'U' },
  { key: 'links', id: 'view.overlay.links', label: 'Cables and link utilisation', shortcut: 'L' },
  { key: 'violations', id: 'view.overlay.violations', label: 'Violation markers', shortcut: 'I' },
];
for (const o of OVERLAYS) {
  register({
    id: o.id, label: o.label, shortcut: o.shortcut, keyTest: plain(o.shortcut.toLowerCase()),
    perform: () => (o.key === 'power' ? toggleColouring('power') : toggleOverlay(o.key)),
  });
}
