// Saving is atomic: the project is written to a temporary file beside the target, flushed to
// disk, then renamed over the target. A crash or kill at any moment leaves either the old file
// or the new one, never a half-written project (rename is atomic within one file system).
import type Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { catalogSections, type ProjectDocument } from '../../engine/model/index.js';
import { migrate } from './migrations.js';
import { openDatabase } from './sqlite.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.js';
import {
  containmentTable, coolingTable, linksTable, powerTable, racksTable, rowsTable, traysTable, viewsTable, workloadsTable,
  type TableMapper,
} from './tables.js';

let tempCounter = 0;

/** Write doc to path atomically. The document must already be valid (parseDocument). */
export function writeProject(path: string, doc: ProjectDocument, appVersion: string): void {
  removeStaleTemps(path);
  const temp = `${path}.tmp-${process.pid}-${++tempCounter}`;
  try {
    const db = openDatabase(temp);
    try {
      // A fresh temporary file needs no journal: if we crash, the temp file is simply discarded.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, SCHEMA_VERSION);
      db.transaction(() => fill(db, doc, appVersion))();
    } finally {
      db.close();
    }
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    syncDirectory(dirname(path));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Temporary files left by a save that was killed (its process is gone) are removed. */
function removeStaleTemps(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // the folder is missing: the write itself will report it
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Make the rename itself durable (POSIX); not possible on Windows, where rename is journaled. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function insertAll<T>(db: Database.Database, mapper: TableMapper<T>, items: readonly T[]): void {
  const cols = ['seq', ...mapper.columns];
  const stmt = db.prepare(`INSERT INTO ${mapper.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  items.forEach((item, i) => stmt.run(i + 1, ...mapper.toRow(item)));
}

function fill(db: Database.Database, doc: ProjectDocument, appVersion: string): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('format_version', String(doc.formatVersion));
  meta.run('written_by', `Factory Twin ${appVersion}`);

  const h = doc.hall;
  db.prepare(`INSERT INTO hall (id, name, length_m, width_m, ceiling_height_m, floor_kind, plenum_depth_m, tile_m,
    supply_air_c, ashrae_class, altitude_m) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(h.name, h.lengthM, h.widthM, h.ceilingHeightM, h.floor.kind, h.floor.kind === 'raised' ? h.floor.plenumDepthM : null,
      h.tileM, h.supplyAirC, h.ashraeClass, h.altitudeM);
  const wall = db.prepare('INSERT INTO walls (seq, id, kind, ax, ay, bx, by, size_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let seq = 0;
  for (const w of h.walls) wall.run(++seq, w.id, 'wall', w.a.x, w.a.y, w.b.x, w.b.y, w.thicknessM);
  for (const c of h.columns) wall.run(++seq, c.id, 'column', c.at.x, c.at.y, null, null, c.sizeM);

  const c = doc.catalog;
  db.prepare('INSERT INTO catalog_info (id, name, version, currency, site) VALUES (1, ?, ?, ?, ?)')
    .run(c.name, c.version, c.currency, JSON.stringify(c.site));
  const item = db.prepare(`INSERT INTO catalog_items (seq, id, section, kind, name, manufacturer, part_number, unit_price, props)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  seq = 0;
  for (const section of catalogSections) {
    for (const entry of c[section]) {
      const { id, name, manufacturer, partNumber, unitPrice, ...rest } = entry;
      const { kind, ...props } = rest as { kind?: string };
      item.run(++seq, id, section, kind ?? null, name, manufacturer, partNumber, unitPrice, JSON.stringify(props));
    }
  }
  const f = doc.fabric;
  db.prepare(`INSERT INTO fabric_design (id, compute_switch_type_id, storage_switch_type_id, oversubscription,
    nodes_per_scalable_unit) VALUES (1, ?, ?, ?, ?)`)
    .run(f.computeSwitchTypeId, f.storageSwitchTypeId, f.oversubscription, f.nodesPerScalableUnit);

  insertAll(db, rowsTable, doc.rows);
  insertAll(db, racksTable, doc.racks);
  insertAll(db, coolingTable, doc.cooling);
  insertAll(db, powerTable, doc.power);
  const feed = db.prepare('INSERT INTO power_feeds (seq, power_id, upstream_id) VALUES (?, ?, ?)');
  seq = 0;
  for (const p of doc.power) for (const u of p.upstreamIds) feed.run(++seq, p.id, u);
  insertAll(db, traysTable, doc.trays);
  insertAll(db, containmentTable, doc.containment);
  insertAll(db, linksTable, doc.links);
  insertAll(db, workloadsTable, doc.workloads);
  insertAll(db, viewsTable, doc.views);
}
