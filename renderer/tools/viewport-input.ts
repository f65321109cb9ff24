// Pointer input from the 3D viewport to the active tool, attached from outside the scene's
// components (through R3F's root store) so the editing tools and the scene stay apart. Listens
// in the capture phase on the viewport: a press the tool takes never reaches the camera
// controls or the scene's own click handlers; a press it leaves (orbit, pan) passes untouched.
import { _roots } from '@react-three/fiber';
import { Raycaster, Vector2, Vector3, type Camera } from 'three';
import { useSession } from '../state/session';
import { useEditor } from '../editor/state';
import { pickBox } from '../editor/objects';
import { boxesOf, currentDoc } from './context';
import { doubleClick, pointerDown, pointerLeave, pointerMove, pointerUp, setTool } from './manager';
import { viewportBridge, type ToolEvent } from './types';
import { Ghost } from './ghost';
import { cablePicker, linkAt } from './select/cable-pick';

/** Drag-and-drop payload type of a catalog entry dragged from the palette. */
export const PALETTE_MIME = 'application/x-factory-twin-type';

interface Controls { enabled: boolean }

/** Hall coordinates are z up; the scene turns them into three's y up: hall (x, y, z) = three (x, -z, y). */
const toHall = (v: Vector3): [number, number, number] => [v.x, -v.z, v.y];

export function attachViewportInput(canvas: HTMLCanvasElement, container: HTMLElement): () => void {
  const root = _roots.get(canvas);
  if (root === undefined) return () => undefined;
  const store = root.store;
  const raycaster = new Raycaster();
  const ndc = new Vector2();
  const ghost = new Ghost(store);

  const eventAt = (e: MouseEvent): ToolEvent => {
    const rect = canvas.getBoundingClientRect();
    ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, store.getState().camera as Camera);
    const o = toHall(raycaster.ray.origin), d = toHall(raycaster.ray.direction);
    const t = d[2] < -1e-9 ? -o[2] / d[2] : -1;
    const point = t > 0 ? { x: o[0] + t * d[0], y: o[1] + t * d[1] } : null;
    const doc = currentDoc();
    const hit = doc === null ? null : pickBox(boxesOf(doc), o, d);
    return { point, hit, shift: e.shiftKey, mod: e.ctrlKey || e.metaKey, button: e.button, clientX: e.clientX, clientY: e.clientY };
  };

  let taken = false;
  const controls = () => store.getState().controls as unknown as Controls | null;
  const onDown = (e: PointerEvent) => {
    if (e.target !== canvas) return;
    taken = pointerDown(eventAt(e));
    if (!taken) return;
    // The tool owns this gesture: keep it from the camera controls and the scene's handlers.
    e.stopPropagation();
    const c = controls();
    if (c !== null) c.enabled = false;
    window.addEventListener('pointermove', onDragMove, true);
    window.addEventListener('pointerup', onUp, true);
  };
  const onDragMove = (e: PointerEvent) => { pointerMove(eventAt(e)); };
  const onHover = (e: PointerEvent) => { if (!taken && e.target === canvas && e.buttons === 0) pointerMove(eventAt(e)); };
  const onUp = (e: PointerEvent) => {
    window.removeEventListener('pointermove', onDragMove, true);
    window.removeEventListener('pointerup', onUp, true);
    const c = controls();
    if (c !== null) c.enabled = true;
    pointerUp(eventAt(e));
    // The click that follows belongs to the tool too.
    setTimeout(() => { taken = false; }, 0);
  };
  const onClick = (e: MouseEvent) => { if (taken && e.target === canvas) e.stopPropagation(); };
  const onDbl = (e: MouseEvent) => { if (e.target === canvas) doubleClick(eventAt(e)); };
  const onLeave = () => pointerLeave();
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (useEditor.getState().tool !== 'place') return;
    pointerMove(eventAt(e));
  };
  const onDragEnter = (e: DragEvent) => {
    const typeId = useEditor.getState().placeTypeId;
    if (e.dataTransfer?.types.includes(PALETTE_MIME) === true && useEditor.getState().tool !== 'place' && typeId !== null) setTool('place', typeId);
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    const at = eventAt(e);
    pointerDown({ ...at, button: 0 });
    pointerUp(at);
  };

  container.addEventListener('pointerdown', onDown, true);
  container.addEventListener('pointermove', onHover, true);
  container.addEventListener('click', onClick, true);
  container.addEventListener('dblclick', onDbl, true);
  container.addEventListener('pointerleave', onLeave);
  container.addEventListener('dragenter', onDragEnter);
  container.addEventListener('dragover', onDragOver);
  container.addEventListener('drop', onDrop);

  // Hall points to screen pixels: box selection, and the browser tests aiming at the floor.
  const v = new Vector3();
  viewportBridge.project = (x, y, z) => {
    const camera = store.getState().camera;
    v.set(x, z, -y).project(camera);
    if (v.z > 1) return null;
    const rect = canvas.getBoundingClientRect();
    return { clientX: rect.left + ((v.x + 1) / 2) * rect.width, clientY: rect.top + ((1 - v.y) / 2) * rect.height };
  };
  // The drawn link under a client point: the select tool asks only on a press that hit no object.
  cablePicker.at = (clientX, clientY) => {
    const doc = currentDoc();
    return doc === null ? null : linkAt(doc, store.getState().camera, canvas.getBoundingClientRect(), clientX, clientY);
  };
  (globalThis as { __factoryTwinEditor?: unknown }).__factoryTwinEditor = {
    project: (x: number, y: number, z = 0) => viewportBridge.project?.(x, y, z) ?? null,
    selection: () => useSession.getState().selection,
    // The open document (plain data): browser tests read the trays and links a gesture made.
    doc: () => currentDoc(),
  };

  return () => {
    container.removeEventListener('pointerdown', onDown, true);
    container.removeEventListener('pointermove', onHover, true);
    container.removeEventListener('click', onClick, true);
    container.removeEventListener('dblclick', onDbl, true);
    container.removeEventListener('pointerleave', onLeave);
    container.removeEventListener('dragenter', onDragEnter);
    container.removeEventListener('dragover', onDragOver);
    container.removeEventListener('drop', onDrop);
    window.removeEventListener('pointermove', onDragMove, true);
    window.removeEventListener('pointerup', onUp, true);
    viewportBridge.project = null;
    cablePicker.at = null;
    ghost.dispose();
  };
}
