// Mapping between document records and table rows, one mapper per table. Reading parses each
// row with the entity's schema so a bad value is reported by table, row and column.
import { z } from 'zod';
import {
  CameraView, Column, Containment, CoolingUnit, Link, PowerEquipment, Rack, Row, Tray, Wall, Workload,
  formatPath, type Problem,
} from '../../engine/model/index.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlRow = Record<string, SqlValue>;

export interface TableMapper<T> {
  table: string;
  columns: readonly string[];
  toRow(value: T): SqlValue[];
  /** Build the candidate record (unvalidated) from a row; JSON columns are parsed by the reader. */
  fromRow(row: SqlRow, json: (column: string) => unknown): unknown;
  schema: z.ZodType<T>;
  /** The column a field path came from, for error messages. */
  columnOf(path: readonly PropertyKey[]): string;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const json = (v: unknown) => JSON.stringify(v);

/** position.x -> x, feedA -> feed_a, tags.owner -> tags. */
function placedColumn(path: readonly PropertyKey[]): string {
  const [head, sub] = path;
  if (head === 'position') return typeof sub === 'string' ? sub : 'x';
  if (head === 'id' || head === 'typeId' || head === 'name' || head === 'rotationDeg' || typeof head !== 'string') return snake(String(head ?? ''));
  return snake(head);
}

export const rowsTable: TableMapper<Row> = {
  table: 'hall_rows',
  columns: ['id', 'name', 'tags'],
  toRow: (r) => [r.id, r.name, json(r.tags)],
  fromRow: (row, j) => ({ id: row.id, name: row.name, tags: j('tags') }),
  schema: Row,
  columnOf: placedColumn,
};

export const racksTable: TableMapper<Rack> = {
  table: 'racks',
  columns: ['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'row_id', 'feed_a', 'feed_b', 'cdu_id', 'utilisation', 'tags'],
  toRow: (r) => [r.id, r.typeId, r.name, r.position.x, r.position.y, r.rotationDeg, r.rowId, r.feedA, r.feedB, r.cduId, r.utilisation, json(r.tags)],
  fromRow: (row, j) => ({
    id: row.id, typeId: row.type_id, name: row.name, position: { x: row.x, y: row.y }, rotationDeg: row.rotation_deg,
    rowId: row.row_id, feedA: row.feed_a, feedB: row.feed_b, cduId: row.cdu_id, utilisation: row.utilisation, tags: j('tags'),
  }),
  schema: Rack,
  columnOf: placedColumn,
};

export const coolingTable: TableMapper<CoolingUnit> = {
  table: 'cooling_units',
  columns: ['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'row_id', 'status', 'attached_rack_id', 'tags'],
  toRow: (u) => [u.id, u.typeId, u.name, u.position.x, u.position.y, u.rotationDeg, u.rowId, u.status, u.attachedRackId, json(u.tags)],
  fromRow: (row, j) => ({
    id: row.id, typeId: row.type_id, name: row.name, position: { x: row.x, y: row.y }, rotationDeg: row.rotation_deg,
    rowId: row.row_id, status: row.status, attachedRackId: row.attached_rack_id, tags: j('tags'),
  }),
  schema: CoolingUnit,
  columnOf: placedColumn,
};

/** upstreamIds live in power_feeds; the reader attaches them before parsing. */
export const powerTable: TableMapper<PowerEquipment> = {
  table: 'power_equipment',
  columns: ['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'side', 'status', 'length_m', 'tags'],
  toRow: (p) => [p.id, p.typeId, p.name, p.position.x, p.position.y, p.rotationDeg, p.side, p.status, p.lengthM, json(p.tags)],
  fromRow: (row, j) => ({
    id: row.id, typeId: row.type_id, name: row.name, position: { x: row.x, y: row.y }, rotationDeg: row.rotation_deg,
    side: row.side, status: row.status, lengthM: row.length_m, tags: j('tags'), upstreamIds: [],
  }),
  schema: PowerEquipment,
  columnOf: (path) => (path[0] === 'upstreamIds' ? 'power_feeds.upstream_id' : placedColumn(path)),
};

export const traysTable: TableMapper<Tray> = {
  table: 'trays',
  columns: ['id', 'type_id', 'name', 'elevation_m', 'points', 'tags'],
  toRow: (t) => [t.id, t.typeId, t.name, t.elevationM, json(t.points), json(t.tags)],
  fromRow: (row, j) => ({ id: row.id, typeId: row.type_id, name: row.name, elevationM: row.elevation_m, points: j('points'), tags: j('tags') }),
  schema: Tray,
  columnOf: placedColumn,
};

export const containmentTable: TableMapper<Containment> = {
  table: 'containment',
  columns: ['id', 'type_id', 'name', 'min_x', 'min_y', 'max_x', 'max_y', 'height_m', 'tags'],
  toRow: (c) => [c.id, c.typeId, c.name, c.min.x, c.min.y, c.max.x, c.max.y, c.heightM, json(c.tags)],
  fromRow: (row, j) => ({
    id: row.id, typeId: row.type_id, name: row.name, min: { x: row.min_x, y: row.min_y }, max: { x: row.max_x, y: row.max_y },
    heightM: row.height_m, tags: j('tags'),
  }),
  schema: Containment,
  columnOf: (path) => (path[0] === 'min' || path[0] === 'max' ? `${String(path[0])}_${String(path[1] ?? 'x')}` : placedColumn(path)),
};

export const linksTable: TableMapper<Link> = {
  table: 'links',
  columns: ['id', 'a_object_id', 'a_port', 'b_object_id', 'b_port', 'purpose', 'cable_type_id', 'routed_length_m', 'tags'],
  toRow: (l) => [l.id, l.a.objectId, l.a.port, l.b.objectId, l.b.port, l.purpose, l.cableTypeId, l.routedLengthM, json(l.tags)],
  fromRow: (row, j) => ({
    id: row.id, a: { objectId: row.a_object_id, port: row.a_port }, b: { objectId: row.b_object_id, port: row.b_port },
    purpose: row.purpose, cableTypeId: row.cable_type_id, routedLengthM: row.routed_length_m, tags: j('tags'),
  }),
  schema: Link,
  columnOf: (path) => (path[0] === 'a' || path[0] === 'b' ? `${String(path[0])}_${snake(String(path[1] ?? 'objectId'))}` : placedColumn(path)),
};

/** The queryable headline figures get columns; the rest of the profile is open-ended JSON. */
export const workloadsTable: TableMapper<Workload> = {
  table: 'workloads',
  columns: ['id', 'name', 'concurrent_agents', 'slo_p99_step_ms', 'model', 'profile'],
  toRow: (w) => {
    const { id, name, concurrentAgents, slo, model, ...profile } = w;
    return [id, name, concurrentAgents, slo.p99StepMs, json(model), json(profile)];
  },
  fromRow: (row, j) => {
    const profile = j('profile');
    return {
      ...(typeof profile === 'object' && profile !== null ? profile : {}),
      id: row.id, name: row.name, concurrentAgents: row.concurrent_agents, slo: { p99StepMs: row.slo_p99_step_ms }, model: j('model'),
    };
  },
  schema: Workload,
  columnOf: (path) => {
    const head = String(path[0] ?? '');
    if (head === 'model') return `model (${formatPath(path.slice(1))})`;
    if (head === 'slo') return 'slo_p99_step_ms';
    if (['id', 'name', 'concurrentAgents'].includes(head)) return snake(head);
    return `profile (${formatPath(path)})`;
  },
};

export const viewsTable: TableMapper<CameraView> = {
  table: 'camera_views',
  columns: ['id', 'name', 'projection', 'eye', 'target'],
  toRow: (v) => [v.id, v.name, v.projection, json(v.eye), json(v.target)],
  fromRow: (row, j) => ({ id: row.id, name: row.name, projection: row.projection, eye: j('eye'), target: j('target') }),
  schema: CameraView,
  columnOf: placedColumn,
};

/** Walls and columns share a table: a wall has two ends, a column one point and a size. */
export type WallOrColumn = { kind: 'wall'; wall: Wall } | { kind: 'column'; column: Column };

export function rowProblem(table: string, seq: number, id: unknown, column: string, message: string): Problem {
  const which = typeof id === 'string' ? `row ${seq} (id "${id}")` : `row ${seq}`;
  return { path: `table ${table}, ${which}, column ${column}`, message };
}
