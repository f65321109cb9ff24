// Cable trays: every straight run of every tray as one instance of a shallow box at the tray's
// elevation, sized by its catalog type, so all trays cost one draw call.
import { useMemo } from 'react';
import { Color } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import { InstancedBoxes, type Placement } from './InstancedBoxes';

const TRAY_COLOR = new Color('#7a8596');
/** A tray type missing from the catalog still shows, at a common ladder-tray size. */
const DEFAULT_W = 0.3, DEFAULT_D = 0.1;

export function traySegments(doc: Pick<ProjectDocument, 'trays'> & { catalog: Pick<ProjectDocument['catalog'], 'trayTypes'> }): Placement[] {
  const types = new Map(doc.catalog.trayTypes.map((t) => [t.id as string, t]));
  const out: Placement[] = [];
  for (const tray of doc.trays) {
    const t = types.get(tray.typeId);
    const width = t?.widthM ?? DEFAULT_W, depth = t?.depthM ?? DEFAULT_D;
    for (let i = 0; i + 1 < tray.points.length; i++) {
      const a = tray.points[i]!, b = tray.points[i + 1]!;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (len < 1e-6) continue;
      // Runs overlap by a tray width at the corners so bends look closed.
      out.push({
        id: tray.id, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z0: tray.elevationM, w: len + width, d: width, h: depth,
        rotationDeg: (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI,
      });
    }
  }
  return out;
}

export function Trays({ doc, onPick }: { doc: ProjectDocument; onPick?: Parameters<typeof InstancedBoxes>[0]['onPick'] }) {
  // Only the trays and their types matter: a rack move leaves the runs (and their mesh) alone.
  const { trays } = doc, { trayTypes } = doc.catalog;
  const placements = useMemo(() => traySegments({ trays, catalog: { trayTypes } }), [trays, trayTypes]);
  const colors = useMemo(() => placements.map(() => TRAY_COLOR), [placements]);
  return <InstancedBoxes name="trays" placements={placements} colors={colors} {...(onPick === undefined ? {} : { onPick })} />;
}
