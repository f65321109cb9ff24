// What docs/violations.md and docs/catalog.md must agree with, read from the code itself: the
// violation codes the engine's sources emit (with severity and file), and the catalog's fields
// as the zod schema declares them (with unit, presence and default). Used by tests/docs.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Catalog, ProjectDocument } from '../../engine/model/index.js';
import * as U from '../../engine/model/units.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const readRepo = (path: string): string => readFileSync(join(root, path), 'utf8');

/** A code emitted in engine/: its severity and the files that emit it. */
export interface EmittedCode { severity: string; files: Set<string> }

export interface CodeScan {
  codes: Map<string, EmittedCode>;
  /** `code:` properties the scan could not read as a literal (a code built another way), as file:line text. */
  unread: string[];
}

function engineSources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) engineSources(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const CODE = /^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Every `code: '...'` literal under engine/ (tests excepted) with the severity literal beside it.
 * Everything else named `code` is either known not to build a violation (the Violation type's own
 * declaration, the report grouping copying `v.code`, zod's `code: 'custom'` issues) or is listed in
 * `unread`, so a code built from a template or a variable cannot slip past the scan.
 */
export function scanEngineCodes(): CodeScan {
  const scan: CodeScan = { codes: new Map(), unread: [] };
  for (const path of engineSources(join(root, 'engine'))) {
    scanSource(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'), scan);
  }
  return scan;
}

/** Adds the codes of one source file to `scan` (see scanEngineCodes). */
export function scanSource(file: string, text: string, scan: CodeScan): void {
  const { codes, unread } = scan;
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  for (const m of text.matchAll(/\bcode\s*:\s*/g)) {
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 300);
    const literal = /^'([^'\\]*)'|^"([^"\\]*)"/.exec(rest);
    if (literal) {
      const code = literal[1] ?? literal[2] ?? '';
      if (code === 'custom' && /addIssue\(\{\s*$/.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
      const severity = /^[^}]*?\bseverity\s*:\s*'(error|warning|info)'/.exec(rest.slice(literal[0].length))?.[1];
      if (!CODE.test(code) || severity === undefined) {
        unread.push(`${file}:${lineOf(at)}: ${rest.split('\n')[0]!}`);
        continue;
      }
      const seen = codes.get(code) ?? { severity, files: new Set<string>() };
      if (seen.severity !== severity) unread.push(`${file}:${lineOf(at)}: ${code} emitted as ${severity} and as ${seen.severity}`);
      seen.files.add(file);
      codes.set(code, seen);
      continue;
    }
    const declaration = /^string;/.test(rest);
    const copy = /^v\.code\b/.test(rest) && file === 'engine/report/figures.ts';
    if (!declaration && !copy) unread.push(`${file}:${lineOf(at)}: code: ${rest.split('\n')[0]!}`);
  }
  for (const m of text.matchAll(/\.code\s*=(?!=)/g)) unread.push(`${file}:${lineOf(m.index)}: assignment to .code`);
  for (const m of text.matchAll(/[{,]\s*code\s*(?=[,}])/g)) unread.push(`${file}:${lineOf(m.index)}: shorthand { code }`);
}

/** Unit of each branded number type, as the docs write it; compared by schema identity. */
export const UNITS = new Map<z.ZodType, string>([
  [U.Metres, 'm'], [U.PositiveMetres, 'm'], [U.NonNegativeMetres, 'm'], [U.Kilograms, 'kg'], [U.Kilowatts, 'kW'], [U.Watts, 'W'], [U.Celsius, '°C'], [U.Kelvin, 'K'],
  [U.Volts, 'V'], [U.Amperes, 'A'], [U.CubicMetresPerSecond, 'm³/s'], [U.LitresPerMinute, 'L/min'],
  [U.GbitPerSecond, 'Gbit/s'], [U.GBytePerSecond, 'GB/s'], [U.Gigabytes, 'GB'], [U.Terabytes, 'TB'],
  [U.Microseconds, 'µs'], [U.Milliseconds, 'ms'], [U.Nanoseconds, 'ns'], [U.Teraflops, 'TFLOPS'],
  [U.Fraction, '0-1'], [U.Money, 'currency'],
]);

export interface Field {
  /** Unit of a branded number (or of an array's elements), else undefined. */
  unit: string | undefined;
  optional: boolean;
  nullable: boolean;
  /** The zod default, when the field has one. */
  defaultValue?: unknown;
}

/** Peels optional, default and nullable off a field, noting each. */
function peel(schema: z.ZodType): { inner: z.ZodType; field: Omit<Field, 'unit'> } {
  const field: Omit<Field, 'unit'> = { optional: false, nullable: false };
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional) { field.optional = true; s = s.unwrap() as z.ZodType; }
    else if (s instanceof z.ZodDefault) { field.optional = true; field.defaultValue = s.def.defaultValue; s = s.unwrap() as z.ZodType; }
    else if (s instanceof z.ZodNullable) { field.nullable = true; s = s.unwrap() as z.ZodType; }
    else return { inner: s, field };
  }
}

/** Leaf fields of an object schema by dotted path (nested objects are walked, arrays are leaves). */
export function leaves(schema: z.ZodType, prefix = '', out = new Map<string, Field>()): Map<string, Field> {
  const { inner } = peel(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error(`${prefix || 'schema'} is not an object`);
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const { inner: c, field } = peel(child);
    if (c instanceof z.ZodObject) { leaves(c, `${prefix}${key}.`, out); continue; }
    const element = c instanceof z.ZodArray ? (c.element as z.ZodType) : c;
    out.set(`${prefix}${key}`, { ...field, unit: UNITS.get(element) });
  }
  return out;
}

/**
 * The catalog's tables as docs/catalog.md lays them out: `catalog` (its own scalars), `site`, `item`
 * (the fields every section's entries share), each section without those, and for a section of
 * several kinds (a discriminated union) the fields all kinds share under the section and the rest
 * under `section/kind`.
 */
export function catalogTables(): Map<string, Map<string, Field>> {
  const tables = new Map<string, Map<string, Field>>();
  const shape = Catalog.shape;
  const own = new Map<string, Field>();
  const sections: [string, Map<string, Field>[], string[]][] = [];
  for (const [key, child] of Object.entries(shape as Record<string, z.ZodType>)) {
    if (child instanceof z.ZodArray) {
      const element = child.element as z.ZodType;
      if (element instanceof z.ZodDiscriminatedUnion) {
        const options = element.options as z.ZodObject[];
        const kinds = options.map((o) => String((o.shape as { kind: z.ZodLiteral }).kind.value));
        sections.push([key, options.map((o) => leaves(o)), kinds]);
      } else sections.push([key, [leaves(element)], []]);
    } else if (child instanceof z.ZodObject) tables.set(key, leaves(child));
    else own.set(key, { ...peel(child).field, unit: undefined });
  }
  tables.set('catalog', own);
  const shared = (maps: Map<string, Field>[]) => new Set([...maps[0]!.keys()].filter((k) => maps.every((m) => m.has(k))));
  const perSection = sections.map(([, maps]) => shared(maps));
  const item = new Set([...perSection[0]!].filter((k) => perSection.every((s) => s.has(k))));
  tables.set('item', new Map([...sections[0]![1][0]!].filter(([k]) => item.has(k))));
  for (const [key, maps, kinds] of sections) {
    const common = shared(maps);
    tables.set(key, new Map([...maps[0]!].filter(([k]) => common.has(k) && !item.has(k))));
    kinds.forEach((kind, i) => tables.set(`${key}/${kind}`, new Map([...maps[i]!].filter(([k]) => !common.has(k)))));
  }
  return tables;
}

/**
 * The field a dotted path names in the project document (union members and arrays walked
 * through), or undefined when it names none. An object (a position, a nested record) has no unit.
 */
export function documentField(path: string): Field | undefined {
  const walk = (schema: z.ZodType, parts: string[]): Field | undefined => {
    const { inner, field } = peel(schema);
    let s = inner;
    while (s instanceof z.ZodArray) s = peel(s.element as z.ZodType).inner;
    if (parts.length === 0) return { ...field, unit: UNITS.get(s) };
    if (s instanceof z.ZodDiscriminatedUnion) {
      for (const o of s.options as z.ZodType[]) {
        const found = walk(o, parts);
        if (found) return found;
      }
      return undefined;
    }
    if (!(s instanceof z.ZodObject)) return undefined;
    const child = (s.shape as Record<string, z.ZodType | undefined>)[parts[0]!];
    return child === undefined ? undefined : walk(child, parts.slice(1));
  };
  return walk(ProjectDocument, path.split('.'));
}

export const DOCUMENT_KEYS = new Set(Object.keys(ProjectDocument.shape));
