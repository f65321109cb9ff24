// File > Export behind both transports: every format written from the demo hall into a temp
// folder (and readable as what it claims to be), the same figures as the CLI's pipeline, malformed
// requests refused with the argument named, and never a silent overwrite.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBom } from '../../engine/bom/index.js';
import { computeFabric } from '../../engine/fabric/index.js';
import { demoHall } from '../../engine/generators/index.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportSummary, type Result } from '../contract/api.js';
import { NETBOX_FILES } from '../export/netbox.js';
import { money } from '../export/pipelines.js';
import { tempDir } from '../../tests/support/tmp.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { exportFileName, exportHandlers, PayloadError, withExportExtension, type DesktopShell } from './index.js';

class AskingShell implements DesktopShell {
  answer = false;
  asked: [string, string][] = [];
  exportPathsAsked: [string, string][] = [];
  async chooseOpenPath() { return null; }
  async chooseSavePath() { return null; }
  setTitle() {}
  async confirmUnsaved() { return 'cancel' as const; }
  async confirmOverwrite(path: string, reason: 'exists' | 'changed' | 'not-empty') {
    this.asked.push([path, reason]);
    return this.answer;
  }
  async chooseExportPath(format: ExportFormat, name: string) {
    this.exportPathsAsked.push([format, name]);
    return `/picked/${exportFileName(format, name)}`;
  }
  async chooseImagePath() { return null; }
}

const dir = tempDir('ft-exports-');
const doc = demoHall(shippedCatalog);
const setup = () => {
  const shell = new AskingShell();
  return { shell, h: exportHandlers(shell) };
};
type Answer = Result<ExportSummary>;
const run = async (h: ReturnType<typeof exportHandlers>, format: ExportFormat, path: string, overwrite = false) =>
  (await h['export:run']([{ document: doc, format, path, overwrite }])) as Answer;

/** What each file must start with to be what its name says. */
const MAGIC: Record<Exclude<ExportFormat, 'netbox'>, (b: Buffer) => boolean> = {
  'bom-csv': (b) => b.toString('utf8').startsWith('\uFEFFCategory,'),
  'bom-xlsx': (b) => b.subarray(0, 2).toString('latin1') === 'PK',
  'bom-json': (b) => (JSON.parse(b.toString('utf8')) as { format: string }).format === 'factory-twin-bom',
  glb: (b) => b.readUInt32LE(0) === 0x46546c67,
  'report-pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

describe('export:run', () => {
  it.each(EXPORT_FORMATS.filter((f) => f !== 'netbox'))('writes %s from the demo hall, non-empty and of its kind', async (format) => {
    const { h, shell } = setup();
    const folder = join(dir, format);
    mkdirSync(folder);
    const path = join(folder, exportFileName(format, 'Demo hall'));
    const result = await run(h, format, path);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.bytes).toBe(statSync(path).size);
    expect(result.value.bytes).toBeGreaterThan(200);
    expect(MAGIC[format as keyof typeof MAGIC](readFileSync(path))).toBe(true);
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(folder)).toEqual([path.slice(folder.length + 1)]);
    expect(shell.asked).toEqual([]);
  }, 120_000);

  it('summarises the BOM with the figures buildBom gives (the CLI prints the same line)', async () => {
    const { h } = setup();
    const result = await run(h, 'bom-csv', join(dir, 'summary.csv'));
    const bom = buildBom(doc, computeFabric(doc));
    expect(result).toMatchObject({ ok: true, value: { summary: `BOM: ${bom.lines.length} lines in ${bom.categories.length} categories, total ${money(bom.total)} ${bom.currency}` } });
    // The CSV has one record per line plus the header, subtotals and total.
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8').split('\r\n').filter((l) => l !== '').length).toBeGreaterThan(bom.lines.length);
  });

  it('writes the NetBox folder: every import file, none empty, into a missing or an empty folder', async () => {
    const { h, shell } = setup();
    const missing = join(dir, 'netbox-new');
    const result = await run(h, 'netbox', missing);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.summary).toMatch(/^NetBox: \d+ racks, \d+ devices of \d+ types, \d+ power feeds, \d+ cables$/);
    expect(readdirSync(missing).sort()).toEqual(Object.values(NETBOX_FILES).sort());
    for (const name of Object.values(NETBOX_FILES)) expect(statSync(join(missing, name)).size, name).toBeGreaterThan(0);
    const empty = join(dir, 'netbox-empty');
    mkdirSync(empty);
    expect((await run(h, 'netbox', empty)).ok).toBe(true);
    expect(shell.asked).toEqual([]);
  }, 60_000);
});

describe('never a silent overwrite', () => {
  it('asks before replacing a file, keeps it on a no, replaces it on a yes', async () => {
    const { h, shell } = setup();
    const path = join(dir, 'existing.csv');
    writeFileSync(path, 'somebody\'s spreadsheet');
    const refused = await run(h, 'bom-csv', path);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'exists', file: path, message: 'existing.csv already exists and was not replaced.' } });
    expect(readFileSync(path, 'utf8')).toBe('somebody\'s spreadsheet');
    expect(shell.asked).toEqual([[path, 'exists']]);
    shell.answer = true;
    expect((await run(h, 'bom-csv', path)).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFFCategory,/);
  });

  it('replaces without asking when the request carries the user\'s yes (the preview asks in the page)', async () => {
    const { h, shell } = setup();
    const path = join(dir, 'confirmed.glb');
    writeFileSync(path, 'old');
    expect((await run(h, 'glb', path, true)).ok).toBe(true);
    expect(shell.asked).toEqual([]);
    expect(readFileSync(path).readUInt32LE(0)).toBe(0x46546c67);
  });

  it('asks before writing NetBox files into a folder that holds other files', async () => {
    const { h, shell } = setup();
    const folder = join(dir, 'netbox-busy');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'keep me');
    const refused = await run(h, 'netbox', folder);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'exists' } });
    expect(shell.asked).toEqual([[folder, 'not-empty']]);
    expect(readdirSync(folder)).toEqual(['notes.txt']);
  });

  it('explains a target it cannot use: a missing folder, a folder where a file goes, a file where a folder goes', async () => {
    const { h } = setup();
    expect(await run(h, 'bom-json', join(dir, 'no-such-folder', 'bom.json'))).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringContaining('does not exist') } });
    expect(await run(h, 'report-pdf', dir)).toMatchObject({ ok: false, error: { kind: 'is-a-folder' } });
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(await run(h, 'netbox', file)).toMatchObject({ ok: false, error: { kind: 'not-a-folder' } });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});

describe('malformed requests', () => {
  it('are refused with the channel and the argument named', async () => {
    const { h } = setup();
    const good = { document: doc, format: 'bom-csv', path: join(dir, 'never.csv'), overwrite: false };
    await expect(h['export:run']([{ ...good, format: 'docx' }])).rejects.toThrow(/^export:run refused a malformed request: args\[0\]\.format/);
    await expect(h['export:run']([{ ...good, path: 'relative.csv' }])).rejects.toThrow(/args\[0\]\.path: must be an absolute path/);
    await expect(h['export:run']([{ ...good, overwrite: undefined }])).rejects.toThrow(PayloadError);
    await expect(h['export:run']([{ ...good, shell: 'rm -rf' }])).rejects.toThrow(/shell/);
    await expect(h['export:run']([good, 'surplus'])).rejects.toThrow(PayloadError);
    const bad = { ...doc, racks: [{ ...doc.racks[0], typeId: 'no-such-rack' }] };
    await expect(h['export:run']([{ ...good, document: bad }])).rejects.toThrow(/args\[0\]\.document\.racks\[0\]\.typeId/);
    expect(existsSync(good.path)).toBe(false);
    await expect(h['export:choosePath'](['exe', 'x'])).rejects.toThrow(/export:choosePath refused a malformed request: args\[0\]/);
    await expect(h['export:choosePath'](['glb', 'x'.repeat(300)])).rejects.toThrow(PayloadError);
  });
});

describe('export:choosePath', () => {
  it('asks the shell with the format and the suggested name', async () => {
    const { h, shell } = setup();
    expect(await h['export:choosePath'](['bom-xlsx', 'Demo hall BOM'])).toBe('/picked/Demo hall BOM.xlsx');
    expect(shell.exportPathsAsked).toEqual([['bom-xlsx', 'Demo hall BOM']]);
  });

  it('names files with the format\'s extension, once, and nothing outside the folder', () => {
    expect(exportFileName('report-pdf', '../../etc/passwd')).toBe('..-..-etc-passwd.pdf');
    expect(exportFileName('netbox', '..')).toBe('Untitled');
    expect(exportFileName('bom-csv', 'hall.CSV')).toBe('hall.CSV');
    expect(exportFileName('netbox', 'Demo: hall')).toBe('Demo- hall');
    expect(withExportExtension('/a/b', 'glb')).toBe('/a/b.glb');
    expect(withExportExtension('/a/b.glb', 'glb')).toBe('/a/b.glb');
  });
});
