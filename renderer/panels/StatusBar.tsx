// Bottom line: where the file is, what is in the hall, what is selected, how hard the renderer
// and the engine are working.
import { isDirty, useDocument } from '../state/document';
import { useSession } from '../state/session';

/** What the engine is still computing for the document on screen (client.ts sets the stage). */
const STAGE_TEXT = { physics: 'computing power and heat…', network: 'computing fabric and agents…' } as const;

export function StatusBar() {
  const path = useDocument((s) => s.path);
  const dirty = useDocument(isDirty);
  // Counts, not the document: a move leaves them as they are and the bar does not render again.
  const counts = useDocument((s) => (s.doc === null ? null : `${s.doc.racks.length} ${s.doc.cooling.length} ${s.doc.power.length} ${s.doc.links.length}`));
  const [racks, cooling, power, links] = counts?.split(' ') ?? [];
  const selection = useSession((s) => s.selection.length);
  const drawCalls = useSession((s) => s.drawCalls);
  const engine = useSession((s) => s.engine);
  const stage = engine.status === 'computing' ? engine.stage ?? null : null;
  const version = useSession((s) => s.appVersion);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span title={path ?? 'Not saved yet'}>{path ?? 'Not saved yet'}{dirty ? ' · modified' : ''}</span>
      <span className="grow" />
      {counts !== null && (
        <span><b>{racks}</b> racks · <b>{cooling}</b> cooling · <b>{power}</b> power · <b>{links}</b> links</span>
      )}
      <span><b>{selection}</b> selected</span>
      <span data-testid="draw-calls">Draw calls <b>{drawCalls ?? '—'}</b></span>
      <span>Engine <b>{engine.computeMs === null ? '—' : `${engine.computeMs.toFixed(0)} ms`}</b> · rev <b>{engine.seq}</b></span>
      {stage !== null && <span className="faint" data-testid="engine-pending" data-stage={stage}>{STAGE_TEXT[stage]}</span>}
      {version !== '' && <span>v{version}</span>}
    </footer>
  );
}
