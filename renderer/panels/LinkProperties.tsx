// A link in the inspector: its two ends, what it carries, its cable type and routed length (as
// the connect tool or auto-cable stored them, kept current by moves; a link nobody routed says so).
// The cable type is Automatic (the cheapest that reaches, picked again when the length changes) or
// chosen by hand (tagged, document/relink.ts: kept after moves, and reported when it stops reaching).
import { Cable } from 'lucide-react';
import type { CatalogId, ProjectDocument } from '../../engine/model/index';
import { isTypeChosen, setLinkCable } from '../document/relink';
import { applyOperation } from '../state/document';
import { useEditor } from '../editor/state';
import { formatLength } from '../editor/units';
import { Readout, SelectField } from '../ui/Fields';

export function LinkProperties({ doc, id }: { doc: ProjectDocument; id: string }) {
  const units = useEditor((s) => s.units);
  const link = doc.links.find((l) => l.id === id)!;
  const names = new Map<string, string>();
  for (const o of [...doc.racks, ...doc.cooling, ...doc.power]) names.set(o.id, o.name);
  const end = (e: { objectId: string; port: string }) => `${names.get(e.objectId) ?? e.objectId} · ${e.port}`;
  const type = doc.catalog.cableTypes.find((t) => t.id === link.cableTypeId);
  const cable = link.cableTypeId === null ? 'not chosen' : type === undefined ? `${link.cableTypeId} (not in the catalog)` : `${type.name} · ${type.gbps} Gb/s`;
  const AUTO = '';
  const options = [
    { value: AUTO, label: 'Automatic (cheapest that reaches)' },
    ...doc.catalog.cableTypes.map((t) => ({ value: t.id as string, label: `${t.name} · ${t.gbps} Gb/s · ${t.maxReachM} m` })),
  ];
  const tooShort = type !== undefined && link.routedLengthM !== null && link.routedLengthM > type.maxReachM;
  return (
    <div className="body" data-testid="inspector-link">
      <div className="kind-line"><Cable size={14} />Link · {link.purpose}</div>
      <Readout label="From" value={end(link.a)} />
      <Readout label="To" value={end(link.b)} />
      <div data-testid="link-cable"><Readout label="Cable" value={cable} /></div>
      <SelectField label="Cable type" value={isTypeChosen(link) ? (link.cableTypeId as string) : AUTO} options={options} testId="link-cable-choice"
        onCommit={(v) => applyOperation(setLinkCable, { id, cableTypeId: v === AUTO ? null : v as CatalogId })} />
      {tooShort && <div className="field-error" role="alert" data-testid="link-too-short">{`${type.name} reaches ${type.maxReachM} m, less than the routed length`}</div>}
      <div data-testid="link-length" data-metres={link.routedLengthM ?? ''}>
        <Readout label="Routed length" value={link.routedLengthM === null ? 'not routed' : formatLength(link.routedLengthM, units)} />
      </div>
    </div>
  );
}
