// Top bar: file commands, the document's name with its unsaved marker, and the engine's state.
import { FilePlus2, FolderOpen, Save, SaveAll, FileOutput, Factory, Loader2, CircleCheck, CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { getAction, runAction } from '../actions/registry';
import { useActionContext } from '../app/context';
import { fileNameOf, isDirty, useDocument } from '../state/document';
import { useSession } from '../state/session';

function ActionButton({ id, icon, text }: { id: string; icon: ReactNode; text?: string }) {
  const ctx = useActionContext();
  const action = getAction(id);
  // Re-render when the document appears or goes, which is what file actions' enabled() reads.
  useDocument((s) => s.doc !== null);
  if (action === undefined) return null;
  const enabled = action.enabled === undefined || action.enabled();
  const tip = action.shortcut === undefined ? action.label : `${action.label} (${action.shortcut})`;
  return (
    <button className={text === undefined ? 'btn icon' : 'btn'} title={tip} aria-label={action.label} disabled={!enabled}
      data-action={id} onClick={() => void runAction(id, ctx)}>
      {icon}{text}
    </button>
  );
}

function EngineState() {
  const engine = useSession((s) => s.engine);
  if (engine.status === 'computing') {
    return <span className="engine-state" data-testid="engine-state" data-status="computing"><Loader2 size={14} className="spin" />Computing…</span>;
  }
  if (engine.status === 'error') {
    return <span className="engine-state err" data-testid="engine-state" data-status="error" title={engine.error ?? ''}><CircleAlert size={14} />Engine error</span>;
  }
  if (engine.status === 'ready') {
    return (
      <span className="engine-state ok" data-testid="engine-state" data-status="ready">
        <CircleCheck size={14} />Results current{engine.computeMs !== null && <span className="faint mono">{engine.computeMs.toFixed(0)} ms</span>}
      </span>
    );
  }
  return <span className="engine-state" data-testid="engine-state" data-status="idle">Engine idle</span>;
}

export function Toolbar() {
  const path = useDocument((s) => s.path);
  const dirty = useDocument(isDirty);
  const hallName = useDocument((s) => s.doc?.hall.name ?? '');
  return (
    <header className="toolbar">
      <div className="brand"><Factory size={16} /><span>Factory Twin</span></div>
      <div className="sep" />
      <ActionButton id="file.new" icon={<FilePlus2 size={15} />} />
      <ActionButton id="file.open" icon={<FolderOpen size={15} />} />
      <ActionButton id="file.save" icon={<Save size={15} />} />
      <ActionButton id="file.saveAs" icon={<SaveAll size={15} />} />
      <ActionButton id="file.export" icon={<FileOutput size={15} />} />
      <div className="sep" />
      <div className="doc-title" data-testid="doc-title" data-dirty={dirty}>
        <span className="doc-file">{fileNameOf(path)}</span>
        {dirty && <span className="dirty-dot" title="Unsaved changes" aria-label="Unsaved changes" />}
        <span className="faint">{hallName}</span>
      </div>
      <div className="grow" />
      <EngineState />
    </header>
  );
}
