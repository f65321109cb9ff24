// Select tool, pressed on a cable (a drawn link, no object under the pointer): released in place
// it is a click that selects the link (Shift toggles it in the selection); a Shift-drag from
// there is a box selection as from open floor; any other drag does nothing, since links are
// moved by moving their ends.
import { select, useSession } from '../../state/session';
import { DRAG_PX, type StateNode, type Tool, type ToolEvent } from '../types';
import { moved } from '../context';

export class SelectPointingCable implements StateNode {
  readonly id = 'pointingCable';
  private down: ToolEvent | null = null;
  private linkId = '';
  private dragged = false;
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void {
    const { down, linkId } = info as { down: ToolEvent; linkId: string };
    this.down = down;
    this.linkId = linkId;
    this.dragged = false;
  }

  onPointerMove(e: ToolEvent): void {
    if (this.down === null || this.dragged || !moved(e, this.down, DRAG_PX)) return;
    this.dragged = true;
    if (this.down.shift) {
      const down = this.down;
      this.tool.transition('brushing', down);
      this.tool.current.onPointerMove?.(e);
    }
  }

  onPointerUp(e: ToolEvent): void {
    if (!this.dragged) {
      const current = useSession.getState().selection;
      const id = this.linkId;
      if (e.shift) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
      else select([id]);
    }
    this.tool.transition('idle');
  }

  onCancel(): void { this.tool.transition('idle'); }

  onExit(): void { this.down = null; }
}
