// The NetBox cables file after auto-cable: one row per fabric cable, with NetBox's field names,
// cable types from its CableTypeChoices and the routed length; the user's own links still listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoCableLinks, computeFabric } from '../../engine/fabric/index.js';
import { demoHall } from '../../engine/generators/index.js';
import type { LinkId, ProjectDocument } from '../../engine/model/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { NETBOX_FILES, NETBOX_HEADERS, netboxExport } from './netbox.js';

const reference = JSON.parse(readFileSync(new URL('../../tests/fixtures/netbox/import-fields.json', import.meta.url), 'utf8')) as {
  forms: Record<string, { fields: string[]; required: string[] }>;
  choices: Record<string, string[]>;
};

/** The export quotes only fields with commas; generated ids, names and ports have none. */
function rows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.split('\r\n').filter((l) => l !== '');
  const header = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i] as string, v])));
}

describe('NetBox export of an auto-cabled hall', () => {
  const doc = demoHall(shippedCatalog);
  const fabric = computeFabric(doc);
  const made = autoCableLinks(doc, fabric);
  if (!made.ok) throw new Error(made.error);
  const user = { id: 'my-link' as LinkId, a: { objectId: doc.racks[0]!.id, port: 'mgmt0' }, b: { objectId: doc.racks[1]!.id, port: 'mgmt0' }, purpose: 'management' as const, cableTypeId: null, routedLengthM: null, tags: {} };
  const cabled: ProjectDocument = { ...doc, links: [user, ...made.links] };
  const nb = netboxExport(cabled, computeFabric(cabled));
  const cables = rows(nb.files[NETBOX_FILES.cables] as string);
  const total = fabric.cables.reduce((s, c) => s + c.count, 0);

  it('writes as many cables as the fabric counts, plus the user\'s own', () => {
    expect(total).toBe(2632); // demo hall: 864 + 1024 compute, 488 + 256 storage
    expect(nb.counts.cables).toBe(total + 1);
    expect(cables).toHaveLength(total + 1);
    expect(new Set(cables.map((c) => c.label)).size).toBe(cables.length);
  });

  it('uses the CableImportForm field names and CableTypeChoices, and per type the fabric\'s counts', () => {
    for (const f of NETBOX_HEADERS.cables) expect(reference.forms['CableImportForm']?.fields).toContain(f);
    const byType = new Map<string, number>();
    for (const c of cables.slice(1)) {
      expect(reference.choices['CableTypeChoices']).toContain(c.type);
      expect(Number(c.length)).toBeGreaterThan(0);
      expect(c.length_unit).toBe('m');
      byType.set(c.type as string, (byType.get(c.type as string) ?? 0) + 1);
    }
    const kinds = new Map(shippedCatalog.cableTypes.map((k) => [k.id as string, k.kind]));
    const want = new Map<string, number>();
    const nbType: Record<string, string> = { 'dac-passive': 'dac-passive', 'dac-active': 'dac-active', aoc: 'aoc', mmf: 'mmf-om4', smf: 'smf-os2' };
    for (const line of fabric.cables) {
      const t = nbType[kinds.get(line.cableTypeId) ?? ''] as string;
      want.set(t, (want.get(t) ?? 0) + line.count);
    }
    expect(byType).toEqual(want);
  });

  it('names both ends by rack name and the port auto-cable gave', () => {
    const names = new Map(doc.racks.map((r) => [r.id as string, r.name]));
    const first = made.links[0]!;
    expect(cables[1]).toMatchObject({ side_a_device: names.get(first.a.objectId), side_a_name: first.a.port, side_b_device: names.get(first.b.objectId), label: 'fab-nic-leaf-1', side_a_type: 'dcim.interface' });
  });
});
