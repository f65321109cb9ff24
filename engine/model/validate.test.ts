import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import { parseDocument } from './validate.js';

describe('parseDocument', () => {
  it('accepts the generated demo hall', () => {
    const result = parseDocument(demoHall(shippedCatalog));
    expect(result.ok).toBe(true);
  });

  it('names the field of a structural error', () => {
    const doc = structuredClone(demoHall(shippedCatalog)) as unknown as { racks: { position: { x: unknown } }[] };
    (doc.racks[2] as { position: { x: unknown } }).position.x = 'left';
    const result = parseDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('racks[2].position.x');
  });

  it('refuses a size of nothing and a negative reach, naming each field', () => {
    const doc = structuredClone(demoHall(shippedCatalog));
    const busway = doc.catalog.powerTypes.findIndex((t) => t.kind === 'busway');
    Object.assign(doc.catalog.rackTypes[0]!, { widthM: 0 });
    Object.assign(doc.catalog.powerTypes[busway]!, { tapOffReachM: -1 });
    const run = doc.power.findIndex((e) => e.lengthM !== null);
    Object.assign(doc.power[run]!, { lengthM: 0 });
    const result = parseDocument(doc);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toContain('catalog.rackTypes[0].widthM');
    expect(paths).toContain(`catalog.powerTypes[${busway}].tapOffReachM`);
    expect(paths).toContain(`power[${run}].lengthM`);
  });

  it('finds a dangling reference and a duplicate id', () => {
    const doc = demoHall(shippedCatalog);
    const racks = doc.racks.map((r) => ({ ...r }));
    racks[0] = { ...racks[0]!, feedA: 'nowhere' as never };
    racks[1] = { ...racks[1]!, id: racks[2]!.id };
    const result = parseDocument({ ...doc, racks });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({ path: 'racks[0].feedA', message: 'no power element "nowhere"' });
      expect(result.problems.some((p) => p.path === 'racks[2].id' && p.message.includes('already used at racks[1].id'))).toBe(true);
    }
  });

  it('finds a loop in the power chain', () => {
    const doc = demoHall(shippedCatalog);
    const power = doc.power.map((p) => ({ ...p }));
    const util = power.findIndex((p) => p.id.startsWith('util-A'));
    const bw = power.find((p) => p.id.startsWith('bw-A'))!;
    power[util] = { ...power[util]!, upstreamIds: [bw.id] };
    const result = parseDocument({ ...doc, power });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.message.startsWith('power feeds form a loop'))).toBe(true);
  });
});
