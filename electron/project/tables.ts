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
  /** Column names in the order toRow writes them and fromRow reads them. */
  columns: readonly string[];
  toRow(value: T): SqlValue[];
  /**
   * Build the candidate record (unvalidated) from a row's values in `columns` order (read as
   * arrays: a gigawatt hall has 28,000 rows and named row objects cost a third of the read);
   * JSON columns are parsed by the reader, given the column's index.
   */
  fromRow(row: readonly SqlValue[], json: (index: number) => unknown): unknown;
  schema: z.ZodType<T>;
  /** The column a field path came from, for error messages. */
  columnOf(path: readonly PropertyKey[]): string;
}

/** Column name -> index in `columns`, so mappers read positional rows by name. */
function indexOf<const C extends readonly string[]>(columns: C): { readonly [K in C[number]]: number } {
  return Object.fromEntries(columns.map((c, i) => [c, i])) as { [K in C[number]]: number };
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

const ROW = indexOf(['id', 'name', 'tags'] as const);
export const rowsTable: TableMapper<Row> = {
  table: 'hall_rows',
  columns: Object.keys(ROW),
  toRow: (r) => [r.id, r.name, json(r.tags)],
  fromRow: (v, j) => ({ id: v[ROW.id], name: v[ROW.name], tags: j(ROW.tags) }),
  schema: Row,
  columnOf: placedColumn,
};

const RACK = indexOf(['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'row_id', 'feed_a', 'feed_b', 'cdu_id', 'utilisation', 'tags'] as const);
export const racksTable: TableMapper<Rack> = {
  table: 'racks',
  columns: Object.keys(RACK),
  toRow: (r) => [r.id, r.typeId, r.name, r.position.x, r.position.y, r.rotationDeg, r.rowId, r.feedA, r.feedB, r.cduId, r.utilisation, json(r.tags)],
  fromRow: (v, j) => ({
    id: v[RACK.id], typeId: v[RACK.type_id], name: v[RACK.name], position: { x: v[RACK.x], y: v[RACK.y] },
    rotationDeg: v[RACK.rotation_deg], tags: j(RACK.tags), rowId: v[RACK.row_id], feedA: v[RACK.feed_a], feedB: v[RACK.feed_b],
    cduId: v[RACK.cdu_id], utilisation: v[RACK.utilisation],
  }),
  schema: Rack,
  columnOf: placedColumn,
};

const COOLING = indexOf(['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'row_id', 'status', 'attached_rack_id', 'tags'] as const);
export const coolingTable: TableMapper<CoolingUnit> = {
  table: 'cooling_units',
  columns: Object.keys(COOLING),
  toRow: (u) => [u.id, u.typeId, u.name, u.position.x, u.position.y, u.rotationDeg, u.rowId, u.status, u.attachedRackId, json(u.tags)],
  fromRow: (v, j) => ({
    id: v[COOLING.id], typeId: v[COOLING.type_id], name: v[COOLING.name], position: { x: v[COOLING.x], y: v[COOLING.y] },
    rotationDeg: v[COOLING.rotation_deg], tags: j(COOLING.tags), rowId: v[COOLING.row_id], status: v[COOLING.status],
    attachedRackId: v[COOLING.attached_rack_id],
  }),
  schema: CoolingUnit,
  columnOf: placedColumn,
};

/** upstreamIds live in power_feeds; the reader fills them in before parsing. */
const POWER = indexOf(['id', 'type_id', 'name', 'x', 'y', 'rotation_deg', 'side', 'status', 'length_m', 'tags'] as const);
export const powerTable: TableMapper<PowerEquipment> = {
  table: 'power_equipment',
  columns: Object.keys(POWER),
  toRow: (p) => [p.id, p.typeId, p.name, p.position.x, p.position.y, p.rotationDeg, p.side, p.status, p.lengthM, json(p.tags)],
  fromRow: (v, j) => ({
    id: v[POWER.id], typeId: v[POWER.type_id], name: v[POWER.name], position: { x: v[POWER.x], y: v[POWER.y] },
    rotationDeg: v[POWER.rotation_deg], tags: j(POWER.tags), upstreamIds: [], side: v[POWER.side], status: v[POWER.status],
    lengthM: v[POWER.length_m],
  }),
  schema: PowerEquipment,
  columnOf: (path) => (path[0] === 'upstreamIds' ? 'power_feeds.upstream_id' : placedColumn(path)),
};

const TRAY = indexOf(['id', 'type_id', 'name', 'elevation_m', 'points', 'tags'] as const);
export const traysTable: TableMapper<Tray> = {
  table: 'trays',
  columns: Object.keys(TRAY),
  toRow: (t) => [t.id, t.typeId, t.name, t.elevationM, json(t.points), json(t.tags)],
  fromRow: (v, j) => ({
    id: v[TRAY.id], typeId: v[TRAY.type_id], name: v[TRAY.name], points: j(TRAY.points), elevationM: v[TRAY.elevation_m], tags: j(TRAY.tags),
  }),
  schema: Tray,
  columnOf: placedColumn,
};

const CONTAINMENT = indexOf(['id', 'type_id', 'name', 'min_x', 'min_y', 'max_x', 'max_y', 'height_m', 'tags'] as const);
export const containmentTable: TableMapper<Containment> = {
  table: 'containment',
  columns: Object.keys(CONTAINMENT),
  toRow: (c) => [c.id, c.typeId, c.name, c.min.x, c.min.y, c.max.x, c.max.y, c.heightM, json(c.tags)],
  fromRow: (v, j) => ({
    id: v[CONTAINMENT.id], typeId: v[CONTAINMENT.type_id], name: v[CONTAINMENT.name],
    min: { x: v[CONTAINMENT.min_x], y: v[CONTAINMENT.min_y] }, max: { x: v[CONTAINMENT.max_x], y: v[CONTAINMENT.max_y] },
    heightM: v[CONTAINMENT.height_m], tags: j(CONTAINMENT.tags),
  }),
  schema: Containment,
  columnOf: (path) => (path[0] === 'min' || path[0] === 'max' ? `${String(path[0])}_${String(path[1] ?? 'x')}` : placedColumn(path)),
};

const LINK = indexOf(['id', 'a_object_id', 'a_port', 'b_object_id', 'b_port', 'purpose', 'cable_type_id', 'routed_length_m', 'tags'] as const);
export const linksTable: TableMapper<Link> = {
  table: 'links',
  columns: Object.keys(LINK),
  toRow: (l) => [l.id, l.a.objectId, l.a.port, l.b.objectId, l.b.port, l.purpose, l.cableTypeId, l.routedLengthM, json(l.tags)],
  fromRow: (v, j) => ({
    id: v[LINK.id], a: { objectId: v[LINK.a_object_id], port: v[LINK.a_port] }, b: { objectId: v[LINK.b_object_id], port: v[LINK.b_port] },
    purpose: v[LINK.purpose], cableTypeId: v[LINK.cable_type_id], routedLengthM: v[LINK.routed_length_m], tags: j(LINK.tags),
  }),
  schema: Link,
  columnOf: (path) => (path[0] === 'a' || path[0] === 'b' ? `${String(path[0])}_${snake(String(path[1] ?? 'objectId'))}` : placedColumn(path)),
};

/** The queryable headline figures get columns; the rest of the profile is open-ended JSON. */
const WORKLOAD = indexOf(['id', 'name', 'concurrent_agents', 'slo_p99_step_ms', 'model', 'profile'] as const);
export const workloadsTable: TableMapper<Workload> = {
  table: 'workloads',
  columns: Object.keys(WORKLOAD),
  toRow: (w) => {
    const { id, name, concurrentAgents, slo, model, ...profile } = w;
    return [id, name, concurrentAgents, slo.p99StepMs, json(model), json(profile)];
  },
  fromRow: (v, j) => {
    const profile = j(WORKLOAD.profile);
    return {
      ...(typeof profile === 'object' && profile !== null ? profile : {}),
      id: v[WORKLOAD.id], name: v[WORKLOAD.name], concurrentAgents: v[WORKLOAD.concurrent_agents],
      slo: { p99StepMs: v[WORKLOAD.slo_p99_step_ms] }, model: j(WORKLOAD.model),
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

const VIEW = indexOf(['id', 'name', 'projection', 'eye', 'target'] as const);
export const viewsTable: TableMapper<CameraView> = {
  table: 'camera_views',
  columns: Object.keys(VIEW),
  toRow: (v) => [v.id, v.name, v.projection, json(v.eye), json(v.target)],
  fromRow: (v, j) => ({ id: v[VIEW.id], name: v[VIEW.name], projection: v[VIEW.projection], eye: j(VIEW.eye), target: j(VIEW.target) }),
  schema: CameraView,
  columnOf: placedColumn,
};

/** Walls and columns share a table: a wall has two ends, a column one point and a size. */
export type WallOrColumn = { kind: 'wall'; wall: Wall } | { kind: 'column'; column: Column };

export function rowProblem(table: string, seq: number, id: unknown, column: string, message: string): Problem {
  const which = typeof id === 'string' ? `row ${seq} (id "${id}")` : `row ${seq}`;
  return { path: `table ${table}, ${which}, column ${column}`, message };
}
