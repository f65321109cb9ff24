// Plan-view dimensions, as on a drawing: the hall's length and width outside its outline with
// extension lines and end ticks, and each row's length along the row (labelled with the row's
// name, see Labels). Lines are one LineSegments; the figures are two DOM labels (label-layer.tsx).
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { ProjectDocument } from '../../engine/model/index';
import { rowExtents } from './footprints';
import { useLabels, type LabelSpec } from './label-layer';

/** Distance of the dimension line from the hall outline, metres (grows a little with the hall). */
const offsetFor = (doc: ProjectDocument) => Math.max(1.2, Math.max(doc.hall.lengthM, doc.hall.widthM) * 0.03);
const MAX_ROW_DIMENSIONS = 120;

export function dimensionGeometry(doc: ProjectDocument): BufferGeometry {
  const { lengthM: L, widthM: W } = doc.hall;
  const o = offsetFor(doc), t = o * 0.25, z = 0.01;
  const p: number[] = [];
  const seg = (x0: number, y0: number, x1: number, y1: number, z0 = z) => p.push(x0, y0, z0, x1, y1, z0);
  // Length, below the hall: extension lines, dimension line, oblique ticks at the ends.
  seg(0, 0, 0, -o - t); seg(L, 0, L, -o - t); seg(0, -o, L, -o);
  seg(-t, -o - t, t, -o + t); seg(L - t, -o - t, L + t, -o + t);
  // Width, left of the hall.
  seg(0, 0, -o - t, 0); seg(0, W, -o - t, W); seg(-o, 0, -o, W);
  seg(-o - t, -t, -o + t, t); seg(-o - t, W - t, -o + t, W + t);
  // Rows: a line along the racks' tops with end ticks across the row.
  for (const r of rowExtents(doc).slice(0, MAX_ROW_DIMENSIONS)) {
    const zr = r.maxH + 0.02;
    const dx = r.b[0] - r.a[0], dy = r.b[1] - r.a[1], len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * 0.3, ny = (dx / len) * 0.3;
    seg(r.a[0], r.a[1], r.b[0], r.b[1], zr);
    seg(r.a[0] - nx, r.a[1] - ny, r.a[0] + nx, r.a[1] + ny, zr);
    seg(r.b[0] - nx, r.b[1] - ny, r.b[0] + nx, r.b[1] + ny, zr);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(p, 3));
  return g;
}

export function Dimensions({ doc }: { doc: ProjectDocument }) {
  const geometry = useMemo(() => dimensionGeometry(doc), [doc]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const { lengthM: L, widthM: W } = doc.hall;
  const labels = useMemo((): LabelSpec[] => {
    const o = offsetFor(doc);
    return [
      { key: 'dim:length', text: `${L.toFixed(2)} m`, at: [L / 2, -o, 0.02], className: 'dim-label', testId: 'dim-length' },
      { key: 'dim:width', text: `${W.toFixed(2)} m`, at: [-o, W / 2, 0.02], className: 'dim-label vertical', testId: 'dim-width' },
    ];
  }, [doc, L, W]);
  useLabels('dimensions', labels);
  return (
    <lineSegments name="dimensions" geometry={geometry} raycast={() => null}>
      <lineBasicMaterial color="#9fb3cc" />
    </lineSegments>
  );
}
