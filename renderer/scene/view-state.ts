// Camera state of the viewport: projection (3D or plan), requests to frame a set of objects or to
// go to a saved view, and a way to read the current camera for saving it. Session scope (STYLE.md):
// never saved, never undoable; a saved view becomes document data only through an operation.
import { create } from 'zustand';
import type { CameraView } from '../../engine/model/index';

export type Projection = 'perspective' | 'plan';

export interface ViewState {
  projection: Projection;
  /** Objects to frame; bumping `seq` asks again for the same ids. */
  frame: { ids: string[]; seq: number } | null;
  /** A saved view to go to. */
  goTo: { view: CameraView; seq: number } | null;
  /** The fabric diagram panel is open over the viewport. */
  diagramOpen: boolean;
}

export const useView = create<ViewState>(() => ({ projection: 'perspective', frame: null, goTo: null, diagramOpen: false }));

export function toggleDiagram(): void {
  useView.setState((s) => ({ diagramOpen: !s.diagramOpen }));
}

let seq = 0;

export function setProjection(projection: Projection): void {
  useView.setState({ projection });
}

export function toggleProjection(): void {
  setProjection(useView.getState().projection === 'plan' ? 'perspective' : 'plan');
}

/** Frame the named objects (fit to selection, a violation's objects). An empty list is ignored. */
export function frameObjects(ids: readonly string[]): void {
  if (ids.length === 0) return;
  useView.setState({ frame: { ids: [...ids], seq: ++seq } });
}

export function goToView(view: CameraView): void {
  useView.setState({ projection: view.projection, goTo: { view, seq: ++seq } });
}

/** Eye and target of the camera on screen, in hall coordinates; set by the camera rig. */
let reader: (() => Pick<CameraView, 'eye' | 'target' | 'projection'>) | null = null;

export function setCameraReader(read: typeof reader): void {
  reader = read;
}

export function readCamera(): Pick<CameraView, 'eye' | 'target' | 'projection'> | null {
  return reader === null ? null : reader();
}
