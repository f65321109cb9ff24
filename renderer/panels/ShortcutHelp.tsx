// The shortcut help (?): every registered action with a shortcut, read from the registry so the
// list can never disagree with what the keys do.
import { X } from 'lucide-react';
import { allActions } from '../actions/registry';
import { useEditor } from '../editor/state';

const GROUPS: { title: string; prefix: string[] }[] = [
  { title: 'Edit', prefix: ['edit.'] },
  { title: 'Tools', prefix: ['tool.', 'fabric.'] },
  { title: 'View', prefix: ['view.', 'help.'] },
  { title: 'File', prefix: ['file.'] },
];

const MOUSE: [string, string][] = [
  ['Click / Shift+click', 'Select / add or remove'],
  ['Shift+drag on the floor', 'Box select'],
  ['Drag an object', 'Move (snaps to rows and tiles; Ctrl: no snap)'],
  ['Drag a palette entry into the hall', 'Place that type'],
  ['Left / right drag, wheel', 'Orbit / pan, zoom'],
];

export function ShortcutHelp() {
  const actions = allActions().filter((a) => a.shortcut !== undefined);
  const close = () => useEditor.setState({ helpOpen: false });
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
      <div className="panel-head">Keyboard shortcuts<button className="btn icon small" aria-label="Close" onClick={close}><X size={14} /></button></div>
      <div className="shortcut-cols">
        {GROUPS.map((g) => {
          const items = actions.filter((a) => g.prefix.some((p) => a.id.startsWith(p)));
          if (items.length === 0) return null;
          return (
            <div key={g.title}>
              <div className="shortcut-group">{g.title}</div>
              {items.map((a) => <div key={a.id} className="shortcut-row"><kbd>{a.shortcut}</kbd><span>{a.label}</span></div>)}
            </div>
          );
        })}
        <div>
          <div className="shortcut-group">Mouse</div>
          {MOUSE.map(([k, v]) => <div key={k} className="shortcut-row"><kbd>{k}</kbd><span>{v}</span></div>)}
        </div>
      </div>
    </div>
  );
}
