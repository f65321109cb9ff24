// Synthetic pointer events for the tools' state-machine tests, on the document in the store:
// a hall point, the object under it (if any) and screen pixels at 40 per metre, so drags pass
// the drag threshold.
import type { ToolEvent } from '../../renderer/tools/types';
import { objectBoxes } from '../../renderer/editor/objects';
import { useDocument } from '../../renderer/state/document';

export const currentDoc = () => useDocument.getState().doc!;
export const boxOf = (id: string) => objectBoxes(currentDoc()).find((b) => b.id === id)!;

export const toolEvent = (x: number, y: number, hit: string | null = null, extra: Partial<ToolEvent> = {}): ToolEvent => ({
  point: { x, y }, hit: hit === null ? null : boxOf(hit), shift: false, mod: false, button: 0, clientX: x * 40, clientY: y * 40, ...extra,
});
