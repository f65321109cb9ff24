// Labels that stay readable: row names (thinned out on big halls so they never pile up) and the
// names of selected objects, a few DOM elements over the canvas (label-layer.tsx), never one per
// rack. In the plan view each row label also carries the row's length.
import { useMemo } from 'react';
import type { ProjectDocument } from '../../engine/model/index';
import { useSession } from '../state/session';
import { footprintIndex, rowExtents } from './footprints';
import { useLabels, type LabelSpec } from './label-layer';

/** More row labels than this overlap on screen at hall scale; show every n-th row instead. */
const MAX_ROW_LABELS = 48;
const MAX_SELECTED_LABELS = 12;

export function Labels({ doc, plan }: { doc: ProjectDocument; plan: boolean }) {
  const selection = useSession((s) => s.selection);
  const rows = useMemo((): LabelSpec[] => {
    const all = rowExtents(doc);
    const every = Math.ceil(all.length / MAX_ROW_LABELS);
    return all.filter((_, i) => i % every === 0).map((r) => ({
      key: `row:${r.id}`, text: r.name, at: [r.a[0], r.a[1], r.maxH + 0.25], className: 'scene-label row', testId: 'row-label',
      ...(plan ? { sub: `${r.lengthM.toFixed(1)} m` } : {}),
    }));
  }, [doc, plan]);
  const selected = useMemo((): LabelSpec[] => {
    const index = footprintIndex(doc);
    return selection.slice(0, MAX_SELECTED_LABELS).flatMap((id) => {
      const f = index.get(id);
      return f === undefined ? [] : [{ key: `sel:${f.id}`, text: f.name, at: [f.x, f.y, f.z0 + f.h + 0.3] as [number, number, number], className: 'scene-label selected', testId: 'selected-label' }];
    });
  }, [doc, selection]);
  useLabels('rows', rows);
  useLabels('selection', selected);
  return null;
}
