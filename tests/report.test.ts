// The PDF report end to end: the demo hall's report made through the CLI, checked as a PDF and
// as page images (pdftoppm, poppler-utils) written to test-artifacts/report/ for a human to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { inkStats, readPng, type InkStats } from './report-png.js';
import { tempDir } from './support/tmp.js';

const artifacts = fileURLToPath(new URL('../test-artifacts/report/', import.meta.url));
const dir = tempDir('ft-report-');
const pdfPath = join(dir, 'report.pdf');
const hasPoppler = existsSync('/usr/bin/pdftoppm');

/** Pages in the order the report writes them (see electron/report/pdf.ts). */
const PAGES = ['cover', 'figures', '3d', 'plan-kind', 'plan-inlet', 'charts', 'violations', 'bom'] as const;

let run: Awaited<ReturnType<typeof runCli>>;
const stats = new Map<string, InkStats>();

beforeAll(async () => {
  expect((await runCli(dir, 'new', 'demo.aifactory')).code).toBe(0);
  run = await runCli(dir, 'report', 'demo.aifactory', '-o', 'report.pdf', '--date', '2025-06-30');
  if (!hasPoppler) return;
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', ['-r', '50', '-png', pdfPath, join(artifacts, 'page')]);
  const files = readdirSync(artifacts).filter((f) => f.endsWith('.png')).sort();
  files.forEach((f, i) => stats.set(PAGES[i] ?? f, inkStats(readPng(join(artifacts, f)))));
  writeFileSync(join(artifacts, 'stats.json'), JSON.stringify(Object.fromEntries(stats), null, 2));
});

describe('factory-twin report', () => {
  it('writes a PDF and says what it contains', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Wrote .*report\.pdf: 3 pictures, 3 charts, 0 violations, BOM total [\d,]+\.\d\d USD/);
    const bytes = readFileSync(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
  });

  it('has the eight pages of the layout, by the PDF page tree', () => {
    const text = readFileSync(pdfPath).toString('latin1');
    // Page objects are "/Type /Page" not followed by "s" (that is the /Pages tree node).
    expect(text.match(/\/Type \/Page(?!s)/g)?.length).toBe(PAGES.length);
    expect(text).toMatch(/\/Count 8\b/);
  });

  it('is the same bytes for the same input and date (no clock in the file)', async () => {
    const again = await runCli(dir, 'report', 'demo.aifactory', '-o', 'again.pdf', '--date', '2025-06-30');
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.pdf')).equals(readFileSync(pdfPath))).toBe(true);
  });

  it.runIf(hasPoppler)('renders every page with real content; the picture pages carry the most colour', () => {
    expect([...stats.keys()]).toEqual([...PAGES]);
    for (const [page, s] of stats) {
      expect(s.inked, `${page} is blank`).toBeGreaterThan(0.02);
      expect(s.colours, `${page} has too few colours`).toBeGreaterThan(8);
    }
    const s = (k: (typeof PAGES)[number]) => stats.get(k)!;
    // Pictures and charts are mostly ink and colour; the BOM and violation pages are mostly text.
    for (const picture of ['3d', 'plan-kind', 'plan-inlet', 'charts'] as const) {
      expect(s(picture).inked).toBeGreaterThan(s('bom').inked);
      expect(s(picture).coloured).toBeGreaterThan(s('violations').coloured);
      expect(s(picture).colours).toBeGreaterThan(40);
    }
    expect(s('plan-kind').inked).toBeGreaterThan(0.3);
    expect(s('3d').coloured).toBeGreaterThan(0.05);
  });

  it('refuses to overwrite without --force, and replaces with it', async () => {
    const before = statSync(pdfPath).size;
    const refused = await runCli(dir, 'report', 'demo.aifactory', '-o', 'report.pdf');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists; use --force/);
    const forced = await runCli(dir, 'report', 'demo.aifactory', '-o', 'report.pdf', '--date', '2025-06-30', '--force');
    expect(forced.code).toBe(0);
    expect(statSync(pdfPath).size).toBe(before);
  });

  it('gives one-line errors for a wrong output name, a bad date and a missing file', async () => {
    const ext = await runCli(dir, 'report', 'demo.aifactory', '-o', 'report.txt');
    expect([ext.code, ext.err]).toEqual([2, expect.stringMatching(/must end in \.pdf/)]);
    const date = await runCli(dir, 'report', 'demo.aifactory', '-o', 'd.pdf', '--date', 'yesterday');
    expect([date.code, date.err]).toEqual([2, expect.stringMatching(/--date must be a date as YYYY-MM-DD/)]);
    const missing = await runCli(dir, 'report', 'nope.aifactory', '-o', 'm.pdf');
    expect(missing.code).toBe(3);
    expect(missing.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(join(dir, 'm.pdf'))).toBe(false);
    const noOut = await runCli(dir, 'report', 'demo.aifactory');
    expect([noOut.code, noOut.err]).toEqual([2, expect.stringMatching(/-o <output> is required/)]);
  });
});
