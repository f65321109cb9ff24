// The palette's groups: the catalog's equipment types by kind, each with the ids of the objects of
// that type standing in the hall. Kept from edit to edit while no object is added, removed or
// retyped: a move on a gigawatt hall then costs a walk over the records by identity, not a new
// list of ~38,000 ids, and the palette (a zustand selector returning the same groups) does not
// render again.
import { Cpu, Database, Network, Server, Snowflake, Zap } from 'lucide-react';
import type { ProjectDocument, RackKind } from '../../engine/model/index';
import { KIND_COLORS, COOLING_COLOR, POWER_COLOR } from '../scene/colors';
import { formatQuantity } from '../format/number';

export interface Entry { id: string; name: string; detail: string; placed: string[]; color: string; placeable?: boolean }
export interface Group { title: string; icon: typeof Cpu; entries: Entry[] }

const RACK_GROUPS: { kind: RackKind; title: string; icon: typeof Cpu }[] = [
  { kind: 'gpu', title: 'GPU racks', icon: Server },
  { kind: 'network', title: 'Network racks', icon: Network },
  { kind: 'storage', title: 'Storage racks', icon: Database },
  { kind: 'cpu', title: 'CPU racks', icon: Cpu },
];

function groupsOf(catalog: ProjectDocument['catalog'], idsByType: ReadonlyMap<string, string[]>): Group[] {
  const kw = (v: number) => { const q = formatQuantity(v, 'kW'); return `${q.value} ${q.unit}`; };
  const groups: Group[] = RACK_GROUPS.map(({ kind, title, icon }) => ({
    title, icon,
    entries: catalog.rackTypes.filter((t) => t.kind === kind).map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: KIND_COLORS[kind], placeable: true,
      detail: `${kw(t.designPowerKw)} · ${t.uHeight}U · ${Math.round(t.liquidFraction * 100)} % liquid`,
    })),
  }));
  groups.push({
    title: 'Cooling', icon: Snowflake,
    entries: catalog.coolingTypes.map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: COOLING_COLOR, detail: `${t.kind.toUpperCase()} · ${kw(t.capacityKw)}`,
    })),
  });
  groups.push({
    title: 'Power', icon: Zap,
    entries: catalog.powerTypes.map((t) => ({
      id: t.id, name: t.name, placed: idsByType.get(t.id) ?? [], color: POWER_COLOR, detail: `${t.kind} · ${t.voltageV} V · ${t.ratedA} A`,
    })),
  });
  return groups.filter((g) => g.entries.length > 0);
}

type Typed = { id: string; typeId: string };
const PLACED = ['racks', 'cooling', 'power'] as const;

/** Same ids of the same types in the same order: only records replaced in place, none retyped. */
function sameTypes(before: readonly Typed[], after: readonly Typed[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const b = before[i]!, a = after[i]!;
    if (b !== a && (b.id !== a.id || b.typeId !== a.typeId)) return false;
  }
  return true;
}

let last: { doc: ProjectDocument; groups: Group[] } | null = null;

/** The groups of `doc`: the very array of the previous document when its objects and their types are the same. */
export function paletteGroups(doc: ProjectDocument): Group[] {
  if (last !== null && last.doc === doc) return last.groups;
  if (last !== null && last.doc.catalog === doc.catalog && PLACED.every((s) => sameTypes(last!.doc[s], doc[s]))) {
    last = { doc, groups: last.groups };
    return last.groups;
  }
  const idsByType = new Map<string, string[]>();
  for (const s of PLACED) {
    for (const o of doc[s] as readonly Typed[]) {
      const list = idsByType.get(o.typeId);
      if (list === undefined) idsByType.set(o.typeId, [o.id]); else list.push(o.id);
    }
  }
  last = { doc, groups: groupsOf(doc.catalog, idsByType) };
  return last.groups;
}
