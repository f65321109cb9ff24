// Messages to and from the diagram layout worker: the graph's shape in, positions and edge
// routes out. Plain data only; the request id lets the panel drop layouts of an older diagram.
export interface LayoutRequest {
  id: number;
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface LaidOutNode { id: string; x: number; y: number; width: number; height: number }
export interface LaidOutEdge { id: string; points: [number, number][] }

export type LayoutResponse =
  | { id: number; ok: true; width: number; height: number; nodes: LaidOutNode[]; edges: LaidOutEdge[] }
  | { id: number; ok: false; message: string };
