// Select tool, idle: a press on an object may become a click or a move; a Shift-press on empty
// floor starts a box selection; any other press is left to the camera (orbit, pan).
import { clearHint, useEditor } from '../../editor/state';
import type { StateNode, Tool, ToolEvent } from '../types';

/** The note left beside the cursor by a drag (its new row, a refusal) goes once the pointer moves on this far (px). */
const HINT_LINGER_PX = 48;

export class SelectIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}

  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0) return false;
    if (e.hit !== null) { this.tool.transition('pointing', e); return true; }
    if (e.shift) { this.tool.transition('brushing', e); return true; }
    return false;
  }

  onPointerMove(e: ToolEvent): void {
    const hint = useEditor.getState().hint;
    if (hint !== null && Math.hypot(e.clientX - hint.clientX, e.clientY - hint.clientY) > HINT_LINGER_PX) clearHint();
  }
}
