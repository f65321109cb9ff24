// Tray tool: a cable tray as a polyline at the overhead path height. Each click adds a corner
// (snapped to the tile grid); a double-click or Enter finishes the run, Escape drops it.
import type { HallPoint, Tray, TrayId } from '../../engine/model/index';
import { pt } from '../../engine/model/index';
import { select } from '../state/session';
import { insertRecords, named } from '../document/edits';
import { IdMaker } from '../document/ids';
import { roundMm } from '../editor/snap';
import { clearHint, showHint } from '../editor/state';
import { Tool, type StateNode, type ToolEvent } from './types';
import { clearPreview, currentDoc, setBusy, setPreview } from './context';
import { applyEdit } from './moves';

const addTray = named(insertRecords, 'tray.add');

function snapped(p: { x: number; y: number }, tile: number, free: boolean): HallPoint {
  return free ? pt(roundMm(p.x), roundMm(p.y)) : pt(roundMm(Math.round(p.x / tile) * tile), roundMm(Math.round(p.y / tile) * tile));
}

class TrayIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}
  onPointerMove(e: ToolEvent): void { if (e.point !== null) showHint('Click the corners of the tray run; double-click or Enter to finish', 'info', e); }
  onPointerDown(e: ToolEvent): boolean {
    const doc = currentDoc();
    if (e.button !== 0 || e.point === null || doc === null) return false;
    this.tool.transition('drawing', snapped(e.point, doc.hall.tileM, e.mod));
    return true;
  }
}

class TrayDrawing implements StateNode {
  readonly id = 'drawing';
  private points: HallPoint[] = [];
  private cursor: HallPoint | null = null;
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void { this.points = [info as HallPoint]; this.cursor = null; setBusy(true); this.show(); }

  private show(): void {
    const doc = currentDoc();
    const z = doc?.catalog.site.overheadPathHeightM ?? 3;
    const pts = this.cursor === null ? this.points : [...this.points, this.cursor];
    setPreview([], true, { lines: [pts.map((p) => ({ x: p.x, y: p.y, z }))] });
  }

  onPointerMove(e: ToolEvent): void {
    const doc = currentDoc();
    if (doc === null || e.point === null) return;
    this.cursor = snapped(e.point, doc.hall.tileM, e.mod);
    const length = [...this.points, this.cursor].reduce((s, p, i, a) => (i === 0 ? 0 : s + Math.hypot(p.x - a[i - 1]!.x, p.y - a[i - 1]!.y)), 0);
    showHint(`Tray ${length.toFixed(1)} m · double-click or Enter to finish`, 'info', e);
    this.show();
  }

  onPointerDown(e: ToolEvent): boolean {
    const doc = currentDoc();
    if (e.button !== 0 || e.point === null || doc === null) return false;
    const p = snapped(e.point, doc.hall.tileM, e.mod);
    const last = this.points[this.points.length - 1]!;
    if (p.x !== last.x || p.y !== last.y) this.points.push(p);
    this.show();
    return true;
  }

  onDoubleClick(): void { this.onComplete(); }

  onComplete(): void {
    const doc = currentDoc();
    const type = doc?.catalog.trayTypes[0];
    if (doc === null || type === undefined) { showHint('The catalog has no tray type', 'error', null); this.onCancel(); return; }
    if (this.points.length < 2) { showHint('A tray needs two corners at least', 'error', null); return; }
    const id = new IdMaker(doc).next('tray');
    const tray: Tray = {
      id: id as TrayId, typeId: type.id, name: `Tray ${id.split('-')[1]}`, points: this.points,
      elevationM: doc.catalog.site.overheadPathHeightM, tags: {},
    };
    // Links may now run along the new tray: routed again in the same undo step.
    applyEdit(addTray, { records: [{ section: 'trays', record: tray }] });
    select([tray.id]);
    clearPreview();
    // The run's "double-click or Enter to finish" would otherwise stay by the cursor until it moves.
    clearHint();
    this.tool.transition('idle');
  }

  onCancel(): void { clearPreview(); clearHint(); this.tool.transition('idle'); }
  onExit(): void { setBusy(false); }
}

export function createTrayTool(): Tool {
  return new Tool('tray', (t) => [new TrayIdle(t), new TrayDrawing(t)]);
}
