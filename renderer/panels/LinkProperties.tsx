// A link in the inspector: its two ends, what it carries, its cable type and routed length (as
// the connect tool or auto-cable stored them; a link nobody routed says so).
import { Cable } from 'lucide-react';
import type { ProjectDocument } from '../../engine/model/index';
import { useEditor } from '../editor/state';
import { formatLength } from '../editor/units';
import { Readout } from '../ui/Fields';

export function LinkProperties({ doc, id }: { doc: ProjectDocument; id: string }) {
  const units = useEditor((s) => s.units);
  const link = doc.links.find((l) => l.id === id)!;
  const names = new Map<string, string>();
  for (const o of [...doc.racks, ...doc.cooling, ...doc.power]) names.set(o.id, o.name);
  const end = (e: { objectId: string; port: string }) => `${names.get(e.objectId) ?? e.objectId} · ${e.port}`;
  const type = doc.catalog.cableTypes.find((t) => t.id === link.cableTypeId);
  const cable = link.cableTypeId === null ? 'not chosen' : type === undefined ? `${link.cableTypeId} (not in the catalog)` : `${type.name} · ${type.gbps} Gb/s`;
  return (
    <div className="body" data-testid="inspector-link">
      <div className="kind-line"><Cable size={14} />Link · {link.purpose}</div>
      <Readout label="From" value={end(link.a)} />
      <Readout label="To" value={end(link.b)} />
      <div data-testid="link-cable"><Readout label="Cable" value={cable} /></div>
      <div data-testid="link-length" data-metres={link.routedLengthM ?? ''}>
        <Readout label="Routed length" value={link.routedLengthM === null ? 'not routed' : formatLength(link.routedLengthM, units)} />
      </div>
    </div>
  );
}
