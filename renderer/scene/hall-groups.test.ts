// Hall groups patched after an edit or a selection change must be exactly the groups a fresh
// build makes, while the groups and boxes nothing touched keep their objects (which is what lets
// the meshes skip their buffer updates).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog, type ProjectDocument } from '../../engine/model/index';
import { nextGroups, type Group, type Tints } from './hall-groups';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const NO: Tints = { inlets: null, rackUtil: null, powerUtil: null };

/** Groups as plain values, for comparing a patched result with a fresh build. */
const plain = (gs: Group[]) => gs.map((g) => ({ key: g.key, front: g.front, placements: g.placements, colors: g.colors.map((c) => c.getHexString()) }));
const fresh = (doc: ProjectDocument, selection: string[], tints = NO, far = false) => nextGroups(null, doc, selection, tints, far);

function moveRack(doc: ProjectDocument, i: number, dy: number): ProjectDocument {
  return { ...doc, racks: doc.racks.map((r, k) => (k === i ? { ...r, position: { ...r.position, y: (r.position.y + dy) as typeof r.position.y } } : r)) };
}

describe('hall groups after an edit', () => {
  const doc = demoHall(catalog);
  const base = fresh(doc, []);

  it('rewrites only the moved rack\'s box, in a copy of its group', () => {
    const moved = moveRack(doc, 4, -0.6);
    const next = nextGroups(base, moved, [], NO, false);
    expect(plain(next.groups)).toEqual(plain(fresh(moved, []).groups));
    const key = `rack:${doc.racks[4]!.typeId}`;
    for (const [k, g] of next.groups.entries()) {
      if (g.key === key) {
        expect(g).not.toBe(base.groups[k]);
        const i = g.placements.findIndex((p) => p.id === doc.racks[4]!.id);
        g.placements.forEach((p, j) => { if (j !== i) expect(p).toBe(base.groups[k]!.placements[j]); });
      } else {
        expect(g).toBe(base.groups[k]);
      }
    }
  });

  it('recolours only what the selection gained or lost', () => {
    const a = doc.racks[1]!.id, b = doc.cooling[0]!.id;
    const one = nextGroups(base, doc, [a], NO, false);
    const two = nextGroups(one, doc, [b], NO, false);
    expect(plain(one.groups)).toEqual(plain(fresh(doc, [a]).groups));
    expect(plain(two.groups)).toEqual(plain(fresh(doc, [b]).groups));
    expect(two.groups.filter((g, k) => g !== one.groups[k]).map((g) => g.key).sort()).toEqual([`cooling:${doc.cooling[0]!.typeId}`, `rack:${doc.racks[1]!.typeId}`].sort());
  });

  it('rebuilds when an object changes type, records come or go, tints change, or from far away', () => {
    const other = catalog.rackTypes.find((t) => t.id !== doc.racks[0]!.typeId)!;
    const retyped = { ...doc, racks: doc.racks.map((r, k) => (k === 0 ? { ...r, typeId: other.id } : r)) };
    expect(plain(nextGroups(base, retyped, [], NO, false).groups)).toEqual(plain(fresh(retyped, []).groups));
    const fewer = { ...doc, racks: doc.racks.slice(1) };
    expect(plain(nextGroups(base, fewer, [], NO, false).groups)).toEqual(plain(fresh(fewer, []).groups));
    const hot: Tints = { inlets: Float32Array.from(doc.racks.map((_, i) => 20 + i)), rackUtil: null, powerUtil: null };
    expect(plain(nextGroups(base, doc, [], hot, false).groups)).toEqual(plain(fresh(doc, [], hot).groups));
  });

  it('from far away, measures again only the row box of a moved or selected rack', () => {
    const far = fresh(doc, [], NO, true);
    const i = doc.racks.findIndex((r) => r.rowId !== null);
    const moved = moveRack(doc, i, 0.3);
    const next = nextGroups(far, moved, [], NO, true);
    expect(plain(next.groups)).toEqual(plain(fresh(moved, [], NO, true).groups));
    expect(next.groups.filter((g, k) => g !== far.groups[k]).map((g) => g.key)).toEqual(['rows']);
    const picked = nextGroups(next, moved, [doc.racks[i]!.id], NO, true);
    expect(plain(picked.groups)).toEqual(plain(fresh(moved, [doc.racks[i]!.id], NO, true).groups));
    // A rack moved into another row changes two boxes' members: rebuilt, and still right.
    const other = doc.rows.find((r) => r.id !== doc.racks[i]!.rowId)!;
    const rejoined = { ...moved, racks: moved.racks.map((r, k) => (k === i ? { ...r, rowId: other.id } : r)) };
    expect(plain(nextGroups(picked, rejoined, [], NO, true).groups)).toEqual(plain(fresh(rejoined, [], NO, true).groups));
  });

  it('answers the same inputs with the same groups', () => {
    const sel: string[] = [];
    const built = nextGroups(null, doc, sel, NO, false);
    expect(nextGroups(built, doc, sel, NO, false)).toBe(built);
  });
});
