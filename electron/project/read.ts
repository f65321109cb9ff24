// Opening a project file: check that it is SQLite, that it is ours, that we know its version,
// that it is intact, then read and validate every row. Any failure is a ProjectFileError that
// names the file and, for bad rows, the table, row and column.
import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  Catalog, FabricDesign, Hall, ProjectDocument, checkReferences, DOCUMENT_FORMAT_VERSION, fastParse, formatPath, zodProblems,
  type Problem,
} from '../../engine/model/index.js';
import { ProjectFileError } from './errors.js';
import { migrate } from './migrations.js';
import { openDatabase } from './sqlite.js';
import { APPLICATION_ID, SCHEMA_VERSION, TABLES_V1 } from './schema.js';
import {
  containmentTable, coolingTable, linksTable, powerTable, racksTable, rowProblem, rowsTable, traysTable, viewsTable,
  workloadsTable, type SqlRow, type SqlValue, type TableMapper,
} from './tables.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

export function readProject(path: string): ProjectDocument {
  checkHeader(path);
  let db: Database.Database;
  try {
    db = openDatabase(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ProjectFileError('unreadable', path, `Cannot open ${path}: ${messageOf(error)}`);
  }
  try {
    return readOpen(db, path);
  } catch (error) {
    if (error instanceof ProjectFileError) throw error;
    throw new ProjectFileError('corrupt', path, `${path} is damaged or truncated and cannot be read (${messageOf(error)}).`);
  } finally {
    db.close();
  }
}

function readOpen(source: Database.Database, path: string): ProjectDocument {
  const appId = source.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    throw new ProjectFileError('not-ours', path,
      `${path} is an SQLite database but not a Factory Twin project (application_id ${appId}, expected ${APPLICATION_ID}).`);
  }
  const version = source.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new ProjectFileError('too-new', path,
      `${path} was saved by a newer Factory Twin (file format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Factory Twin to open it.`);
  }
  if (version < 1) throw new ProjectFileError('corrupt', path, `${path} has no schema (user_version ${version}); it was never completely written.`);
  const check = source.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw new ProjectFileError('corrupt', path, `${path} is damaged: SQLite integrity check says "${check}".`);
  let db = source;
  if (version < SCHEMA_VERSION) {
    // Migrate a copy in memory: the file itself changes only when the user saves.
    db = openDatabase(source.serialize());
    migrate(db, SCHEMA_VERSION);
  }
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const missing = TABLES_V1.filter((t) => !present.has(t));
  if (missing.length > 0) throw new ProjectFileError('corrupt', path, `${path} is damaged: table(s) ${missing.join(', ')} missing.`);
  return readTables(db, path);
}

function checkHeader(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ProjectFileError('not-found', path, `${path} does not exist.`);
    if (code === 'EISDIR') throw new ProjectFileError('unreadable', path, `${path} is a folder, not a project file.`);
    throw new ProjectFileError('unreadable', path, `Cannot open ${path}: ${messageOf(error)}`);
  }
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    if (n === 0) throw new ProjectFileError('not-sqlite', path, `${path} is empty: it is not a Factory Twin project.`);
    if (n < 100 || buf.toString('latin1', 0, 16) !== SQLITE_HEADER) {
      throw new ProjectFileError('not-sqlite', path, `${path} is not a Factory Twin project (it is not an SQLite database).`);
    }
  } catch (error) {
    if (error instanceof ProjectFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ProjectFileError('unreadable', path, `${path} is a folder, not a project file.`);
    throw new ProjectFileError('unreadable', path, `Cannot read ${path}: ${messageOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

function readTables(db: Database.Database, path: string): ProjectDocument {
  const problems: Problem[] = [];
  /** A JSON column's value, or undefined with the problem named by table, row and column. */
  const json = (raw: SqlValue | undefined, table: string, seq: number, id: SqlValue | undefined, column: string): unknown => {
    if (typeof raw !== 'string') {
      problems.push(rowProblem(table, seq, id, column, 'expected JSON text'));
      return undefined;
    }
    if (raw === '{}') return {}; // most tags are empty: skip the parser on the hot path
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      problems.push(rowProblem(table, seq, id, column, 'is not valid JSON'));
      return undefined;
    }
  };
  const jsonOf = (table: string, row: SqlRow) => (column: string): unknown => json(row[column], table, Number(row.seq), row.id, column);
  const single = (table: string): SqlRow | undefined => {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as SqlRow[];
    if (rows.length !== 1) problems.push({ path: `table ${table}`, message: `expected exactly one row, found ${rows.length}` });
    return rows[0];
  };
  const parseSingle = <T>(table: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...zodProblems(result.error).map((p) => ({ path: `table ${table}, field ${p.path}`, message: p.message })));
    return undefined;
  };

  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const formatVersion = Number(meta.get('format_version'));
  if (formatVersion !== DOCUMENT_FORMAT_VERSION) {
    problems.push({ path: 'table meta, key format_version', message: `expected ${DOCUMENT_FORMAT_VERSION}, found ${meta.get('format_version') ?? 'nothing'}` });
  }

  const hall = readHall(db, single('hall'), parseSingle);
  const catalog = readCatalog(db, single('catalog_info'), jsonOf, parseSingle, problems);
  const f = single('fabric_design');
  const fabric = f && parseSingle('fabric_design', FabricDesign, {
    computeSwitchTypeId: f.compute_switch_type_id, storageSwitchTypeId: f.storage_switch_type_id,
    oversubscription: f.oversubscription, nodesPerScalableUnit: f.nodes_per_scalable_unit,
  });

  const upstream = new Map<string, string[]>();
  for (const r of db.prepare('SELECT power_id, upstream_id FROM power_feeds ORDER BY seq').all() as { power_id: string; upstream_id: string }[]) {
    const list = upstream.get(r.power_id);
    if (list) list.push(r.upstream_id);
    else upstream.set(r.power_id, [r.upstream_id]);
  }
  const readAll = <T>(mapper: TableMapper<T>, patch?: (candidate: Record<string, unknown>) => void): T[] => {
    const { table, columns } = mapper;
    const lacking = missingColumns(db, table, columns);
    if (lacking.length > 0) {
      problems.push({ path: `table ${table}`, message: `column(s) ${lacking.join(', ')} missing` });
      return [];
    }
    const out: T[] = [];
    const seqAt = columns.length;
    // Positional rows (raw) fetched in one call: measured cheaper than named rows or iterate().
    const rows = db.prepare(`SELECT ${columns.join(', ')}, seq FROM ${table} ORDER BY seq`).raw().all() as SqlValue[][];
    for (const values of rows) {
      const candidate = mapper.fromRow(values, (index) => json(values[index], table, Number(values[seqAt]), values[0], columns[index] ?? '?')) as Record<string, unknown>;
      patch?.(candidate);
      const result = fastParse(mapper.schema, candidate);
      if (result.success) out.push(result.data);
      else {
        for (const issue of result.error.issues) {
          problems.push(rowProblem(table, Number(values[seqAt]), values[0], mapper.columnOf(issue.path), `${issue.message}${issue.path.length > 1 ? ` (at ${formatPath(issue.path)})` : ''}`));
        }
      }
    }
    return out;
  };

  const doc = {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    hall, catalog, fabric,
    rows: readAll(rowsTable),
    racks: readAll(racksTable),
    cooling: readAll(coolingTable),
    power: readAll(powerTable, (c) => { c.upstreamIds = upstream.get(String(c.id)) ?? []; }),
    trays: readAll(traysTable),
    containment: readAll(containmentTable),
    links: readAll(linksTable),
    workloads: readAll(workloadsTable),
    views: readAll(viewsTable),
  };
  if (problems.length === 0) problems.push(...checkReferences(doc as ProjectDocument));
  if (problems.length > 0) {
    throw new ProjectFileError('invalid', path, `${path} has ${problems.length} invalid value(s):`, problems);
  }
  return doc as ProjectDocument;
}

type ParseSingle = <T>(table: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown) => T | undefined;

function readHall(db: Database.Database, h: SqlRow | undefined, parse: ParseSingle): Hall | undefined {
  if (!h) return undefined;
  const walls: unknown[] = [];
  const columns: unknown[] = [];
  for (const w of db.prepare('SELECT * FROM walls ORDER BY seq').all() as SqlRow[]) {
    if (w.kind === 'column') columns.push({ id: w.id, at: { x: w.ax, y: w.ay }, sizeM: w.size_m });
    else walls.push({ id: w.id, a: { x: w.ax, y: w.ay }, b: { x: w.bx, y: w.by }, thicknessM: w.size_m });
  }
  return parse('hall', Hall, {
    name: h.name, lengthM: h.length_m, widthM: h.width_m, ceilingHeightM: h.ceiling_height_m,
    floor: h.floor_kind === 'raised' ? { kind: 'raised', plenumDepthM: h.plenum_depth_m } : { kind: h.floor_kind },
    tileM: h.tile_m, supplyAirC: h.supply_air_c, ashraeClass: h.ashrae_class, altitudeM: h.altitude_m, walls, columns,
  });
}

function readCatalog(
  db: Database.Database, info: SqlRow | undefined, jsonOf: (table: string, row: SqlRow) => (c: string) => unknown,
  parse: ParseSingle, problems: Problem[],
): Catalog | undefined {
  if (!info) return undefined;
  const sections: Record<string, unknown[]> = {
    rackTypes: [], switchTypes: [], coolingTypes: [], powerTypes: [], cableTypes: [], transceivers: [], trayTypes: [], containmentTypes: [],
  };
  for (const row of db.prepare('SELECT * FROM catalog_items ORDER BY seq').all() as SqlRow[]) {
    const list = sections[String(row.section)];
    if (!list) {
      problems.push(rowProblem('catalog_items', Number(row.seq), row.id, 'section', `unknown section "${String(row.section)}"`));
      continue;
    }
    const props = jsonOf('catalog_items', row)('props');
    list.push({
      ...(typeof props === 'object' && props !== null ? props : {}),
      ...(row.kind !== null ? { kind: row.kind } : {}),
      id: row.id, name: row.name, manufacturer: row.manufacturer, partNumber: row.part_number, unitPrice: row.unit_price,
    });
  }
  const site = jsonOf('catalog_info', info)('site');
  return parse('catalog_items', Catalog, { name: info.name, version: info.version, currency: info.currency, site, ...sections });
}

/** Columns a mapper reads that the table lacks (a file edited by hand or damaged). */
function missingColumns(db: Database.Database, table: string, columns: readonly string[]): string[] {
  const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  return [...columns, 'seq'].filter((c) => !present.has(c));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
