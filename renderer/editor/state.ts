// Editor session state: the active tool, its ghost preview, the notice near the cursor, the box
// being brushed, the chosen display units. Session scope (STYLE.md): never saved in the
// document, never undoable. Units persist in local storage as a user preference.
import { create } from 'zustand';
import type { Footprint } from '../../engine/model/index';

export type ToolId = 'select' | 'place' | 'containment' | 'tray' | 'connect';
export type Units = 'metric' | 'imperial';

export interface GhostBox { fp: Footprint; z0: number; h: number; rotationDeg: number; front: boolean }
export interface Preview {
  boxes: GhostBox[];
  /** Polylines on the floor (tray runs, links), hall coordinates. */
  lines: { x: number; y: number; z: number }[][];
  /** Rectangles on the floor (containment being drawn). */
  rects: { fp: Footprint; h: number }[];
  valid: boolean;
}

export interface Hint { text: string; tone: 'error' | 'info'; clientX: number; clientY: number }

export interface EditorState {
  tool: ToolId;
  /** Catalog type the place tool puts down. */
  placeTypeId: string | null;
  preview: Preview | null;
  hint: Hint | null;
  /** Screen rectangle of a box selection in progress (client pixels). */
  brush: { x0: number; y0: number; x1: number; y1: number } | null;
  /** A gesture (drag, row, rectangle, polyline) is in progress. */
  busy: boolean;
  units: Units;
  helpOpen: boolean;
}

const UNITS_KEY = 'factory-twin.units';
function storedUnits(): Units {
  try {
    return globalThis.localStorage?.getItem(UNITS_KEY) === 'imperial' ? 'imperial' : 'metric';
  } catch {
    return 'metric';
  }
}

export const useEditor = create<EditorState>(() => ({
  tool: 'select', placeTypeId: null, preview: null, hint: null, brush: null, busy: false, units: storedUnits(), helpOpen: false,
}));

export function setUnits(units: Units): void {
  useEditor.setState({ units });
  try { globalThis.localStorage?.setItem(UNITS_KEY, units); } catch { /* private mode: the choice lasts the session */ }
}

export function showHint(text: string, tone: Hint['tone'], at: { clientX: number; clientY: number } | null): void {
  const prev = useEditor.getState().hint;
  const clientX = at?.clientX ?? prev?.clientX ?? (globalThis.innerWidth ?? 0) / 2;
  const clientY = at?.clientY ?? prev?.clientY ?? (globalThis.innerHeight ?? 0) / 2;
  useEditor.setState({ hint: { text, tone, clientX, clientY } });
}

export function clearHint(): void {
  if (useEditor.getState().hint !== null) useEditor.setState({ hint: null });
}
