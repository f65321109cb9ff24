// The active tool and the input it receives: the viewport forwards pointer events here, the
// actions forward Escape, R and Enter. Switching tools cancels the gesture in progress.
import { useEditor, clearHint, type ToolId } from '../editor/state';
import { onDocumentLoad } from '../state/document';
import { createConnectTool } from './connect';
import { createContainmentTool } from './containment';
import { clearPreview } from './context';
import { createPlaceTool, resetPlaceRotation } from './place';
import { createSelectTool } from './select/index';
import { createTrayTool } from './tray';
import type { Tool, ToolEvent } from './types';

const tools: Record<ToolId, Tool> = {
  select: createSelectTool(),
  place: createPlaceTool(),
  containment: createContainmentTool(),
  tray: createTrayTool(),
  connect: createConnectTool(),
};

const active = (): Tool => tools[useEditor.getState().tool];

export function setTool(id: ToolId, placeTypeId?: string): void {
  active().reset();
  clearPreview();
  clearHint();
  if (id === 'place') resetPlaceRotation();
  useEditor.setState({ tool: id, ...(placeTypeId !== undefined ? { placeTypeId } : {}) });
}

/** A press: true when the tool takes it (the camera must not orbit). */
export function pointerDown(e: ToolEvent): boolean { return active().current.onPointerDown?.(e) ?? false; }
export function pointerMove(e: ToolEvent): void { active().current.onPointerMove?.(e); }
export function pointerUp(e: ToolEvent): void { active().current.onPointerUp?.(e); }
export function doubleClick(e: ToolEvent): void { active().current.onDoubleClick?.(e); }
export function pointerLeave(): void { if (!useEditor.getState().busy) { clearPreview(); clearHint(); } }

/** Escape: cancel the gesture; in idle, leave a drawing tool for select. True when something happened. */
export function cancel(): boolean {
  const tool = active();
  if (tool.current.id !== 'idle') { tool.current.onCancel?.(); return true; }
  if (tool.id !== 'select') { setTool('select'); return true; }
  return false;
}

export function rotateInGesture(): boolean {
  return active().current.onRotate?.() ?? false;
}

export function complete(): void { active().current.onComplete?.(); }

/** A tool is mid-gesture, or a drawing tool is active: Escape belongs to the tool. */
export const toolWantsEscape = (): boolean => active().current.id !== 'idle' || active().id !== 'select';

onDocumentLoad(() => { active().reset(); clearPreview(); clearHint(); });
