// Place tool (palette pick-and-click, and the row tool): hovering shows a ghost of the chosen
// rack type, snapped to rows and the tile grid; a click places one rack; a drag lays a row of N
// racks in one gesture. Orientation follows the hot/cold aisle rule (a new row faces the
// neighbouring row front to front across a cold aisle, or back to back across a hot aisle); R
// turns it by 90 degrees. A spot that collides is refused with the reason beside the cursor.
import type { ProjectDocument, RackType, RotationDeg } from '../../engine/model/index';
import { footprint, frontDirection } from '../../engine/model/index';
import { applyOperation } from '../state/document';
import { notify, select } from '../state/session';
import { placeRacks } from '../document/edits';
import { buildRacks } from '../editor/build';
import { collisionReason } from '../editor/collision';
import { snapShift, roundMm } from '../editor/snap';
import { clearHint, showHint, useEditor } from '../editor/state';
import { DRAG_PX, Tool, type StateNode, type ToolEvent } from './types';
import { boxesOf, clearPreview, currentDoc, moved, setBusy, setPreview } from './context';

/** How far (metres) a neighbouring row may be for the aisle rule to apply. */
const AISLE_REACH_M = 4;

interface Layout { spots: { x: number; y: number }[]; rotation: RotationDeg; reason: string | null }

/** Rotation by the aisle rule: face a neighbour's front (cold aisle), or its rear (hot aisle). */
function aisleRotation(doc: ProjectDocument, at: { x: number; y: number }): RotationDeg {
  let best: ProjectDocument['racks'][number] | null = null, bestD = Infinity;
  for (const r of doc.racks) {
    if (r.rotationDeg % 180 !== 0 || Math.abs(r.position.x - at.x) > 3) continue;
    const d = Math.abs(r.position.y - at.y);
    if (d > 0.3 && d < AISLE_REACH_M && d < bestD) { best = r; bestD = d; }
  }
  if (best === null) return 0;
  const towardUs = Math.sign(at.y - best.position.y);
  const frontFacesUs = frontDirection(best.rotationDeg).y === towardUs;
  // Front to front: our front faces back toward them. Back to back: our rear faces them.
  const ourFrontY = frontFacesUs ? -towardUs : towardUs;
  return ourFrontY < 0 ? 0 : 180;
}

/** The rotation chosen with R is shared by the tool's states (null: the aisle rule decides). */
const shared: { rotation: RotationDeg | null; last: RotationDeg } = { rotation: null, last: 0 };
const turnOnce = (): boolean => { shared.rotation = ((shared.last + 90) % 360) as RotationDeg; return true; };

class PlaceState {
  get rotation(): RotationDeg | null { return shared.rotation; }
  constructor(protected readonly tool: Tool) {}

  type(doc: ProjectDocument): RackType | null {
    const id = useEditor.getState().placeTypeId;
    return doc.catalog.rackTypes.find((t) => t.id === id) ?? null;
  }

  /** Snapped spots of a row from `from` to `to` (one rack when they coincide). */
  layout(doc: ProjectDocument, t: RackType, from: { x: number; y: number }, to: { x: number; y: number }, snap: boolean): Layout {
    const rotation = this.rotation ?? aisleRotation(doc, from);
    shared.last = rotation;
    const alongX = rotation % 180 === 0;
    const boxes = boxesOf(doc);
    const fp0 = footprint(from, t.widthM, t.depthM, rotation);
    const s = snapShift(fp0, boxes, doc.hall.tileM, snap);
    const first = { x: roundMm(from.x + s.dx), y: roundMm(from.y + s.dy) };
    const run = alongX ? to.x - from.x : to.y - from.y;
    const n = Math.max(1, Math.floor(Math.abs(run) / t.widthM + 0.5) + 1);
    const step = Math.sign(run || 1) * t.widthM;
    const spots = Array.from({ length: n }, (_, i) => (alongX ? { x: roundMm(first.x + i * step), y: first.y } : { x: first.x, y: roundMm(first.y + i * step) }));
    const candidates = spots.map((p, i) => ({ fp: footprint(p, t.widthM, t.depthM, rotation), label: n > 1 ? `Rack ${i + 1} of ${n}` : 'The rack', kind: 'floor' as const }));
    return { spots, rotation, reason: collisionReason(doc, candidates, boxes) };
  }

  show(doc: ProjectDocument, t: RackType, l: Layout, e: ToolEvent): void {
    setPreview(l.spots.map((p) => ({ fp: footprint(p, t.widthM, t.depthM, l.rotation), z0: 0, h: t.heightM, rotationDeg: l.rotation, front: true })), l.reason === null);
    if (l.reason !== null) showHint(`Can't place: ${l.reason}`, 'error', e);
    else showHint(l.spots.length > 1 ? `${l.spots.length} racks · ${t.name}` : `${t.name} · R to turn`, 'info', e);
  }

  commit(doc: ProjectDocument, t: RackType, l: Layout, e: ToolEvent): void {
    if (l.reason !== null) { showHint(`Can't place: ${l.reason}`, 'error', e); return; }
    const built = buildRacks(doc, t.id, l.spots, l.rotation);
    applyOperation(placeRacks, { racks: built.racks });
    select(built.racks.map((r) => r.id));
    const what = `Placed ${built.racks.length} × ${t.name}`;
    if (built.missing.length > 0) notify({ tone: 'info', title: what, detail: 'Not connected: the power or cooling model does not count these racks fully.', items: built.missing });
    showHint(built.missing.length > 0 ? `${what} · ${built.missing.join('; ')}` : `${what} · row ${built.racks[0]!.rowId ?? '—'}`, 'info', e);
  }
}

class PlaceIdle extends PlaceState implements StateNode {
  readonly id = 'idle';
  onPointerMove(e: ToolEvent): void {
    const doc = currentDoc();
    const t = doc === null ? null : this.type(doc);
    if (doc === null || t === null || e.point === null) { clearPreview(); return; }
    this.show(doc, t, this.layout(doc, t, e.point, e.point, !e.mod), e);
  }
  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0 || e.point === null) return false;
    this.tool.transition('pointing', e);
    return true;
  }
  onRotate(): boolean { return turnOnce(); }
  onExit(): void { /* the ghost stays while pointing */ }
}

class PlacePointing extends PlaceState implements StateNode {
  readonly id = 'pointing';
  private down: ToolEvent | null = null;
  onEnter(info?: unknown): void { this.down = info as ToolEvent; setBusy(true); }
  onPointerMove(e: ToolEvent): void {
    const doc = currentDoc();
    const t = doc === null ? null : this.type(doc);
    if (doc === null || t === null || this.down?.point == null || e.point === null) return;
    const l = this.layout(doc, t, this.down.point, moved(e, this.down, DRAG_PX) ? e.point : this.down.point, !e.mod);
    this.show(doc, t, l, e);
  }
  onPointerUp(e: ToolEvent): void {
    const doc = currentDoc();
    const t = doc === null ? null : this.type(doc);
    if (doc !== null && t !== null && this.down?.point != null) {
      const to = e.point !== null && moved(e, this.down, DRAG_PX) ? e.point : this.down.point;
      this.commit(doc, t, this.layout(doc, t, this.down.point, to, !e.mod), e);
    }
    this.tool.transition('idle');
  }
  onRotate(): boolean { return turnOnce(); }
  onCancel(): void { clearPreview(); clearHint(); this.tool.transition('idle'); }
  onExit(): void { setBusy(false); }
}

export function createPlaceTool(): Tool {
  return new Tool('place', (tool) => [new PlaceIdle(tool), new PlacePointing(tool)]);
}

/** A new pick from the palette starts with the aisle rule again. */
export function resetPlaceRotation(): void { shared.rotation = null; }
