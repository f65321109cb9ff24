// The slides of a tour: the document's saved camera views when it has some (the presenter chose
// them), otherwise four that tell a hall's story to a customer: the whole hall, its plan, where
// it runs hottest, and what limits it. Pure: document, results and screen shape in, slides out.
import { frontDirection, type ProjectDocument, type RotationDeg } from '../../engine/model/index';
import type { EngineResults, Resource } from '../engine/results';
import { boundsOf, type Box3Like } from '../scene/footprints';
import type { Slide, SlideOverlay } from './tour';

/** The viewport camera's vertical field of view (Viewport.tsx), degrees. */
export const FOV_DEG = 40;
/** The 3D viewing direction from the target, hall coordinates: front-left, ~40° above the floor. */
const VIEW_DIRECTION: [number, number, number] = (() => {
  // CameraRig's three.js direction (-0.45, 0.78, 0.85) in hall axes (x, -z, y).
  const v = [-0.45, -0.85, 0.78];
  const n = Math.hypot(v[0]!, v[1]!, v[2]!);
  return [v[0]! / n, v[1]! / n, v[2]! / n];
})();
/** Share of the screen height the framed box takes: the title and the figures band take the rest. */
const FILL = 0.66;
/** The figures band is taller than the title: sit the picture this share of a screen higher. */
const LIFT = 0.03;
const MIN_FRAME_M = 6;

export const RESOURCE_LABEL: Record<Resource, string> = { compute: 'GPU compute', power: 'Power', cooling: 'Cooling', fabric: 'Fabric', storage: 'Storage' };
/** One word for the large figure. */
export const RESOURCE_SHORT: Record<Resource, string> = { compute: 'Compute', power: 'Power', cooling: 'Cooling', fabric: 'Fabric', storage: 'Storage' };

/** A camera that shows the box whole on a screen of the given aspect (width / height). */
export function viewOfBox(box: Box3Like, projection: 'perspective' | 'plan', aspect: number): Slide['view'] {
  const lx = Math.max(MIN_FRAME_M, box.max[0] - box.min[0]);
  const ly = Math.max(MIN_FRAME_M, box.max[1] - box.min[1]);
  const lz = box.max[2] - box.min[2];
  const target: [number, number, number] = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2, 0];
  if (projection === 'plan') {
    const visible = Math.max(ly, lx / Math.max(0.1, aspect)) / FILL;
    // Plan shows hall +y up on screen: a target further down the hall lifts the picture.
    target[1] -= visible * LIFT;
    return { projection, target, eye: [target[0], target[1], visible] };
  }
  // The bounding sphere fits the narrower of the two fields of view.
  const radius = Math.hypot(lx, ly, lz) / 2;
  const vFov = (FOV_DEG * Math.PI) / 180;
  const hFov = 2 * Math.atan(Math.tan(vFov / 2) * aspect);
  // The bounding sphere is loose around a flat hall (0.8 of its fitting distance fills the
  // screen) but tight around a block of racks, whose corners would touch the figures band.
  const flat = lz < 0.25 * Math.max(lx, ly);
  const distance = (radius / Math.sin(Math.min(vFov, hFov) / 2)) * (flat ? 0.8 : 1.1);
  return { projection, target, eye: [target[0] + VIEW_DIRECTION[0] * distance, target[1] + VIEW_DIRECTION[1] * distance, target[2] + VIEW_DIRECTION[2] * distance] };
}

/** The objects that stand for a resource in the hall (the results panel's "select what limits us"). */
export function objectsOfResource(doc: ProjectDocument, resource: Resource): string[] {
  const kindOf = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.kind]));
  const racksOf = (kind: string) => doc.racks.filter((r) => kindOf.get(r.typeId) === kind).map((r) => r.id as string);
  switch (resource) {
    case 'compute': return racksOf('gpu');
    case 'storage': return racksOf('storage');
    case 'fabric': return racksOf('network');
    case 'power': return doc.power.map((p) => p.id);
    case 'cooling': return doc.cooling.map((c) => c.id);
  }
}

/**
 * The aisle in front of the hottest rack: its row, and the racks that face it across the aisle
 * (their fronts point back at it, within a few metres). Null without results for this document.
 */
export function hottestAisle(doc: ProjectDocument, results: EngineResults | null): { ids: string[]; rackName: string; inletC: number } | null {
  if (results === null || results.rackInletC.length !== doc.racks.length || doc.racks.length === 0) return null;
  let hot = 0;
  for (let i = 1; i < doc.racks.length; i++) if ((results.rackInletC[i] ?? -Infinity) > (results.rackInletC[hot] ?? -Infinity)) hot = i;
  const rack = doc.racks[hot]!;
  const inletC = results.rackInletC[hot]!;
  if (!Number.isFinite(inletC)) return null;
  const f = frontDirection(rack.rotationDeg as RotationDeg);
  const ids = doc.racks.filter((r) => {
    if (r.id === rack.id || (rack.rowId !== null && r.rowId === rack.rowId)) return true;
    const g = frontDirection(r.rotationDeg as RotationDeg);
    // Facing racks: opposite fronts, the other rack ahead of this one by an aisle's width or so.
    const ahead = (r.position.x - rack.position.x) * f.x + (r.position.y - rack.position.y) * f.y;
    return f.x * g.x + f.y * g.y < -0.5 && ahead > 0 && ahead < 4.5;
  }).map((r) => r.id as string);
  return { ids, rackName: rack.name, inletC };
}

/** The overlay that shows each limit: rack draw for compute and power, air for cooling. */
const OVERLAY_OF: Record<Resource, SlideOverlay> = { compute: 'power', power: 'power', cooling: 'heat', fabric: 'links', storage: 'none' };

export function slidesFromViews(doc: ProjectDocument): Slide[] {
  return doc.views.map((v, i) => ({
    id: v.id, title: v.name,
    caption: `${doc.hall.name} · saved view ${i + 1} of ${doc.views.length}`,
    view: { eye: v.eye, target: v.target, projection: v.projection },
  }));
}

export function defaultSlides(doc: ProjectDocument, results: EngineResults | null, aspect: number): Slide[] {
  const hall: Box3Like = { min: [0, 0, 0], max: [doc.hall.lengthM, doc.hall.widthM, 2.5] };
  const slides: Slide[] = [
    {
      id: 'overview', title: 'The hall', view: viewOfBox(hall, 'perspective', aspect),
      caption: `${doc.racks.length} racks on ${(doc.hall.lengthM * doc.hall.widthM).toFixed(0)} m² · ${doc.rows.length} rows`,
    },
    {
      id: 'plan', title: 'Floor plan', view: viewOfBox(hall, 'plan', aspect),
      caption: `${doc.hall.lengthM.toFixed(1)} × ${doc.hall.widthM.toFixed(1)} m · ${doc.cooling.length} cooling units · ${doc.power.length} power units`,
    },
  ];
  const aisle = hottestAisle(doc, results);
  const aisleBox = aisle === null ? null : boundsOf(doc, aisle.ids);
  if (aisle !== null && aisleBox !== null) {
    slides.push({
      id: 'hottest-aisle', title: 'Hottest aisle', overlay: 'heat', view: viewOfBox(aisleBox, 'perspective', aspect),
      caption: `${aisle.rackName} takes in air at ${aisle.inletC.toFixed(1)} °C, the warmest inlet in the hall`,
    });
  }
  const b = results?.bottleneck ?? null;
  const limiting = b === null ? [] : objectsOfResource(doc, b.resource);
  const limitBox = limiting.length === 0 ? null : boundsOf(doc, limiting);
  if (b !== null && limitBox !== null) {
    const agents = b.maxAgents[b.resource];
    slides.push({
      id: 'bottleneck', title: `Bottleneck: ${RESOURCE_LABEL[b.resource]}`,
      overlay: OVERLAY_OF[b.resource],
      view: viewOfBox(limitBox, 'perspective', aspect),
      caption: `${RESOURCE_LABEL[b.resource]} limits the hall${agents !== undefined && Number.isFinite(agents) ? ` to ${Math.round(agents).toLocaleString('en-US')} agents at the SLO` : ''}; next: ${RESOURCE_LABEL[b.next]}`,
    });
  }
  return slides;
}

/** Saved views win: a presenter who saved some chose the story. */
export function slidesFor(doc: ProjectDocument, results: EngineResults | null, aspect: number): { slides: Slide[]; source: 'saved' | 'default' } {
  return doc.views.length > 0 ? { slides: slidesFromViews(doc), source: 'saved' } : { slides: defaultSlides(doc, results, aspect), source: 'default' };
}
