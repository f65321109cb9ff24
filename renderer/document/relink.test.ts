// Links follow what they join: a moved end re-routes its links (and only those), the cheapest cable
// that reaches is picked again unless the type was chosen by hand (then it is kept, reported, and
// the engine's violation names it), a tray change re-routes every link, and a link's rate comes
// from both ends. Demo hall, no trays: Manhattan over the 2.9 m path; GB200 racks are 2.3 m high
// (ports at 1.15 m, drops 1.75 m), network, storage and CPU racks 2.2 m (drops 1.8 m); slack 1 m.
import { describe, expect, it } from 'vitest';
import type { CatalogId, Link, LinkId, ProjectDocument } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { autoCableLinks, computeFabric, linkReachViolations } from '../../engine/fabric/index';
import { shippedCatalog as catalog } from '../../tests/support/catalog';
import { insertRecords, translateObjects } from './edits';
import { isTypeChosen, linkGbps, relinkChanged, routeLinks, setLinkCable, updateLinks } from './relink';

const link = (id: string, a: string, b: string, extra: Partial<Link> = {}): Link => ({
  id: id as LinkId, a: { objectId: a, port: 'p1' }, b: { objectId: b, port: 'p1' }, purpose: 'compute', cableTypeId: null, routedLengthM: null, tags: {}, ...extra,
});
/** The demo hall with these links, routed as the connect tool routes them. */
function withLinks(doc: ProjectDocument, links: Link[]): ProjectDocument {
  const d = insertRecords.apply(doc, { records: links.map((record) => ({ section: 'links', record })) });
  return updateLinks.apply(d, { links: routeLinks(d, d.links).links });
}
const byId = (doc: ProjectDocument, id: string) => doc.links.find((l) => l.id === id)!;
const reach = (id: string | null) => catalog.cableTypes.find((t) => t.id === id)!;

describe('a moved end re-routes its links', () => {
  // r01-04 (20.1, 6) to r02-06 (21.3, 8.4): 1.2 + 2.4 + 2 x 1.75 + 1 = 8.1 m, past active copper (5 m): AOC.
  // r01-03 (19.5, 6) to r01-05 (20.7, 6): 1.2 + 3.5 + 1 = 5.7 m, not touching what moves.
  const base = withLinks(demoHall(catalog), [link('l1', 'r01-04', 'r02-06'), link('l2', 'r01-03', 'r01-05')]);

  it('measures again and picks the cheapest cable that reaches; links elsewhere stay the same records', () => {
    expect(byId(base, 'l1')).toMatchObject({ routedLengthM: 8.1, cableTypeId: 'aoc-400' });
    const moved = translateObjects.apply(base, { ids: ['r02-06'], dx: 0, dy: 25 });
    const { links, tooShort } = relinkChanged(base, moved);
    // 1.2 + (2.4 + 25) + 3.5 + 1 = 33.1 m: past the AOC's 30 m; multimode fibre (50 m) is the
    // cheaper of those that reach (40 + two 700 optics against single-mode's 50 + two 1,000).
    expect(links).toEqual([{ ...byId(base, 'l1'), routedLengthM: 33.1, cableTypeId: 'mmf-400' }]);
    expect(tooShort).toEqual([]);
    const after = updateLinks.apply(moved, { links });
    expect(byId(after, 'l2')).toBe(byId(base, 'l2'));
    expect(after.racks).toBe(moved.racks);
  });

  it('a second move, and a move after a link was deleted, still find their links', () => {
    // The index of links by end is handed on to the array updateLinks makes; a deletion shifts positions.
    const once = translateObjects.apply(base, { ids: ['r02-06'], dx: 0, dy: 25 });
    const first = updateLinks.apply(once, { links: relinkChanged(base, once).links });
    const twice = translateObjects.apply(first, { ids: ['r02-06'], dx: 0, dy: -25 });
    expect(relinkChanged(first, twice).links.map((l) => [l.id, l.routedLengthM, l.cableTypeId])).toEqual([['l1', 8.1, 'aoc-400']]);
    const without = { ...first, links: first.links.filter((l) => l.id !== 'l1') };
    // r01-05 moved 1.2 m along the row, away from r01-03: 2.4 + 3.5 + 1 = 6.9 m.
    const moved = translateObjects.apply(without, { ids: ['r01-05'], dx: 1.2, dy: 0 });
    expect(relinkChanged(without, moved).links.map((l) => [l.id, l.routedLengthM])).toEqual([['l2', 6.9]]);
  });

  it('keeps a type chosen by hand, reports it when it no longer reaches, and Automatic picks again', () => {
    const chosen = setLinkCable.apply(base, { id: 'l1', cableTypeId: 'aoc-400' as CatalogId });
    expect(isTypeChosen(byId(chosen, 'l1'))).toBe(true);
    const moved = translateObjects.apply(chosen, { ids: ['r01-04'], dx: 0, dy: -25 });
    const { links, tooShort } = relinkChanged(chosen, moved);
    expect(links.map((l) => [l.routedLengthM, l.cableTypeId])).toEqual([[33.1, 'aoc-400']]);
    expect(tooShort.map((l) => l.id)).toEqual(['l1']);
    const after = updateLinks.apply(moved, { links });
    expect(linkReachViolations(after)).toEqual([expect.objectContaining({ code: 'fabric.link-cable-too-short', severity: 'error', objectIds: ['l1'] })]);
    const auto = setLinkCable.apply(after, { id: 'l1', cableTypeId: null });
    expect(byId(auto, 'l1')).toMatchObject({ cableTypeId: 'mmf-400', tags: {} });
    expect(linkReachViolations(auto)).toEqual([]);
  });

  it('a drawn link no cable of its speed reaches takes the longest and is named', () => {
    const far = translateObjects.apply(base, { ids: ['r02-06'], dx: 0, dy: 600 });
    // 1.2 + 602.4 + 3.5 + 1 = 608.1 m, past single-mode fibre's 500 m.
    const { links, tooShort } = relinkChanged(base, far);
    expect(links.map((l) => [l.routedLengthM, l.cableTypeId])).toEqual([[608.1, 'smf-400']]);
    expect(tooShort.map((l) => l.id)).toEqual(['l1']);
  });

  it('a rotation in place moves no port: nothing to re-route', () => {
    const turned = { ...base, racks: base.racks.map((r) => (r.id === 'r01-04' ? { ...r, rotationDeg: 90 as const } : r)) };
    // Ports sit at the rack's centre, so the length stays and the link record is not replaced.
    expect(relinkChanged(base, turned).links).toEqual([]);
  });
});

describe('trays re-route every link', () => {
  it('a new tray lengthens a link that now runs along it, and deleting it shortens it again', () => {
    const base = withLinks(demoHall(catalog), [link('l1', 'r01-04', 'r02-06')]);
    const tray = { id: 'tray-1', typeId: catalog.trayTypes[0]!.id, name: 'Tray 1', points: [{ x: 18, y: 4.8 }, { x: 24.6, y: 4.8 }], elevationM: 2.9, tags: {} };
    const trayed = insertRecords.apply(base, { records: [{ section: 'trays', record: tray as never }] });
    // Along the tray at y = 4.8: off to it 1.2 m and 3.6 m, along it 1.2 m, drops 1.75 m each,
    // slack 1 m = 10.5 m (the connect tool's tray case).
    const grown = relinkChanged(base, trayed).links;
    expect(grown.map((l) => l.routedLengthM)).toEqual([10.5]);
    const after = updateLinks.apply(trayed, { links: grown });
    const gone = { ...after, trays: [] };
    expect(relinkChanged(after, gone).links.map((l) => l.routedLengthM)).toEqual([8.1]);
  });
});

describe('a link runs at the slower of its two ends', () => {
  const doc = demoHall(catalog);
  // Two 800G switch racks, as network racks of an XDR InfiniBand and an 800G Ethernet fabric.
  const retyped = { ...doc, racks: doc.racks.map((r) => (r.id === 'r01-01' ? { ...r, typeId: 'net-ib-xdr' } : r.id === 'r01-02' ? { ...r, typeId: 'net-eth-800' } : r)) } as ProjectDocument;
  const gbps = (a: string, b: string, purpose: Link['purpose'] = 'compute') => linkGbps(retyped, link('x', a, b, { purpose }));

  it('switch ports, storage ports, NICs; equipment without ports takes the slowest cable', () => {
    expect(gbps('r01-01', 'r01-02')).toBe(800);
    expect(gbps('r02-09', 'r01-01')).toBe(400); // storage 400G ports into an 800G switch
    expect(gbps('r01-04', 'r01-02')).toBe(400); // GB200 400G NIC
    expect(gbps('r01-04', 'r01-02', 'storage')).toBe(200); // its storage NIC
    expect(gbps('r02-10', 'r01-09')).toBe(100); // CPU nodes' 100G NICs
    const [cdu, pdu] = [retyped.cooling[0]!.id, retyped.power[0]!.id];
    expect(gbps(cdu, pdu)).toBe(400); // no ports described: the slowest cable in the catalog
  });

  it('an 800G switch-to-switch link gets an 800G cable', () => {
    const d = withLinks(retyped, [link('s', 'r01-01', 'r01-02')]);
    // 0.6 + 2 x 1.8 + 1 = 5.2 m: past the 800G DAC's 2 m, multimode fibre.
    expect(byId(d, 's')).toMatchObject({ routedLengthM: 5.2, cableTypeId: 'mmf-800' });
    expect(reach('mmf-800').gbps).toBe(800);
  });
});

describe('auto-cabled demo hall (2,632 links)', () => {
  const doc = demoHall(catalog);
  const made = autoCableLinks(doc, computeFabric(doc));
  if (!made.ok) throw new Error(made.error);
  const cabled = { ...doc, links: made.links };

  it('a one-rack move re-routes exactly the links touching it, at the fabric speed', () => {
    const touching = cabled.links.filter((l) => l.a.objectId === 'r01-04' || l.b.objectId === 'r01-04');
    expect(touching).toHaveLength(108);
    const moved = translateObjects.apply(cabled, { ids: ['r01-04'], dx: 0, dy: -1 });
    const { links } = relinkChanged(cabled, moved);
    expect(links.map((l) => l.id).sort()).toEqual(touching.map((l) => l.id).sort());
    // NIC to leaf r01-02 (18.9, 6): 1.2 + 1.75 + 1.8 + 1 = 5.75 m, now 1 m more: 6.75 m, still AOC.
    const nic = links.find((l) => l.b.objectId === 'r01-02')!;
    expect(touching.find((l) => l.id === nic.id)!.routedLengthM).toBe(5.75);
    expect(nic).toMatchObject({ routedLengthM: 6.75, cableTypeId: 'aoc-400' });
    // Re-routing what did not move changes nothing: the fabric and this module measure alike.
    expect(routeLinks(cabled, cabled.links).links).toEqual([]);
  });
});
