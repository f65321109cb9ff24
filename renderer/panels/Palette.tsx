// Catalog palette: the equipment types of the project's catalog, grouped by kind, with how many
// of each stand in the hall. Clicking a type selects every object of that type; a rack type is
// placed by dragging it into the hall, or with its + button (pick, then click or drag a row).
import { useMemo } from 'react';
import { Plus } from 'lucide-react';
import { useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { useEditor } from '../editor/state';
import { setTool } from '../tools/manager';
import { PALETTE_MIME } from '../tools/viewport-input';
import { paletteGroups, type Group } from './palette-groups';

const NO_GROUPS: Group[] = [];

export function Palette() {
  // Selectors that keep their value across edits that add, remove or retype nothing: no render for a move.
  const groups = useDocument((s) => (s.doc === null ? NO_GROUPS : paletteGroups(s.doc)));
  const catalogName = useDocument((s) => s.doc?.catalog.name ?? '');
  const selection = useSession((s) => s.selection);
  const selected = useMemo(() => new Set(selection), [selection]);
  const placing = useEditor((s) => (s.tool === 'place' ? s.placeTypeId : null));
  return (
    <aside className="app-left" data-testid="palette">
      <div className="panel-head">Catalog<span className="count">{catalogName}</span></div>
      <div className="scroll grow">
        {groups.map((g) => (
          <div key={g.title} className="palette-group">
            <div className="palette-group-title"><g.icon size={13} />{g.title}</div>
            {g.entries.map((e) => {
              const active = e.placed.length > 0 && e.placed.every((id) => selected.has(id));
              const item = (
                <button key={e.id} className="palette-item" aria-pressed={active} disabled={e.placed.length === 0 && e.placeable !== true}
                  title={e.placed.length > 0 ? `Select all ${e.placed.length} placed` : e.placeable === true ? 'Drag into the hall to place' : 'None placed'}
                  draggable={e.placeable === true} data-type-id={e.id}
                  onDragStart={(ev) => { ev.dataTransfer.setData(PALETTE_MIME, e.id); ev.dataTransfer.effectAllowed = 'copy'; setTool('place', e.id); }}
                  onClick={() => select(e.placed)}>
                  <span className="swatch" style={{ background: e.color }} />
                  <span className="palette-text">
                    <span className="palette-name">{e.name}</span>
                    <span className="palette-detail">{e.detail}</span>
                  </span>
                  <span className="palette-count mono">{e.placed.length > 0 ? e.placed.length : ''}</span>
                </button>
              );
              if (e.placeable !== true) return item;
              return (
                <div key={e.id} className="palette-row">
                  {item}
                  <button className="btn icon small palette-place" aria-pressed={placing === e.id} data-testid={`place-${e.id}`}
                    title={`Place ${e.name}: click in the hall for one, drag for a row (N)`} onClick={() => setTool('place', e.id)}>
                    <Plus size={13} />
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </aside>
  );
}
