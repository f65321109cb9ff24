// Catalog palette: the equipment types of the project's catalog, grouped by kind, with how many
// of each stand in the hall. Clicking a type selects every object of that type; a rack type is
// placed by dragging it into the hall, or with its + button (pick, then click or drag a row).
import { useMemo } from 'react';
import { Cpu, Database, Network, Plus, Server, Snowflake, Zap } from 'lucide-react';
import type { ProjectDocument, RackKind } from '../../engine/model/index';
import { useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { KIND_COLORS, COOLING_COLOR, POWER_COLOR } from '../scene/colors';
import { formatQuantity } from '../format/number';
import { useEditor } from '../editor/state';
import { setTool } from '../tools/manager';
import { PALETTE_MIME } from '../tools/viewport-input';

interface Entry { id: string; name: string; detail: string; placed: string[]; color: string; placeable?: boolean }
interface Group { title: string; icon: typeof Cpu; entries: Entry[] }

const RACK_GROUPS: { kind: RackKind; title: string; icon: typeof Cpu }[] = [
  { kind: 'gpu', title: 'GPU racks', icon: Server },
  { kind: 'network', title: 'Network racks', icon: Network },
  { kind: 'storage', title: 'Storage racks', icon: Database },
  { kind: 'cpu', title: 'CPU racks', icon: Cpu },
];

function groupsOf(doc: ProjectDocument): Group[] {
  const idsByType = new Map<string, string[]>();
  const note = (typeId: string, id: string) => {
    const list = idsByType.get(typeId);
    if (list === undefined) idsByType.set(typeId, [id]); else list.push(id);
  };
  for (const r of doc.racks) note(r.typeId, r.id);
  for (const c of doc.cooling) note(c.typeId, c.id);
  for (const p of doc.power) note(p.typeId, p.id);
  const kw = (v: number) => { const q = formatQuantity(v, 'kW'); return `${q.value} ${q.unit}`; };
  const groups: Group[] = RACK_GROUPS.map(({ kind, title, icon }) => ({
    title, icon,
    entries: doc.catalog.rackTypes.filter((t) => t.kind === kind).map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: KIND_COLORS[kind], placeable: true,
      detail: `${kw(t.designPowerKw)} · ${t.uHeight}U · ${Math.round(t.liquidFraction * 100)} % liquid`,
    })),
  }));
  groups.push({
    title: 'Cooling', icon: Snowflake,
    entries: doc.catalog.coolingTypes.map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: COOLING_COLOR, detail: `${t.kind.toUpperCase()} · ${kw(t.capacityKw)}`,
    })),
  });
  groups.push({
    title: 'Power', icon: Zap,
    entries: doc.catalog.powerTypes.map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: POWER_COLOR, detail: `${t.kind} · ${t.voltageV} V · ${t.ratedA} A`,
    })),
  });
  return groups.filter((g) => g.entries.length > 0);
}

export function Palette() {
  const doc = useDocument((s) => s.doc);
  const selection = useSession((s) => s.selection);
  const groups = useMemo(() => (doc === null ? [] : groupsOf(doc)), [doc]);
  const placing = useEditor((s) => (s.tool === 'place' ? s.placeTypeId : null));
  return (
    <aside className="app-left" data-testid="palette">
      <div className="panel-head">Catalog<span className="count">{doc?.catalog.name ?? ''}</span></div>
      <div className="scroll grow">
        {groups.map((g) => (
          <div key={g.title} className="palette-group">
            <div className="palette-group-title"><g.icon size={13} />{g.title}</div>
            {g.entries.map((e) => {
              const active = e.placed.length > 0 && e.placed.every((id) => selection.includes(id));
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
