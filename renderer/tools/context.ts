// What every tool reads: the document, its boxes, and the editor's session helpers.
import type { ProjectDocument } from '../../engine/model/index';
import { useDocument } from '../state/document';
import { objectBoxes, type ObjectBox } from '../editor/objects';
import { useEditor, type GhostBox } from '../editor/state';

let cacheDoc: ProjectDocument | null = null;
let cacheBoxes: ObjectBox[] = [];

export function currentDoc(): ProjectDocument | null {
  return useDocument.getState().doc;
}

/** Boxes of the current document, computed once per document. */
export function boxesOf(doc: ProjectDocument): ObjectBox[] {
  if (doc !== cacheDoc) { cacheDoc = doc; cacheBoxes = objectBoxes(doc); }
  return cacheBoxes;
}

export function setPreview(boxes: GhostBox[], valid: boolean, extra: { lines?: { x: number; y: number; z: number }[][]; rects?: { fp: GhostBox['fp']; h: number }[] } = {}): void {
  useEditor.setState({ preview: { boxes, valid, lines: extra.lines ?? [], rects: extra.rects ?? [] } });
}

export function clearPreview(): void {
  if (useEditor.getState().preview !== null) useEditor.setState({ preview: null });
}

export function setBusy(busy: boolean): void {
  if (useEditor.getState().busy !== busy) useEditor.setState({ busy });
}

export const moved = (a: { clientX: number; clientY: number }, b: { clientX: number; clientY: number }, px: number): boolean =>
  Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) > px;
