// Saved camera views: a drop-down over the viewport listing the document's views (click to go
// there) and a field to save the current camera under a name, through the view.add operation so
// saving a view is undoable and marks the document unsaved like any other edit.
import { useState } from 'react';
import { Bookmark, Plus, X } from 'lucide-react';
import { addView, removeView } from '../document/operations';
import { applyOperation, useDocument } from '../state/document';
import { goToView, readCamera } from '../scene/view-state';

export function ViewsMenu() {
  const views = useDocument((s) => s.doc?.views ?? []);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const save = () => {
    const camera = readCamera();
    const trimmed = name.trim();
    if (camera === null || trimmed === '') return;
    // Unique within the document without a clock or randomness: one more than the highest number used.
    const n = views.reduce((m, v) => Math.max(m, Number(v.id.replace(/^view-/, '')) || 0), 0) + 1;
    applyOperation(addView, { view: { id: `view-${n}`, name: trimmed, ...camera } });
    setName('');
  };
  return (
    <div className="views-menu">
      <button className="btn icon" title="Saved views" aria-pressed={open} aria-label="Saved views" data-testid="views-button" onClick={() => setOpen(!open)}>
        <Bookmark size={15} />
      </button>
      {open && (
        <div className="views-pop" data-testid="views-menu">
          <div className="views-head">Saved views</div>
          {views.length === 0 && <div className="faint views-empty">No saved views yet.</div>}
          {views.map((v) => (
            <div key={v.id} className="views-item">
              <button className="views-go" data-testid="view-item" onClick={() => goToView(v)}>
                {v.name}<span className="faint">{v.projection === 'plan' ? 'plan' : '3D'}</span>
              </button>
              <button className="btn icon small" title={`Delete ${v.name}`} onClick={() => applyOperation(removeView, { id: v.id })}><X size={12} /></button>
            </div>
          ))}
          <form className="views-save" onSubmit={(e) => { e.preventDefault(); save(); }}>
            <input value={name} placeholder="Name this view" aria-label="View name" data-testid="view-name" onChange={(e) => setName(e.target.value)} />
            <button className="btn icon small" type="submit" title="Save the current view" disabled={name.trim() === ''}><Plus size={13} /></button>
          </form>
        </div>
      )}
    </div>
  );
}
