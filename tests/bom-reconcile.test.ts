// The BOM written by `factory-twin bom` reconciles with the saved project file, recounted with
// plain SQL on its tables (no Factory Twin code reads the file for the recount).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bom } from '../engine/bom/index.js';
import { demoHall } from '../engine/generators/index.js';
import type { CatalogId, ContainmentId, CoolingId, PowerId, ProjectDocument, TrayId } from '../engine/model/index.js';
import { m, pt } from '../engine/model/index.js';
import { EXIT } from '../electron/cli/main.js';
import { runCli } from './support/cli.js';
import { ProjectFileService } from '../electron/project/index.js';
import { shippedCatalog } from './support/catalog.js';
import { tempDir } from './support/tmp.js';

const dir = tempDir('factory-twin-bom-');

/** The demo hall plus what it lacks: trays, containment, a rear door and a floor PDU. */
function fullDemo(): ProjectDocument {
  const doc = demoHall(shippedCatalog);
  doc.trays = [
    { id: 'tray-a' as TrayId, typeId: 'tray-600' as CatalogId, name: 'Spine tray', points: [pt(5, 4), pt(20, 4), pt(20, 9.5)], elevationM: m(3), tags: {} },
    { id: 'tray-b' as TrayId, typeId: 'tray-300' as CatalogId, name: 'Row tray', points: [pt(5, 6), pt(9, 9)], elevationM: m(3.2), tags: {} },
  ];
  doc.containment = [
    { id: 'hac-1' as ContainmentId, typeId: 'hac' as CatalogId, name: 'Hot aisle 1', min: pt(6, 6.1), max: pt(16.8, 7.3), heightM: m(2.4), tags: {} },
    { id: 'cac-1' as ContainmentId, typeId: 'cac' as CatalogId, name: 'Cold aisle 1', min: pt(6, 2), max: pt(7.8, 13), heightM: m(2.4), tags: {} },
  ];
  const rack = doc.racks[1];
  if (!rack) throw new Error('demo hall has no second rack');
  doc.cooling.push({ id: 'rdhx-1' as CoolingId, typeId: 'rdhx-50' as CatalogId, name: 'Rear door 1', position: pt(rack.position.x, rack.position.y + 0.7), rotationDeg: 0, tags: {}, rowId: rack.rowId, status: 'running', attachedRackId: rack.id });
  const board = doc.power.find((p) => p.typeId === 'swbd-4000');
  if (!board) throw new Error('demo hall has no switchboard');
  doc.power.push({ id: 'pdu-1' as PowerId, typeId: 'pdu-300' as CatalogId, name: 'Floor PDU 1', position: pt(2, 2), rotationDeg: 0, tags: {}, upstreamIds: [board.id], side: board.side, status: 'running', lengthM: null });
  return doc;
}

const cli = (...argv: string[]) => runCli(dir, ...argv);

const file = join(dir, 'full.aifactory');
new ProjectFileService('test').save(file, fullDemo(), { expected: null, overwrite: true });
const made = await cli('bom', 'full.aifactory', '--format', 'json', '-o', 'full-bom.json');

describe('bill of materials against the project file', () => {
  const bom = JSON.parse(readFileSync(join(dir, 'full-bom.json'), 'utf8')) as Bom & { format: string };
  const db = new Database(file, { readonly: true });
  afterAll(() => db.close());
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const priced = (category: string, unit = 'each') => {
    const out = new Map<string, number>();
    for (const l of bom.lines) {
      if (l.category !== category || l.unit !== unit || l.unitPrice === null || l.catalogId === null) continue;
      out.set(l.catalogId, (out.get(l.catalogId) ?? 0) + l.quantity);
    }
    return out;
  };
  const sqlMap = (rows: { id: string; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));
  const merged = (...cats: string[]) => new Map(cats.flatMap((c) => [...priced(c)]));

  it('is written by the CLI', async () => {
    expect(made.code, made.err).toBe(EXIT.ok);
    expect(made.out).toMatch(/^Wrote .*full-bom\.json: \d+ lines/);
    expect(bom.format).toBe('factory-twin-bom');
  });

  it('counts racks, GPUs, cooling and power equipment as the tables hold them', async () => {
    expect(priced('racks')).toEqual(sqlMap(all('SELECT type_id AS id, COUNT(*) AS n FROM racks GROUP BY type_id')));
    const gpus = db.prepare(`SELECT SUM(json_extract(c.props, '$.nodes') * json_extract(c.props, '$.gpusPerNode')) AS n
      FROM racks r JOIN catalog_items c ON c.id = r.type_id WHERE c.section = 'rackTypes' AND c.kind = 'gpu'`).get() as { n: number };
    const gpuLines = bom.lines.filter((l) => l.category === 'racks' && l.unitPrice === null).reduce((s, l) => s + l.quantity, 0);
    expect(gpuLines).toBe(gpus.n);
    expect(gpus.n).toBe(864);
    expect(merged('cooling', 'cdus')).toEqual(sqlMap(all('SELECT type_id AS id, COUNT(*) AS n FROM cooling_units GROUP BY type_id')));
    expect(priced('cdus')).toEqual(sqlMap(all(`SELECT u.type_id AS id, COUNT(*) AS n FROM cooling_units u
      JOIN catalog_items c ON c.id = u.type_id WHERE c.kind = 'cdu' GROUP BY u.type_id`)));
    expect(merged('busway', 'pdus', 'ups', 'transformers', 'switchboards', 'utility'))
      .toEqual(sqlMap(all('SELECT type_id AS id, COUNT(*) AS n FROM power_equipment GROUP BY type_id')));
    const busway = db.prepare('SELECT SUM(length_m) AS m FROM power_equipment WHERE length_m IS NOT NULL').get() as { m: number };
    const buswayLine = bom.lines.filter((l) => l.category === 'busway' && l.unit === 'm').reduce((s, l) => s + l.quantity, 0);
    expect(buswayLine).toBeCloseTo(busway.m, 2);
  });

  it('measures trays and containment as SQL measures them', async () => {
    // Segment lengths from the JSON polyline with a window over the points of each tray.
    const trays = all<{ id: string; n: number }>(`
      WITH p AS (SELECT t.id AS tray, t.type_id, CAST(j.key AS INTEGER) AS k,
                        json_extract(j.value, '$.x') AS x, json_extract(j.value, '$.y') AS y
                 FROM trays t, json_each(t.points) j),
           s AS (SELECT type_id, sqrt(power(x - LAG(x) OVER w, 2) + power(y - LAG(y) OVER w, 2)) AS len
                 FROM p WINDOW w AS (PARTITION BY tray ORDER BY k))
      SELECT type_id AS id, SUM(len) AS n FROM s WHERE len IS NOT NULL GROUP BY type_id`);
    expect(trays.length).toBe(2);
    const trayMetres = priced('trays', 'm');
    for (const t of trays) expect(trayMetres.get(t.id)).toBeCloseTo(t.n, 2);
    // 15 + 5.5 = 20.5 m of 600 mm tray; 5 m (a 3-4-5 triangle) of 300 mm tray.
    expect(trayMetres.get('tray-600')).toBeCloseTo(20.5, 6);
    expect(trayMetres.get('tray-300')).toBeCloseTo(5, 6);
    expect(priced('trays')).toEqual(sqlMap(all('SELECT type_id AS id, COUNT(*) AS n FROM trays GROUP BY type_id')));
    const aisles = all<{ id: string; n: number }>(
      'SELECT type_id AS id, SUM(max(abs(max_x - min_x), abs(max_y - min_y))) AS n FROM containment GROUP BY type_id');
    const aisleMetres = priced('containment', 'm');
    for (const a of aisles) expect(aisleMetres.get(a.id)).toBeCloseTo(a.n, 2);
    expect(aisleMetres.get('cac')).toBeCloseTo(11, 6);
  });

  it('prices placed equipment at the catalog prices in the file', async () => {
    const racks = db.prepare(`SELECT SUM(c.unit_price) AS v FROM racks r JOIN catalog_items c ON c.id = r.type_id`).get() as { v: number };
    expect(bom.categories.find((c) => c.category === 'racks')?.subtotal).toBeCloseTo(racks.v, 2);
    const cooling = db.prepare(`SELECT SUM(c.unit_price) AS v FROM cooling_units u JOIN catalog_items c ON c.id = u.type_id`).get() as { v: number };
    const coolingBom = bom.categories.filter((c) => c.category === 'cooling' || c.category === 'cdus').reduce((s, c) => s + c.subtotal, 0);
    expect(coolingBom).toBeCloseTo(cooling.v, 2);
    const info = db.prepare('SELECT name, version, currency FROM catalog_info').get() as { name: string; version: string; currency: string };
    expect(bom.catalog).toEqual({ name: info.name, version: info.version });
    expect(bom.currency).toBe(info.currency);
    expect(bom.project).toBe((db.prepare('SELECT name FROM hall').get() as { name: string }).name);
  });
});
