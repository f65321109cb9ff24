// Properties of the selection, or of the hall when nothing is selected. Every edit goes through a
// named operation (renderer/document/operations.ts); values are shown and typed in display units
// (percent for shares) and converted to the document's SI here, at the UI edge. A rack's row,
// feeds and CDU are assigned from where it stands; the user may choose them here, and a later
// nudge within the row keeps that choice (document/reassign.ts).
import { useEffect } from 'react';
import { Building2, Server, Snowflake, Zap, Layers } from 'lucide-react';
import type { ProjectDocument, Rack, RowId } from '../../engine/model/index';
import { applyOperation, useDocument } from '../state/document';
import { useSession } from '../state/session';
import { renameObject, setEquipmentStatus, setHallField, setRackUtilisation, type HallField } from '../document/operations';
import { setRackConnection, setRackRow } from '../document/reassign';
import { useEditor } from '../editor/state';
import { formatLength } from '../editor/units';
import { NumberField, Readout, SelectField, TextField } from '../ui/Fields';
import { DrawnProperties, PlacementFields } from './PlacementFields';
import { LinkProperties } from './LinkProperties';
import { LinksSummary } from './LinksSummary';
import { pickerLists, type NearestIndex, type Sited } from './nearest';
import { prepareRefusal } from './placement-check';

const STATUS = [
  { value: 'running', label: 'Running' }, { value: 'failed', label: 'Failed' }, { value: 'off', label: 'Off' },
] as const;

function HallProperties({ doc }: { doc: ProjectDocument }) {
  const h = doc.hall;
  const set = (field: HallField) => (v: number | string | null) => { if (v !== null) applyOperation(setHallField, { field, value: v }); };
  return (
    <div className="body" data-testid="inspector-hall">
      <div className="kind-line"><Building2 size={14} />Hall · ASHRAE {h.ashraeClass} · {h.floor.kind === 'raised' ? 'raised floor' : 'slab floor'}</div>
      <TextField label="Name" value={h.name} onCommit={set('name')} testId="hall-name" />
      <NumberField label="Length" unit="m" value={h.lengthM} min={1} max={5000} onCommit={set('lengthM')} />
      <NumberField label="Width" unit="m" value={h.widthM} min={1} max={5000} onCommit={set('widthM')} />
      <NumberField label="Ceiling" unit="m" value={h.ceilingHeightM} min={2} max={30} onCommit={set('ceilingHeightM')} />
      <NumberField label="Supply air" unit="°C" value={h.supplyAirC} min={5} max={45} digits={1} onCommit={set('supplyAirC')} testId="hall-supply" />
      <NumberField label="Altitude" unit="m" value={h.altitudeM} min={-500} max={6000} digits={0} onCommit={set('altitudeM')} />
    </div>
  );
}

function RackProperties({ doc, ids }: { doc: ProjectDocument; ids: string[] }) {
  const wanted = new Set(ids);
  const racks = doc.racks.filter((r) => wanted.has(r.id));
  const first = racks[0]!;
  const type = doc.catalog.rackTypes.find((t) => t.id === first.typeId);
  const sameUtil = racks.every((r) => r.utilisation === first.utilisation);
  const siteDefault = doc.catalog.site.rackUtilisation;
  const commitUtil = (pct: number | null) => applyOperation(setRackUtilisation, { ids: racks.map((r) => r.id), utilisation: pct === null ? null : pct / 100 });
  const util = (
    <NumberField label="Utilisation" unit="%" value={sameUtil && first.utilisation !== null ? first.utilisation * 100 : null}
      placeholder={sameUtil ? `site ${Math.round(siteDefault * 100)}` : 'mixed'} nullable min={0} max={100} digits={0}
      onCommit={commitUtil} testId="rack-utilisation" />
  );
  if (racks.length > 1) {
    const kwOf = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.designPowerKw]));
    const kw = racks.reduce((s, r) => s + (kwOf.get(r.typeId) ?? 0), 0);
    return (
      <div className="body" data-testid="inspector-racks">
        <div className="kind-line"><Layers size={14} />{racks.length} racks</div>
        <Readout label="Design power" value={`${kw.toFixed(0)} kW`} />
        <PlacementFields doc={doc} items={racks} />
        <RowField doc={doc} racks={racks} />
        {util}
      </div>
    );
  }
  return (
    <div className="body" data-testid="inspector-rack">
      <div className="kind-line"><Server size={14} />Rack · {type?.name ?? first.typeId}</div>
      <TextField label="Name" value={first.name} onCommit={(name) => applyOperation(renameObject, { section: 'racks', id: first.id, name })} testId="object-name" />
      <PlacementFields doc={doc} items={racks} />
      {type !== undefined && <Readout label="Design power" value={`${type.designPowerKw} kW · ${Math.round(type.liquidFraction * 100)} % liquid`} />}
      <RackConnections doc={doc} rack={first} liquid={type !== undefined && type.liquidFraction > 0} />
      {util}
    </div>
  );
}

/** The row of one rack or of several (blank when they differ); feeds and CDU follow the row chosen. */
function RowField({ doc, racks }: { doc: ProjectDocument; racks: readonly Rack[] }) {
  const same = racks.every((r) => r.rowId === racks[0]!.rowId);
  const options = [{ value: '', label: 'none: not in a row' }, ...doc.rows.map((r) => ({ value: r.id as string, label: r.name }))];
  return (
    <SelectField label="Row" value={same ? racks[0]!.rowId ?? '' : '*'} testId="rack-row"
      options={same ? options : [{ value: '*', label: 'mixed' }, ...options]}
      onCommit={(v) => { if (v !== '*') applyOperation(setRackRow, { ids: racks.map((r) => r.id), rowId: v === '' ? null : v as RowId }); }} />
  );
}

/** How many busways or CDUs, nearest first, a rack's pickers offer (a gigawatt hall has thousands). */
const NEAREST = 8;

function RackConnections({ doc, rack, liquid }: { doc: ProjectDocument; rack: Rack; liquid: boolean }) {
  const units = useEditor((s) => s.units);
  const lists = pickerLists(doc);
  const options = <T extends Sited>(index: NearestIndex<T>, current: string | null, none: string) => {
    const shown = index.nearest(rack.position, NEAREST);
    const far = current === null || shown.some((c) => c.o.id === current) ? undefined : index.find(current);
    if (far !== undefined) shown.push({ o: far, d: Math.hypot(far.position.x - rack.position.x, far.position.y - rack.position.y) });
    return [{ value: '', label: none }, ...shown.map(({ o, d }) => ({ value: o.id, label: `${o.name} · ${formatLength(d, units, 1)}` }))];
  };
  const connect = (field: 'feedA' | 'feedB' | 'cduId') => (v: string) => applyOperation(setRackConnection, { ids: [rack.id], field, value: v === '' ? null : v });
  return (
    <>
      <RowField doc={doc} racks={[rack]} />
      <SelectField label="Feed A" value={rack.feedA ?? ''} options={options(lists.feedA, rack.feedA, 'none: not powered')} onCommit={connect('feedA')} testId="rack-feed-a" />
      <SelectField label="Feed B" value={rack.feedB ?? ''} options={options(lists.feedB, rack.feedB, 'none: not powered')} onCommit={connect('feedB')} testId="rack-feed-b" />
      {liquid && <SelectField label="CDU" value={rack.cduId ?? ''} options={options(lists.cdus, rack.cduId, 'none: liquid heat not removed')} onCommit={connect('cduId')} testId="rack-cdu" />}
    </>
  );
}

function EquipmentProperties({ doc, id, section }: { doc: ProjectDocument; id: string; section: 'cooling' | 'power' }) {
  const item = (doc[section] as readonly { id: string; name: string; typeId: string; status: 'running' | 'failed' | 'off' }[]).find((o) => o.id === id)!;
  const types = section === 'cooling' ? doc.catalog.coolingTypes : doc.catalog.powerTypes;
  const type = types.find((t) => t.id === item.typeId);
  const Icon = section === 'cooling' ? Snowflake : Zap;
  return (
    <div className="body" data-testid={`inspector-${section}`}>
      <div className="kind-line"><Icon size={14} />{type?.name ?? item.typeId}</div>
      <TextField label="Name" value={item.name} onCommit={(name) => applyOperation(renameObject, { section, id, name })} testId="object-name" />
      <SelectField label="Status" value={item.status} options={STATUS}
        onCommit={(status) => applyOperation(setEquipmentStatus, { section, id, status })} testId="equipment-status" />
    </div>
  );
}

/** Ids of `list` that are in `chosen` (added to `into`); no pass at all when nothing is selected. */
function selectedOf(list: readonly { id: string }[], chosen: ReadonlySet<string>, into = new Set<string>()): Set<string> {
  if (chosen.size > 0) for (const o of list) if (chosen.has(o.id)) into.add(o.id);
  return into;
}

export function Inspector() {
  const doc = useDocument((s) => s.doc);
  const selection = useSession((s) => s.selection);
  // A drag may come (its snap and refusal use the floor index), usually on an object the press
  // has just selected: have the index ready while idle, so its first pointer move does not build it.
  useEffect(() => (doc === null ? undefined : prepareRefusal(doc)), [doc]);
  let content = null;
  let title = 'Properties';
  if (doc !== null) {
    // One pass over each section with the selection as a set: selecting a type's 9,840 racks from
    // the palette compared every selected id with the whole hall, several times a render.
    const chosen = new Set(selection);
    const inRacks = selectedOf(doc.racks, chosen), inCooling = selectedOf(doc.cooling, chosen), inPower = selectedOf(doc.power, chosen);
    const inDrawn = selectedOf(doc.containment, chosen, selectedOf(doc.trays, chosen)), inLinks = selectedOf(doc.links, chosen);
    const present = selection.filter((id) => inRacks.has(id) || inCooling.has(id) || inPower.has(id));
    const rackIds = present.filter((id) => inRacks.has(id));
    const drawn = selection.filter((id) => inDrawn.has(id));
    const links = selection.filter((id) => inLinks.has(id));
    const objects = present.length + drawn.length;
    if (present.length === 0 && drawn.length === 1) content = <DrawnProperties doc={doc} id={drawn[0]!} />;
    else if (objects === 0 && links.length === 1) content = <LinkProperties doc={doc} id={links[0]!} />;
    else if (objects === 0 && links.length > 1) content = <LinksSummary doc={doc} ids={links} objects={0} />;
    else if (present.length === 0 && links.length === 0) content = <HallProperties doc={doc} />;
    else if (present.length === 0) content = null;
    else if (rackIds.length === present.length) content = <RackProperties doc={doc} ids={rackIds} />;
    else if (present.length === 1) {
      const id = present[0]!;
      content = <EquipmentProperties doc={doc} id={id} section={inCooling.has(id) ? 'cooling' : 'power'} />;
    } else {
      content = <div className="body"><div className="kind-line"><Layers size={14} />{present.length} objects of several kinds</div></div>;
    }
    // Links selected with objects: the objects' properties, then the links' figures, both counted.
    if (objects > 0 && links.length > 0) content = <>{content}<LinksSummary doc={doc} ids={links} objects={objects} /></>;
    if (objects > 0 && links.length > 0) title = `Properties · ${objects} ${objects === 1 ? 'object' : 'objects'}, ${links.length} ${links.length === 1 ? 'link' : 'links'} selected`;
    else if (present.length > 0) title = `Properties · ${present.length} selected`;
    else if (links.length > 1) title = `Properties · ${links.length} links selected`;
  }
  return (
    <section className="inspector" data-testid="inspector">
      <div className="panel-head">{title}</div>
      <div className="scroll">{content}</div>
    </section>
  );
}
