// Select tool, pressed on an object: released in place it is a click (select, Shift toggles);
// moved past a few pixels it becomes a drag that moves the selection.
import { select, useSession } from '../../state/session';
import { DRAG_PX, type StateNode, type Tool, type ToolEvent } from '../types';
import { moved } from '../context';

export class SelectPointing implements StateNode {
  readonly id = 'pointing';
  private down: ToolEvent | null = null;
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void {
    const e = info as ToolEvent;
    this.down = e;
    const id = e.hit!.id;
    // Pressing an unselected object selects it at once, so dragging it moves it alone.
    if (!e.shift && !useSession.getState().selection.includes(id)) select([id]);
  }

  onPointerMove(e: ToolEvent): void {
    if (this.down !== null && moved(e, this.down, DRAG_PX)) {
      const down = this.down;
      const selection = useSession.getState().selection;
      if (!selection.includes(down.hit!.id)) select([...selection, down.hit!.id]);
      this.tool.transition('dragging', { down, now: e });
    }
  }

  onPointerUp(e: ToolEvent): void {
    const id = this.down?.hit?.id;
    if (id !== undefined) {
      const current = useSession.getState().selection;
      if (e.shift) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
      else select([id]);
    }
    this.tool.transition('idle');
  }

  onCancel(): void { this.tool.transition('idle'); }
}
