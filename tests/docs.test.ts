// docs/violations.md and docs/catalog.md kept in step with the engine. The violation codes are read
// from the engine's sources (and seen at run time on a broken hall); the catalog's fields from its
// zod schema. Each doc is checked by a pure function returning its problems, so the test also
// shows that deleting any line that carries a fact (a heading, a bullet, a table row) is caught.
import { describe, expect, it } from 'vitest';
import { compute } from '../engine/compute/index.js';
import { demoHall } from '../engine/generators/index.js';
import { DEFAULT_SUPPLY_THROW_M, DEFAULT_TAP_OFF_REACH_M, type ProjectDocument } from '../engine/model/index.js';
import { shippedCatalog } from './support/catalog.js';
import { catalogTables, documentField, DOCUMENT_KEYS, readRepo, scanEngineCodes, scanSource, UNITS, type CodeScan } from './support/doc-sources.js';

const scan = scanEngineCodes();
const violationsDoc = readRepo('docs/violations.md');
const catalogDoc = readRepo('docs/catalog.md');

const HEADING = /^### `([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)` \((error|warning|info)\)$/;
const BULLET = /^- \*\*([A-Za-z ]+):\*\* (.*)$/;
const INDEX_ROW = /^\| `([^`]+)` \| ([a-z]+) \| (.+) \|$/;
const LABELS = ['Trigger', 'Governed by', 'Source', 'What to do', 'Emitted by'];

/** Everything wrong with a violations page against the scanned codes; [] when it is right. */
function violationDocProblems(text: string, codes: CodeScan['codes']): string[] {
  const problems: string[] = [];
  const entries = new Map<string, { severity: string; area: string; bullets: Map<string, string> }>();
  const index = new Map<string, string>();
  let area = '';
  let entry: { bullets: Map<string, string> } | null = null;
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line.startsWith('## ')) { area = line.slice(3).trim().toLowerCase(); entry = null; return; }
    if (line.startsWith('### ')) {
      const m = HEADING.exec(line);
      if (!m) { problems.push(`${at}: heading is not "### \`code\` (severity)": ${line}`); entry = null; return; }
      if (entries.has(m[1]!)) problems.push(`${at}: ${m[1]} has a second entry`);
      entry = { bullets: new Map() };
      entries.set(m[1]!, { severity: m[2]!, area, bullets: entry.bullets });
      return;
    }
    const row = INDEX_ROW.exec(line);
    if (row) {
      if (index.has(row[1]!)) problems.push(`${at}: ${row[1]} is twice in the index`);
      index.set(row[1]!, row[2]!);
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet && entry) {
      if (entry.bullets.has(bullet[1]!)) problems.push(`${at}: a second "${bullet[1]}"`);
      entry.bullets.set(bullet[1]!, bullet[2]!.trim());
    }
  });
  for (const [code, emitted] of codes) {
    const e = entries.get(code);
    if (!e) { problems.push(`${code} is emitted by ${[...emitted.files].join(', ')} but has no entry`); continue; }
    if (e.severity !== emitted.severity) problems.push(`${code}: documented as ${e.severity}, emitted as ${emitted.severity}`);
    if (e.area !== code.split('.')[0]) problems.push(`${code}: under "## ${e.area}", not its area`);
    for (const label of LABELS) if (!e.bullets.get(label)) problems.push(`${code}: no "${label}"`);
    for (const label of e.bullets.keys()) if (!LABELS.includes(label)) problems.push(`${code}: unknown bullet "${label}"`);
    const files = [...(e.bullets.get('Emitted by') ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
    if (files.join() !== [...emitted.files].sort().join()) problems.push(`${code}: emitted by ${[...emitted.files].join(', ')}, documented ${files.join(', ')}`);
    if (index.get(code) !== emitted.severity) problems.push(`${code}: index says ${index.get(code) ?? 'nothing'}, emitted as ${emitted.severity}`);
  }
  for (const code of entries.keys()) if (!codes.has(code)) problems.push(`${code} is documented but no longer emitted`);
  for (const code of index.keys()) if (!codes.has(code)) problems.push(`${code} is in the index but no longer emitted`);
  // Field names in backticks that start like a document path must name a real field (a code is not one).
  for (const m of text.matchAll(/`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)`/g)) {
    const token = m[1]!;
    if (codes.has(token) || token.includes('/') || !DOCUMENT_KEYS.has(token.split('.')[0]!)) continue;
    if (!documentField(token)) problems.push(`\`${token}\` is neither a violation code nor a document field`);
  }
  // What governs a finding is given with its unit: "`catalog.powerTypes.tapOffReachM` (m; ...".
  for (const [code, e] of entries) {
    const governed = e.bullets.get('Governed by') ?? '';
    for (const m of governed.matchAll(/`([a-z][A-Za-z0-9.]*)`/g)) {
      const unit = DOCUMENT_KEYS.has(m[1]!.split('.')[0]!) ? documentField(m[1]!)?.unit : undefined;
      const after = governed.slice(m.index + m[0].length);
      if (unit !== undefined && !after.startsWith(` (${unit}`)) problems.push(`${code}: \`${m[1]}\` governs it without its unit (${unit})`);
    }
  }
  return problems;
}

/** Defaults that apply when an optional catalog field is absent (the engine's named constants). */
const ABSENT_DEFAULTS: Record<string, number> = {
  'powerTypes.tapOffReachM': DEFAULT_TAP_OFF_REACH_M,
  'coolingTypes.supplyThrowM': DEFAULT_SUPPLY_THROW_M,
};

const TABLE_HEADING = /^#{2,3} .*\(`([A-Za-z]+)`(?:, kind `([a-z-]+)`)?\)$/;
const FIELD_ROW = /^\| `([A-Za-z0-9.]+)` \| ([^|]*) \| ([^|]*) \|(.*)$/;

/** Everything wrong with the catalog page against the schema and the shipped catalog; [] when it is right. */
function catalogDocProblems(text: string): string[] {
  const expected = catalogTables();
  const problems: string[] = [];
  const rows = new Map<string, Map<string, string[]>>();
  const shipped = new Map<string, string[]>();
  let table: string | null = null;
  text.split('\n').forEach((line, i) => {
    if (/^#{1,3} /.test(line)) {
      const m = TABLE_HEADING.exec(line);
      table = m ? (m[2] ? `${m[1]}/${m[2]}` : m[1]!) : null;
      if (table !== null && !expected.has(table)) problems.push(`line ${i + 1}: no catalog table "${table}"`);
      if (table !== null && rows.has(table)) problems.push(`line ${i + 1}: table "${table}" twice`);
      if (table !== null) rows.set(table, new Map());
      return;
    }
    if (table === null) return;
    const row = FIELD_ROW.exec(line);
    if (row) {
      const fields = rows.get(table)!;
      if (fields.has(row[1]!)) problems.push(`line ${i + 1}: ${table}.${row[1]} twice`);
      fields.set(row[1]!, [row[2]!.trim(), row[3]!.trim(), ...row[4]!.split('|').map((c) => c.trim())]);
    } else if (line.startsWith('Shipped: ')) shipped.set(table, [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  });
  for (const [name, fields] of expected) {
    const doc = rows.get(name);
    if (!doc) { problems.push(`no table for "${name}"`); continue; }
    for (const key of doc.keys()) if (!fields.has(key)) problems.push(`${name}.${key} is documented but not in the schema`);
    for (const [key, field] of fields) {
      const cells = doc.get(key);
      const path = `${name.split('/')[0]}.${key}`;
      if (!cells) { problems.push(`${name}.${key} is in the schema but not documented`); continue; }
      const [unit, presence] = cells;
      if (field.unit !== undefined && unit !== field.unit) problems.push(`${path}: unit "${unit}", schema says ${field.unit}`);
      // A unit on a plain number is a claim the schema cannot back; transceivers' powerW is the one
      // plain number whose name carries its unit (the schema does not brand it Watts).
      if (field.unit === undefined && [...UNITS.values()].includes(unit!) && !(key === 'powerW' && unit === 'W')) {
        problems.push(`${path}: unit "${unit}" but the schema's number carries no unit`);
      }
      if (field.optional !== presence!.startsWith('optional')) problems.push(`${path}: presence "${presence}", schema says ${field.optional ? 'optional' : 'required'}`);
      if (field.nullable !== presence!.includes('may be null')) problems.push(`${path}: presence "${presence}", schema says ${field.nullable ? '' : 'not '}nullable`);
      if ('defaultValue' in field && !presence!.includes(JSON.stringify(field.defaultValue))) problems.push(`${path}: default ${JSON.stringify(field.defaultValue)} not said`);
      if (field.optional && !('defaultValue' in field)) {
        const value = ABSENT_DEFAULTS[path];
        if (value === undefined) problems.push(`${path} is optional: add the value that applies when absent to ABSENT_DEFAULTS`);
        else if (!presence!.includes(`${value} ${field.unit ?? ''}`.trim())) problems.push(`${path}: absent means ${value} ${field.unit ?? ''}, the doc says "${presence}"`);
      }
      if (name === 'site') {
        const value = String(shippedCatalog.site[key as keyof typeof shippedCatalog.site]);
        if (cells[2] !== value) problems.push(`site.${key}: shipped ${value}, the doc says ${cells[2] ?? 'nothing'}`);
      }
    }
  }
  for (const [section, items] of Object.entries(shippedCatalog)) {
    if (!Array.isArray(items)) continue;
    const byKind = (items as { id: string; kind?: string }[]).some((t) => expected.has(`${section}/${t.kind ?? ''}`));
    const groups = new Map<string, string[]>();
    for (const t of items as { id: string; kind?: string }[]) {
      const key = byKind ? `${section}/${t.kind!}` : section;
      groups.set(key, [...(groups.get(key) ?? []), t.id]);
    }
    for (const [key, ids] of groups) {
      if ((shipped.get(key) ?? []).join() !== ids.join()) problems.push(`${key}: shipped ${ids.join(', ')}, the doc says ${(shipped.get(key) ?? []).join(', ') || 'nothing'}`);
    }
  }
  return problems;
}

/** Indices of the lines that carry a fact: deleting any one of them must be caught. */
const factLines = (text: string, fact: RegExp) => text.split('\n').flatMap((l, i) => (fact.test(l) ? [i] : []));
const without = (text: string, i: number) => text.split('\n').filter((_, k) => k !== i).join('\n');

describe('docs/violations.md', () => {
  it('reads every code in engine/ as a literal with its severity', () => {
    expect(scan.unread).toEqual([]);
    expect(scan.codes.size).toBeGreaterThan(40);
  });

  it('lists as unread a code built from a template, a variable or without a literal severity', () => {
    const probe: CodeScan = { codes: new Map(), unread: [] };
    const source = [
      "out.push({ code: 'power.fine', severity: 'warning', message: 'm', objectIds: [] });",
      'out.push({ code: `power.${kind}`, severity: \'error\', message: \'m\', objectIds: [] });',
      "out.push({ code: name, severity: 'error', message: 'm', objectIds: [] });",
      "out.push({ code, severity: 'error', message: 'm', objectIds: [] });",
      "out.push({ code: 'power.no-severity', severity: level, message: 'm', objectIds: [] });",
      "ctx.addIssue({ code: 'custom', path: ['x'], message: 'm' });",
    ].join('\n');
    scanSource('engine/probe.ts', source, probe);
    expect([...probe.codes.keys()]).toEqual(['power.fine']);
    expect(probe.unread.map((u) => u.split(':')[1]).sort()).toEqual(['2', '3', '4', '5']);
  });

  it('lists every emitted code, with its severity, area, rule, source, remedy and file, and no other', () => {
    expect(violationDocProblems(violationsDoc, scan.codes)).toEqual([]);
  });

  it('fails when any heading, bullet or index row is deleted', () => {
    const lines = factLines(violationsDoc, new RegExp(`^(### |\\| \`|- \\*\\*(${LABELS.join('|')}):)`));
    expect(lines.length).toBeGreaterThan(6 * scan.codes.size);
    const uncaught = lines.filter((i) => violationDocProblems(without(violationsDoc, i), scan.codes).length === 0);
    expect(uncaught.map((i) => violationsDoc.split('\n')[i])).toEqual([]);
  });

  it('fails on a code the engine emits that the page does not know', () => {
    const more = new Map(scan.codes).set('power.imaginary', { severity: 'error', files: new Set(['engine/power/violations.ts']) });
    expect(violationDocProblems(violationsDoc, more)).toContain('power.imaginary is emitted by engine/power/violations.ts but has no entry');
  });

  it('fails on a code the page lists that the engine no longer emits', () => {
    const fewer = new Map(scan.codes);
    fewer.delete('power.feed-side');
    const problems = violationDocProblems(violationsDoc, fewer);
    expect(problems).toContain('power.feed-side is documented but no longer emitted');
    expect(problems).toContain('power.feed-side is in the index but no longer emitted');
  });

  it('knows every code a broken hall raises at run time (no code is built where the scan cannot see it)', () => {
    const doc: ProjectDocument = structuredClone(demoHall(shippedCatalog));
    const cdu = doc.cooling.find((u) => u.typeId.startsWith('cdu'))!;
    cdu.status = 'failed';
    doc.racks[0]!.feedB = null;
    doc.racks[1]!.feedA = 'no-such-feed' as never;
    doc.racks[2]!.cduId = null;
    doc.power[0]!.typeId = 'no-such-type' as never;
    doc.fabric.storageSwitchTypeId = 'no-such-switch' as never;
    doc.workloads[0]!.slo.p99StepMs = 1 as never;
    const seen = new Set([...compute(demoHall(shippedCatalog)).violations, ...compute(doc).violations].map((v) => v.code));
    for (const code of ['cooling.cdu-down', 'power.rack-single-fed', 'power.unknown-feed', 'cooling.no-cdu', 'power.unknown-type', 'fabric.unknown-switch-type', 'workload.slo-missed']) {
      expect(seen).toContain(code);
    }
    expect([...seen].filter((code) => !scan.codes.has(code))).toEqual([]);
  });
});

describe('docs/catalog.md', () => {
  it('lists every catalog field once, in its table, with unit, presence and shipped defaults', () => {
    expect(catalogDocProblems(catalogDoc)).toEqual([]);
  });

  it('fails when any field row, table heading or shipped list is deleted', () => {
    const lines = factLines(catalogDoc, /^(\| `|#{2,3} .*\(`|Shipped: )/);
    expect(lines.length).toBeGreaterThan(100);
    const uncaught = lines.filter((i) => catalogDocProblems(without(catalogDoc, i)).length === 0);
    expect(uncaught.map((i) => catalogDoc.split('\n')[i])).toEqual([]);
  });
});
