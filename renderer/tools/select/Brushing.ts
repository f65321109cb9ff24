// Select tool, box selection (Shift-drag from empty floor): every object whose centre falls in
// the screen rectangle is added to the selection.
import { select, useSession } from '../../state/session';
import { useEditor } from '../../editor/state';
import { viewportBridge, type StateNode, type Tool, type ToolEvent } from '../types';
import { boxesOf, currentDoc, setBusy } from '../context';

export class SelectBrushing implements StateNode {
  readonly id = 'brushing';
  private x0 = 0;
  private y0 = 0;
  constructor(private readonly tool: Tool) {}

  onEnter(info?: unknown): void {
    const e = info as ToolEvent;
    this.x0 = e.clientX; this.y0 = e.clientY;
    useEditor.setState({ brush: { x0: e.clientX, y0: e.clientY, x1: e.clientX, y1: e.clientY } });
    setBusy(true);
  }

  onPointerMove(e: ToolEvent): void {
    useEditor.setState({ brush: { x0: this.x0, y0: this.y0, x1: e.clientX, y1: e.clientY } });
  }

  onPointerUp(e: ToolEvent): void {
    const doc = currentDoc();
    const project = viewportBridge.project;
    if (doc !== null && project !== null) {
      const [minX, maxX] = [Math.min(this.x0, e.clientX), Math.max(this.x0, e.clientX)];
      const [minY, maxY] = [Math.min(this.y0, e.clientY), Math.max(this.y0, e.clientY)];
      const inside = boxesOf(doc).filter((b) => {
        const p = project((b.fp.minX + b.fp.maxX) / 2, (b.fp.minY + b.fp.maxY) / 2, b.z0 + b.h / 2);
        return p !== null && p.clientX >= minX && p.clientX <= maxX && p.clientY >= minY && p.clientY <= maxY;
      }).map((b) => b.id);
      const current = useSession.getState().selection;
      select([...current, ...inside.filter((id) => !current.includes(id))]);
    }
    this.tool.transition('idle');
  }

  onCancel(): void { this.tool.transition('idle'); }

  onExit(): void {
    useEditor.setState({ brush: null });
    setBusy(false);
  }
}
