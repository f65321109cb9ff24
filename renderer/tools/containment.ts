// Containment tool: drag a rectangle over an aisle to contain it. Corners snap to the racks'
// edges (so the aisle is closed exactly between the rows) or the tile grid. The kind follows the
// racks along it: rears facing in make a hot aisle, fronts a cold one. The aisle must stay clear
// of racks and equipment; the height is that of the racks beside it.
import type { Footprint, ProjectDocument } from '../../engine/model/index';
import { frontDirection, overlaps } from '../../engine/model/index';
import { applyOperation } from '../state/document';
import { select } from '../state/session';
import { insertRecords, named } from '../document/edits';
import { buildContainment } from '../editor/build';
import { collisionReason } from '../editor/collision';
import { OBJECT_SNAP_M, roundMm } from '../editor/snap';
import { clearHint, showHint } from '../editor/state';
import { Tool, type StateNode, type ToolEvent } from './types';
import { boxesOf, clearPreview, currentDoc, setBusy, setPreview } from './context';

const addContainment = named(insertRecords, 'containment.add');
const DEFAULT_HEIGHT_M = 2.4;

function snapCoord(v: number, edges: readonly number[], tile: number): number {
  let best = Math.round(v / tile) * tile, bestD = Infinity;
  for (const e of edges) { const d = Math.abs(e - v); if (d < OBJECT_SNAP_M && d < bestD) { best = e; bestD = d; } }
  return roundMm(best);
}

function rectOf(doc: ProjectDocument, a: { x: number; y: number }, b: { x: number; y: number }): Footprint {
  const boxes = boxesOf(doc).filter((o) => o.blocking);
  // Only edges of objects beside the rectangle count: a cabinet across the hall is no guide.
  const lo = { x: Math.min(a.x, b.x) - 1, y: Math.min(a.y, b.y) - 1 }, hi = { x: Math.max(a.x, b.x) + 1, y: Math.max(a.y, b.y) + 1 };
  const xs = boxes.filter((o) => o.fp.maxY > lo.y && o.fp.minY < hi.y).flatMap((o) => [o.fp.minX, o.fp.maxX]);
  const ys = boxes.filter((o) => o.fp.maxX > lo.x && o.fp.minX < hi.x).flatMap((o) => [o.fp.minY, o.fp.maxY]);
  const x0 = snapCoord(a.x, xs, doc.hall.tileM), x1 = snapCoord(b.x, xs, doc.hall.tileM);
  const y0 = snapCoord(a.y, ys, doc.hall.tileM), y1 = snapCoord(b.y, ys, doc.hall.tileM);
  return { minX: Math.min(x0, x1), maxX: Math.max(x0, x1), minY: Math.min(y0, y1), maxY: Math.max(y0, y1) };
}

/** Racks touching the aisle's long sides, and whether their rears face into it. */
function aisleSides(doc: ProjectDocument, r: Footprint): { hot: boolean; heightM: number; racks: number } {
  const grown = { minX: r.minX - 0.05, maxX: r.maxX + 0.05, minY: r.minY - 0.05, maxY: r.maxY + 0.05 };
  const types = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  let rears = 0, fronts = 0, heightM = 0;
  const cx = (r.minX + r.maxX) / 2, cy = (r.minY + r.maxY) / 2;
  for (const b of boxesOf(doc)) {
    if (b.section !== 'racks' || !overlaps(b.fp, grown, 0)) continue;
    const rack = doc.racks.find((k) => k.id === b.id)!;
    const f = frontDirection(rack.rotationDeg);
    const inward = f.x * (cx - rack.position.x) + f.y * (cy - rack.position.y);
    if (inward > 0) fronts++; else rears++;
    heightM = Math.max(heightM, types.get(rack.typeId)?.heightM ?? 0);
  }
  return { hot: rears >= fronts, heightM: heightM > 0 ? heightM : DEFAULT_HEIGHT_M, racks: rears + fronts };
}

class ContainmentIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}
  onEnter(): void { clearPreview(); }
  onPointerMove(e: ToolEvent): void {
    if (e.point !== null) showHint('Drag a rectangle over the aisle to contain it', 'info', e);
  }
  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0 || e.point === null) return false;
    this.tool.transition('dragging', e);
    return true;
  }
}

class ContainmentDragging implements StateNode {
  readonly id = 'dragging';
  private from = { x: 0, y: 0 };
  private rect: Footprint | null = null;
  private reason: string | null = null;
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void {
    this.from = (info as ToolEvent).point!;
    this.rect = null;
    setBusy(true);
  }

  onPointerMove(e: ToolEvent): void {
    const doc = currentDoc();
    if (doc === null || e.point === null) return;
    const r = rectOf(doc, this.from, e.point);
    const sides = aisleSides(doc, r);
    this.rect = r;
    this.reason = r.maxX - r.minX < doc.hall.tileM || r.maxY - r.minY < doc.hall.tileM ? 'the aisle must be at least a tile each way'
      : collisionReason(doc, [{ fp: r, label: 'The contained aisle', kind: 'aisle' }], boxesOf(doc));
    setPreview([], this.reason === null, { rects: [{ fp: r, h: sides.heightM }] });
    const size = `${(r.maxX - r.minX).toFixed(1)} × ${(r.maxY - r.minY).toFixed(1)} m`;
    showHint(this.reason === null ? `${sides.hot ? 'Hot' : 'Cold'} aisle · ${size}` : `Can't contain: ${this.reason}`, this.reason === null ? 'info' : 'error', e);
  }

  onPointerUp(e: ToolEvent): void {
    this.onPointerMove(e);
    const doc = currentDoc();
    const r = this.rect;
    if (doc !== null && r !== null && this.reason === null) {
      const sides = aisleSides(doc, r);
      const record = buildContainment(doc, sides.hot ? 'hot-aisle' : 'cold-aisle', { x: r.minX, y: r.minY }, { x: r.maxX, y: r.maxY }, sides.heightM);
      if (record !== null) {
        applyOperation(addContainment, { records: [{ section: 'containment', record }] });
        select([record.id]);
        showHint(`${record.name} contained`, 'info', e);
      } else {
        showHint('The catalog has no containment type', 'error', e);
      }
    }
    clearPreview();
    this.tool.transition('idle');
  }

  onCancel(): void { clearPreview(); clearHint(); this.tool.transition('idle'); }
  onExit(): void { setBusy(false); }
}

export function createContainmentTool(): Tool {
  return new Tool('containment', (t) => [new ContainmentIdle(t), new ContainmentDragging(t)]);
}
