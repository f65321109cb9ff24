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
