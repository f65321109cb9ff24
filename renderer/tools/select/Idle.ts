// Select tool, idle: a press on an object may become a click or a move; a press on a cable
// (within a few pixels, no object under the pointer) may become a click on its link; a
// Shift-press on empty floor starts a box selection; any other press is left to the camera.
import { clearHint, useEditor } from '../../editor/state';
import type { StateNode, Tool, ToolEvent } from '../types';
import { cablePicker } from './cable-pick';

/** The note left beside the cursor by a drag (its new row, a refusal) goes once the pointer moves on this far (px). */
const HINT_LINGER_PX = 48;

export class SelectIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}

  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0) return false;
    if (e.hit !== null) { this.tool.transition('pointing', e); return true; }
    const linkId = cablePicker.at?.(e.clientX, e.clientY) ?? null;
    if (linkId !== null) { this.tool.transition('pointingCable', { down: e, linkId }); return true; }
    if (e.shift) { this.tool.transition('brushing', e); return true; }
    return false;
  }

  onPointerMove(e: ToolEvent): void {
    const hint = useEditor.getState().hint;
    if (hint !== null && Math.hypot(e.clientX - hint.clientX, e.clientY - hint.clientY) > HINT_LINGER_PX) clearHint();
  }
}
