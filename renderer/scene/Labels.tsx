// Labels that stay readable: row names (thinned out on big halls so they never pile up) and the
// names of selected objects, as a few DOM elements placed over the canvas, never one per rack.
// In the plan view each row label also carries the row's length.
import { useMemo } from 'react';
import { Html } from '@react-three/drei';
import type { ProjectDocument } from '../../engine/model/index';
import { useSession } from '../state/session';
import { footprintIndex, rowExtents } from './footprints';

/** More row labels than this overlap on screen at hall scale; show every n-th row instead. */
const MAX_ROW_LABELS = 48;
const MAX_SELECTED_LABELS = 12;

export function Labels({ doc, plan }: { doc: ProjectDocument; plan: boolean }) {
  const selection = useSession((s) => s.selection);
  const rows = useMemo(() => {
    const all = rowExtents(doc);
    const every = Math.ceil(all.length / MAX_ROW_LABELS);
    return all.filter((_, i) => i % every === 0);
  }, [doc]);
  const selected = useMemo(() => {
    const index = footprintIndex(doc);
    return selection.slice(0, MAX_SELECTED_LABELS).flatMap((id) => index.get(id) ?? []);
  }, [doc, selection]);
  return (
    <group name="labels">
      {rows.map((r) => (
        <Html key={r.id} position={[r.a[0], r.a[1], r.maxH + 0.25]} center zIndexRange={[20, 0]} className="scene-label-anchor">
          <div className="scene-label row" data-testid="row-label">
            {r.name}{plan && <span className="scene-label-dim">{r.lengthM.toFixed(1)} m</span>}
          </div>
        </Html>
      ))}
      {selected.map((f) => (
        <Html key={f.id} position={[f.x, f.y, f.z0 + f.h + 0.3]} center zIndexRange={[30, 21]} className="scene-label-anchor">
          <div className="scene-label selected" data-testid="selected-label">{f.name}</div>
        </Html>
      ))}
    </group>
  );
}
