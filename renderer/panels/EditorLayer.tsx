// The editor's layer over the window: the tool strip, the notice beside the cursor, the box
// selection rectangle and the shortcut help; and, once the viewport's canvas exists, the pointer
// input that drives the tools (tools/viewport-input.ts).
import { useEffect, useSyncExternalStore } from 'react';
import { Box, Cable, MousePointer2, Redo2, Rows3, Ruler, Spline, Undo2, Keyboard } from 'lucide-react';
import type { ReactNode } from 'react';
import { getAction, runAction } from '../actions/registry';
import { useActionContext } from '../app/context';
import { history } from '../editor/instance';
import { useEditor, type ToolId } from '../editor/state';
import { useDocument } from '../state/document';
import { useSession } from '../state/session';
import { attachViewportInput } from '../tools/viewport-input';
import { ShortcutHelp } from './ShortcutHelp';
import '../styles/editor.css';

function useViewportInput(): void {
  const hallRendered = useSession((s) => s.hallRendered);
  const hasDoc = useDocument((s) => s.doc !== null);
  useEffect(() => {
    if (!hallRendered || !hasDoc) return;
    const container = document.querySelector<HTMLElement>('[data-testid="viewport"]');
    const canvas = container?.querySelector('canvas');
    if (container == null || canvas == null) return;
    return attachViewportInput(canvas, container);
  }, [hallRendered, hasDoc]);
}

function StripButton({ id, icon, pressed }: { id: string; icon: ReactNode; pressed?: boolean }) {
  const ctx = useActionContext();
  useSyncExternalStore((l) => history.subscribe(l), () => history.getVersion());
  useEditor((s) => s.busy);
  useSession((s) => s.selection);
  const action = getAction(id);
  if (action === undefined) return null;
  const enabled = action.enabled === undefined || action.enabled();
  return (
    <button className="btn icon" data-action={id} aria-pressed={pressed} disabled={!enabled} aria-label={action.label}
      title={action.shortcut === undefined ? action.label : `${action.label} (${action.shortcut})`} onClick={() => void runAction(id, ctx)}>
      {icon}
    </button>
  );
}

const TOOLS: { tool: ToolId; id: string; icon: ReactNode }[] = [
  { tool: 'select', id: 'tool.select', icon: <MousePointer2 size={15} /> },
  { tool: 'place', id: 'tool.place', icon: <Rows3 size={15} /> },
  { tool: 'containment', id: 'tool.containment', icon: <Box size={15} /> },
  { tool: 'tray', id: 'tool.tray', icon: <Spline size={15} /> },
  { tool: 'connect', id: 'tool.connect', icon: <Cable size={15} /> },
];

function ToolStrip() {
  const tool = useEditor((s) => s.tool);
  const units = useEditor((s) => s.units);
  const ctx = useActionContext();
  return (
    <div className="tool-strip" data-testid="tool-strip" data-tool={tool}>
      {TOOLS.map((t) => <StripButton key={t.tool} id={t.id} icon={t.icon} pressed={tool === t.tool} />)}
      <span className="sep" />
      <StripButton id="edit.undo" icon={<Undo2 size={15} />} />
      <StripButton id="edit.redo" icon={<Redo2 size={15} />} />
      <span className="sep" />
      <button className="btn small" data-testid="units-toggle" title="Metric / imperial lengths (M)" onClick={() => void runAction('view.units', ctx)}>
        <Ruler size={14} />{units === 'metric' ? 'm' : 'ft'}
      </button>
      <StripButton id="help.shortcuts" icon={<Keyboard size={15} />} />
    </div>
  );
}

function CursorHint() {
  const hint = useEditor((s) => s.hint);
  if (hint === null) return null;
  return (
    <div className={`cursor-hint ${hint.tone}`} data-testid="cursor-hint" data-tone={hint.tone} role={hint.tone === 'error' ? 'alert' : 'status'}
      style={{ left: hint.clientX + 16, top: hint.clientY + 18 }}>
      {hint.text}
    </div>
  );
}

function Brush() {
  const b = useEditor((s) => s.brush);
  if (b === null) return null;
  return <div className="brush" style={{ left: Math.min(b.x0, b.x1), top: Math.min(b.y0, b.y1), width: Math.abs(b.x1 - b.x0), height: Math.abs(b.y1 - b.y0) }} />;
}

export function EditorLayer() {
  useViewportInput();
  const help = useEditor((s) => s.helpOpen);
  const hasDoc = useDocument((s) => s.doc !== null);
  if (!hasDoc) return null;
  return (
    <>
      <ToolStrip />
      <CursorHint />
      <Brush />
      {help && <ShortcutHelp />}
    </>
  );
}
