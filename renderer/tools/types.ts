// Tools are small state machines (tldraw's StateNode): each state handles the input it cares
// about and hands over to the next, so Escape and interruption behave the same in every tool.
import type { ObjectBox } from '../editor/objects';

export interface ToolEvent {
  /** Where the pointer meets the floor (hall coordinates), or null above the horizon. */
  point: { x: number; y: number } | null;
  /** The object under the pointer, nearest first. */
  hit: ObjectBox | null;
  shift: boolean;
  mod: boolean;
  button: number;
  clientX: number;
  clientY: number;
}

export interface StateNode {
  readonly id: string;
  onEnter?(info?: unknown): void;
  onExit?(): void;
  /** True when the tool takes the gesture: the camera then does not orbit or pan. */
  onPointerDown?(e: ToolEvent): boolean;
  onPointerMove?(e: ToolEvent): void;
  onPointerUp?(e: ToolEvent): void;
  onDoubleClick?(e: ToolEvent): void;
  /** Escape: undo what the gesture did and go back to idle. */
  onCancel?(): void;
  /** R during a gesture. True when handled (else R rotates the selection). */
  onRotate?(): boolean;
  /** Enter: finish a multi-click gesture (tray polyline). */
  onComplete?(): void;
}

/** A tool: named states and the one it is in. */
export class Tool {
  current: StateNode;
  private readonly states = new Map<string, StateNode>();

  /** `make` builds the states, first the idle one, each given this tool to transition with. */
  constructor(readonly id: string, make: (tool: Tool) => readonly StateNode[]) {
    const states = make(this);
    for (const s of states) this.states.set(s.id, s);
    this.current = states[0]!;
  }

  transition(id: string, info?: unknown): void {
    const next = this.states.get(id);
    if (next === undefined) throw new Error(`tool ${this.id} has no state ${id}`);
    this.current.onExit?.();
    this.current = next;
    next.onEnter?.(info);
  }

  /** Leave whatever gesture is in progress (tool switch, document load). */
  reset(): void {
    if (this.current.id !== 'idle') this.current.onCancel?.();
    if (this.current.id !== 'idle') this.transition('idle');
  }
}

/** What tools need of the viewport; EditorInput fills it in when the canvas mounts. */
export const viewportBridge: {
  /** Hall point (z up) to client pixels, null when behind the camera. */
  project: ((x: number, y: number, z: number) => { clientX: number; clientY: number } | null) | null;
} = { project: null };

/** Pixels the pointer may wander before a press becomes a drag. */
export const DRAG_PX = 4;
