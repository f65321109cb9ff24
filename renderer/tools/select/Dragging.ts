// Select tool, dragging: the selection follows the pointer, snapped (the grabbed object's edges
// to its neighbours' edges, else to the tile grid). A position that collides is refused with the
// reason beside the cursor and the objects stay at the last good spot. Racks dropped in another
// row join it when the drag ends. The whole drag is one undo step; Escape puts everything back as
// if nothing happened. Both the snap and the refusal look only at the floor boxes near the moving
// objects, through the inspector's floor index (panels/placement-check.ts): same answers as
// looking at every box, without filtering a gigawatt hall's ~28,000 boxes per pointer move.
import { applyOperation } from '../../state/document';
import { useSession } from '../../state/session';
import { rotateObjects, translateObjects } from '../../document/edits';
import { history } from '../../editor/instance';
import { boundsOf, type ObjectBox } from '../../editor/objects';
import { clearHint, showHint } from '../../editor/state';
import type { ProjectDocument } from '../../../engine/model/index';
import type { StateNode, Tool, ToolEvent } from '../types';
import { reassignAfterMove } from '../moves';
import { boxesOf, currentDoc, setBusy } from '../context';
import { boxesOfIds, clashReason, snapAmong } from '../../panels/placement-check';

export class SelectDragging implements StateNode {
  readonly id = 'dragging';
  private mark = '';
  /** The document when the drag started: which racks moved, and from where. */
  private before: ProjectDocument | null = null;
  private ids: string[] = [];
  private start = { x: 0, y: 0 };
  private grabbed: ObjectBox | null = null;
  /** Offset applied to the document so far. */
  private applied = { x: 0, y: 0 };
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void {
    const { down, now } = info as { down: ToolEvent; now: ToolEvent };
    this.mark = history.mark('move');
    this.before = currentDoc();
    this.ids = [...useSession.getState().selection];
    this.grabbed = down.hit;
    this.start = down.point ?? { x: 0, y: 0 };
    this.applied = { x: 0, y: 0 };
    setBusy(true);
    this.onPointerMove(now);
  }

  onPointerMove(e: ToolEvent): void {
    const doc = currentDoc();
    if (doc === null || e.point === null || this.grabbed === null) return;
    const moving = new Set(this.ids);
    const mine = boxesOfIds(doc, this.ids);
    const grabbed = mine.find((b) => b.id === this.grabbed!.id) ?? mine[0];
    if (grabbed === undefined) return;
    // Where the grabbed object would be, from where it stands now.
    const want = { x: e.point.x - this.start.x - this.applied.x, y: e.point.y - this.start.y - this.applied.y };
    const fp = { minX: grabbed.fp.minX + want.x, maxX: grabbed.fp.maxX + want.x, minY: grabbed.fp.minY + want.y, maxY: grabbed.fp.maxY + want.y };
    const snap = snapAmong(doc, fp, moving, grabbed.z0 === 0 && !e.mod);
    const dx = Math.round((want.x + snap.dx) * 1000) / 1000, dy = Math.round((want.y + snap.dy) * 1000) / 1000;
    if (dx === 0 && dy === 0) return;
    const candidates = mine.filter((b) => b.blocking || b.section === 'containment').map((b) => ({
      fp: { minX: b.fp.minX + dx, maxX: b.fp.maxX + dx, minY: b.fp.minY + dy, maxY: b.fp.maxY + dy },
      label: b.name, kind: b.section === 'containment' ? 'aisle' as const : 'floor' as const,
    }));
    const reason = clashReason(doc, candidates, moving);
    if (reason !== null) { showHint(`Can't move here: ${reason}`, 'error', e); return; }
    clearHint();
    applyOperation(translateObjects, { ids: this.ids, dx, dy });
    this.applied = { x: this.applied.x + dx, y: this.applied.y + dy };
  }

  onRotate(): boolean {
    const doc = currentDoc();
    if (doc === null) return true;
    const moving = new Set(this.ids);
    const b = boundsOf(boxesOf(doc).filter((o) => moving.has(o.id)).map((o) => o.fp));
    if (b !== null) applyOperation(rotateObjects, { ids: this.ids, quarterTurns: 1, centre: { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 } });
    return true;
  }

  onPointerUp(e: ToolEvent): void {
    if (this.before !== null) reassignAfterMove(this.before, e);
    history.squashToMark(this.mark, 'object.move');
    this.tool.transition('idle');
  }

  onCancel(): void {
    history.bailToMark(this.mark);
    clearHint();
    this.tool.transition('idle');
  }

  onExit(): void { this.before = null; setBusy(false); }
}
