// New ids: short, readable and unique across the whole document (`r-12`, `hac-1`, `link-3`),
// numbered after the highest of the same prefix so they read in creation order.
import type { ProjectDocument } from '../../engine/model/index';

export function allIds(doc: ProjectDocument): Set<string> {
  const ids = new Set<string>();
  for (const list of [doc.rows, doc.racks, doc.cooling, doc.power, doc.trays, doc.containment, doc.links, doc.workloads]) {
    for (const o of list as readonly { id: string }[]) ids.add(o.id);
  }
  return ids;
}

/** Hands out ids for one operation; `taken` grows as it goes so a batch never repeats itself. */
export class IdMaker {
  private readonly taken: Set<string>;
  constructor(doc: ProjectDocument) { this.taken = allIds(doc); }

  next(prefix: string): string {
    let n = 0;
    const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}-(\\d+)$`);
    for (const id of this.taken) {
      const m = re.exec(id);
      if (m !== null) n = Math.max(n, Number(m[1]));
    }
    let id = `${prefix}-${n + 1}`;
    while (this.taken.has(id)) id = `${prefix}-${++n + 1}`;
    this.taken.add(id);
    return id;
  }
}

/** Id prefix for a new object of a section (and kind, for cooling and containment). */
export function prefixFor(section: string, kind?: string): string {
  switch (section) {
    case 'racks': return 'r';
    case 'cooling': return kind ?? 'cool';
    case 'power': return kind ?? 'pwr';
    case 'trays': return 'tray';
    case 'containment': return kind === 'cold-aisle' ? 'cac' : 'hac';
    case 'links': return 'link';
    default: return 'obj';
  }
}
