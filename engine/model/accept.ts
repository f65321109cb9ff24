// A fast yes/no check compiled from a zod schema, for the hot path of reading tens of thousands
// of rows (a gigawatt hall's project file). zod builds a fresh copy of every record and a small
// payload per field; for 28,000 valid rows that garbage was half of the open time. The
// acceptor walks the value in place and allocates nothing. It is only ever a shortcut: when it
// says yes, zod would have returned a deep-equal copy, so the value can be used as it is; when
// it says no, or when the schema holds anything the acceptor does not understand (defaults,
// transforms, refinements, unknown checks), the caller runs zod as before, so messages and
// outcomes stay zod's. accept.test.ts checks that agreement on mutated records.
import type { z } from 'zod';

export type Acceptor = (value: unknown) => boolean;

/** Internal shape of zod 4 schemas and checks that the compiler reads (`schema._zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Schema { _zod: { def: Def } }

const enumerable = Object.prototype.propertyIsEnumerable;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The acceptor for a schema, or null when the schema uses something it cannot check exactly. */
export function compileAcceptor(schema: z.ZodType): Acceptor | null {
  return compile(schema as unknown as Schema);
}

function compile(schema: Schema): Acceptor | null {
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string': return stringAcceptor(checks);
    case 'number': return numberAcceptor(checks);
    case 'boolean': return checks.length === 0 ? (v) => typeof v === 'boolean' : null;
    case 'literal': {
      const values = def.values ?? [];
      return checks.length === 0 ? (v) => values.includes(v) : null;
    }
    case 'enum': {
      const entries = Object.values(def.entries ?? {});
      // String enums only: a TypeScript numeric enum's reverse mappings are not values to zod.
      if (checks.length > 0 || entries.some((e) => typeof e !== 'string')) return null;
      const values = new Set(entries);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = def.innerType && compile(def.innerType);
      return inner && checks.length === 0 ? (v) => v === null || inner(v) : null;
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      if (checks.length > 0 || options.some((o) => o === null)) return null;
      const all = options as Acceptor[];
      return (v) => all.some((o) => o(v));
    }
    case 'array': return arrayAcceptor(def, checks);
    case 'record': return recordAcceptor(def, checks);
    case 'object': return objectAcceptor(def, checks);
    default: return null; // optional, default, pipe, transform, custom...: leave to zod
  }
}

function stringAcceptor(checks: CheckDef[]): Acceptor | null {
  let min = 0, max = Infinity;
  const patterns: RegExp[] = [];
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    else if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    else if (c.check === 'string_format' && c.format === 'regex' && c.pattern && !c.pattern.global && !c.pattern.sticky) patterns.push(c.pattern);
    else return null;
  }
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max && patterns.every((p) => p.test(v));
}

function numberAcceptor(checks: CheckDef[]): Acceptor | null {
  let lo = -Infinity, loInclusive = true, hi = Infinity, hiInclusive = true;
  for (const c of checks) {
    if (c.value === undefined) return null;
    // The tightest bound wins, as every check must pass.
    if (c.check === 'greater_than') {
      if (c.value > lo || (c.value === lo && !c.inclusive)) { lo = c.value; loInclusive = c.inclusive === true; }
    } else if (c.check === 'less_than') {
      if (c.value < hi || (c.value === hi && !c.inclusive)) { hi = c.value; hiInclusive = c.inclusive === true; }
    } else return null;
  }
  // zod 4 numbers refuse NaN and the infinities without being asked.
  return (v) => typeof v === 'number' && Number.isFinite(v) &&
    (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
}

function lengthBounds(checks: CheckDef[]): { min: number; max: number } | null {
  let min = 0, max = Infinity;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    else if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    else return null;
  }
  return { min, max };
}

function arrayAcceptor(def: Def, checks: CheckDef[]): Acceptor | null {
  const element = def.element && compile(def.element);
  const bounds = lengthBounds(checks);
  if (!element || !bounds) return null;
  const { min, max } = bounds;
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return false;
    // Exactly the indices: a hole or an extra property would not survive zod's copy.
    let n = 0;
    for (const k in v) { n++; void k; }
    if (n !== v.length) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };
}

function recordAcceptor(def: Def, checks: CheckDef[]): Acceptor | null {
  // Only string keys: a numeric or enum key type changes what zod does with the keys.
  if (checks.length > 0 || !def.keyType || def.keyType._zod.def.type !== 'string' || !def.valueType) return null;
  const key = compile(def.keyType);
  const value = compile(def.valueType);
  if (!key || !value) return null;
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) if (k === '__proto__' || !key(k) || !value(v[k])) return false;
    return true;
  };
}

function objectAcceptor(def: Def, checks: CheckDef[]): Acceptor | null {
  // A catchall or object-level refinement changes the output or adds rules: leave to zod.
  if (checks.length > 0 || def.catchall !== undefined || !def.shape) return null;
  const fields: [string, Acceptor][] = [];
  for (const [name, field] of Object.entries(def.shape)) {
    const accept = compile(field);
    if (!accept) return null;
    fields.push([name, accept]);
  }
  const size = fields.length;
  return (v) => {
    if (!isPlainObject(v)) return false;
    // zod strips unknown keys; a value with extras would not come back equal, so say no.
    let n = 0;
    for (const k in v) { n++; if (n > size || k === '__proto__') return false; }
    if (n !== size) return false;
    for (let i = 0; i < size; i++) {
      const [name, accept] = fields[i] as [string, Acceptor];
      if (!enumerable.call(v, name) || !accept(v[name])) return false;
    }
    return true;
  };
}

const compiled = new WeakMap<object, Acceptor | null>();

/** compileAcceptor, once per schema. */
export function acceptorOf(schema: z.ZodType): Acceptor | null {
  let accept = compiled.get(schema);
  if (accept === undefined) {
    accept = compileAcceptor(schema);
    compiled.set(schema, accept);
  }
  return accept;
}

/** A parse that returns the output, or FAILED for zod to explain. */
type Parser = (value: unknown) => unknown;
const FAILED = Symbol('failed');
const parsers = new WeakMap<object, Parser | null>();

/**
 * For an object schema the acceptor cannot take whole (a document: a catalog with defaults next
 * to 10,000 racks): each field by its acceptor when it has one, else by zod, assembled as zod's
 * object parse would (plain z.object, exact keys; anything else returns null).
 */
function fieldParserOf(schema: z.ZodType): Parser | null {
  let parser = parsers.get(schema);
  if (parser !== undefined) return parser;
  const def = (schema as unknown as Schema)._zod.def;
  parser = null;
  if (def.type === 'object' && (def.checks ?? []).length === 0 && def.catchall === undefined && def.shape) {
    const fields = Object.entries(def.shape).map(([name, field]) => {
      const accept = compile(field);
      const zod = field as unknown as z.ZodType;
      const parse: Parser = accept ?? ((v) => { const r = zod.safeParse(v); return r.success ? r.data : FAILED; });
      return { name, parse: accept ? (v: unknown) => (accept(v) ? v : FAILED) : parse };
    });
    parser = (v) => {
      if (!isPlainObject(v)) return FAILED;
      let n = 0;
      for (const k in v) { n++; if (k === '__proto__') return FAILED; }
      if (n !== fields.length) return FAILED;
      const out: Record<string, unknown> = {};
      for (const { name, parse } of fields) {
        if (!enumerable.call(v, name)) return FAILED;
        const value = parse(v[name]);
        if (value === FAILED) return FAILED;
        out[name] = value;
      }
      return out;
    };
  }
  parsers.set(schema, parser);
  return parser;
}

/**
 * Parse with the acceptor's shortcut: a value it accepts is returned as it is (zod would return
 * a deep-equal copy); an object is taken field by field where only some fields have acceptors;
 * anything refused goes through zod, which decides and explains.
 */
export function fastParse<T>(schema: z.ZodType<T>, value: unknown): ReturnType<z.ZodType<T>['safeParse']> {
  type Result = ReturnType<z.ZodType<T>['safeParse']>;
  const accept = acceptorOf(schema);
  if (accept !== null) {
    if (accept(value)) return { success: true, data: value as T } as Result;
  } else {
    const parsed = fieldParserOf(schema)?.(value) ?? FAILED;
    if (parsed !== FAILED) return { success: true, data: parsed as T } as Result;
  }
  return schema.safeParse(value);
}
