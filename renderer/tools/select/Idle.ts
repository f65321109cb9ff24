// Select tool, idle: a press on an object may become a click or a move; a Shift-press on empty
// floor starts a box selection; any other press is left to the camera (orbit, pan).
import type { StateNode, Tool, ToolEvent } from '../types';

export class SelectIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}

  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0) return false;
    if (e.hit !== null) { this.tool.transition('pointing', e); return true; }
    if (e.shift) { this.tool.transition('brushing', e); return true; }
    return false;
  }
}
