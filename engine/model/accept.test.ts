import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import { compileAcceptor, fastParse } from './accept.js';
import { ProjectDocument } from './document.js';
import { Link } from './link.js';
import { Containment, CoolingUnit, PowerEquipment, Rack, Row, Tray } from './placed.js';

const doc = demoHall(shippedCatalog);
const tray = { id: 'tray-1', typeId: doc.catalog.trayTypes[0]!.id, name: 'Tray 1', points: [{ x: 1, y: 2 }, { x: 5, y: 2 }], elevationM: 2.6, tags: {} };
const containment = { id: 'cont-1', typeId: doc.catalog.containmentTypes[0]!.id, name: 'Aisle', min: { x: 1, y: 1 }, max: { x: 9, y: 3 }, heightM: 2.4, tags: { owner: 'ops' } };
const link = { id: 'l-1', a: { objectId: doc.racks[0]!.id, port: 'p1' }, b: { objectId: doc.racks[1]!.id, port: 'p2' }, purpose: 'compute', cableTypeId: null, routedLengthM: null, tags: {} };

/** The schemas the project file reads by the ten thousand, with valid records of each. */
const cases: [string, z.ZodType, unknown[]][] = [
  ['Rack', Rack, doc.racks],
  ['CoolingUnit', CoolingUnit, doc.cooling],
  ['PowerEquipment', PowerEquipment, doc.power],
  ['Row', Row, doc.rows],
  ['Tray', Tray, [tray]],
  ['Containment', Containment, [containment]],
  ['Link', Link, [link]],
];

/** Values a broken file or a careless caller could put anywhere. */
const oddValue = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, 0, -1, 0.5, 1, 90, 91, 1e300, '', 'x', 'A', 'running', 'bad id!', '__proto__', true, [], {}),
  fc.string({ maxLength: 130 }),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())),
);

type Path = (string | number)[];
function leafPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((k) => leafPaths((value as Record<string | number, unknown>)[k], [...path, k]))];
}

/** A copy of value with the thing at path replaced, removed, or given an extra key. */
function mutate(value: unknown, path: Path, how: 'set' | 'delete' | 'extra', next: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return how === 'set' ? next : copy;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'set') at[last] = next;
  else if (how === 'delete') delete at[last];
  else if (typeof at[last] === 'object' && at[last] !== null) (at[last] as Record<string, unknown>).extra = next;
  return copy;
}

describe('compileAcceptor', () => {
  it.each(cases)('compiles %s and accepts every valid record as it is', (_name, schema, records) => {
    const accept = compileAcceptor(schema);
    expect(accept).not.toBeNull();
    for (const r of records) expect(accept!(r)).toBe(true);
    expect(fastParse(schema, records[0]).data).toBe(records[0]);
  });

  it.each(cases)('never accepts a %s that zod refuses or would change', (_name, schema, records) => {
    const accept = compileAcceptor(schema)!;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: records.length - 1 }), fc.nat(), fc.constantFrom('set', 'delete', 'extra'), oddValue,
      (which, pick, how, next) => {
        const record = records[which];
        const paths = leafPaths(record);
        const value = mutate(record, paths[pick % paths.length]!, how as 'set', next);
        const zod = schema.safeParse(value);
        if (accept(value)) {
          expect(zod.success).toBe(true);
          expect(zod.data).toStrictEqual(value);
        }
      },
    ), { seed: 20261127, numRuns: 600 });
  });

  it('leaves to zod what it cannot check exactly', () => {
    expect(compileAcceptor(z.object({ a: z.number().default(1) }))).toBeNull();
    expect(compileAcceptor(z.object({ a: z.string().optional() }))).toBeNull();
    expect(compileAcceptor(z.string().trim())).toBeNull();
    expect(compileAcceptor(z.string().email())).toBeNull();
    expect(compileAcceptor(z.number().int())).toBeNull();
    expect(compileAcceptor(z.object({ a: z.number() }).refine((o) => o.a > 0))).toBeNull();
    expect(compileAcceptor(z.strictObject({ a: z.number() }))).toBeNull();
    expect(compileAcceptor(z.string().transform((s) => s.length))).toBeNull();
  });

  it('keeps the tightest of several bounds', () => {
    const accept = compileAcceptor(z.number().min(0).min(5).max(10).lt(8))!;
    expect([4, 5, 7.9, 8].map(accept)).toEqual([false, true, true, false]);
    const positive = compileAcceptor(z.number().nonnegative().positive())!;
    expect([0, 1e-9].map(positive)).toEqual([false, true]);
  });

  it('refuses keys zod would drop or mishandle', () => {
    const accept = compileAcceptor(z.object({ t: z.record(z.string(), z.string()) }))!;
    expect(accept({ t: JSON.parse('{"__proto__": "x"}') })).toBe(false);
    expect(accept(Object.assign(Object.create(null), { t: {} }))).toBe(false);
    expect(accept({ t: {}, more: 1 })).toBe(false);
  });
});

describe('fastParse', () => {
  it('explains a refusal with zod\'s own issues', () => {
    const bad = { ...doc.racks[0], utilisation: 1.5 };
    const result = fastParse(Rack, bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['utilisation']);
  });
});

describe('fastParse of a whole document (fields with and without acceptors)', () => {
  it('returns what zod returns, keeping the big arrays as they are', () => {
    const result = fastParse(ProjectDocument, doc);
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(ProjectDocument.parse(doc));
    expect(result.data?.racks).toBe(doc.racks);
  });

  it('agrees with zod on documents with one field broken or removed', () => {
    const fields = Object.keys(doc);
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.constantFrom('set', 'delete', 'extra'), oddValue, (f, pick, how, next) => {
      const field = fields[f % fields.length]!;
      const paths = leafPaths((doc as Record<string, unknown>)[field]).map((p) => [field, ...p]);
      const value = mutate(doc, paths[pick % paths.length]!, how as 'set', next);
      const fast = fastParse(ProjectDocument, value);
      const zod = ProjectDocument.safeParse(value);
      expect(fast.success).toBe(zod.success);
      if (zod.success) expect(fast.data).toStrictEqual(zod.data);
      else expect(fast.error?.issues).toEqual(zod.error.issues);
    }), { seed: 20261127, numRuns: 300 });
  });
});
