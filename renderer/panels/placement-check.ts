// Why the inspector refuses a position or rotation, checked against the boxes near the objects
// being edited rather than all of them: a gigawatt hall has ~38,000 boxes, and filtering them twice
// per check took ~50 ms a keystroke. The boxes a floor object can hit (blocking ones and contained
// aisles) sit in a grid kept from edit to edit: an edit replaces only the records it changes
// (document/edits.ts), so the next document's grid is the last one with those records moved, found
// by identity as document/replaced.ts finds them. Records added, removed or reordered rebuild it, as does a new
// catalog (the sizes). The answer is collisionReason's over all boxes, word for word: the boxes
// handed to it are those overlapping a candidate's cells, in document order.
import type { Footprint, ProjectDocument } from '../../engine/model/index';
import { collisionReason, type Candidate } from '../editor/collision';
import { objectBoxes, type ObjectBox, type Section } from '../editor/objects';
import { rackGrid } from '../document/rack-grid';

/** Grid cell side: a rack is ~0.6 x 1.2 m, a contained aisle a few cells long. */
const CELL_M = 4;
/** Sections in the order objectBoxes lists them, which is the order collisionReason reports in. */
const SECTIONS: readonly Section[] = ['racks', 'cooling', 'power', 'containment', 'trays'];
/** Document order of a record as one number: section first, then place in its array. */
const SECTION_STRIDE = 1e7;

interface Entry { box: ObjectBox; order: number }
type Placed = { id: string };

const cellOf = (i: number, j: number) => i * 1e6 + j;
const cellIndex = (v: number) => Math.floor(v / CELL_M);
/** Cells a candidate may span before the scan is the cheaper check (a rack spans one to four). */
const MAX_CANDIDATE_CELLS = 4096;
const cellCount = (fp: Footprint) => (cellIndex(fp.maxX) - cellIndex(fp.minX) + 1) * (cellIndex(fp.maxY) - cellIndex(fp.minY) + 1);

/** The cells a footprint touches; two overlapping footprints share at least one (overlaps() needs a common interior). */
function cellsOf(fp: Footprint): number[] {
  const out: number[] = [];
  for (let i = cellIndex(fp.minX); i <= cellIndex(fp.maxX); i++) for (let j = cellIndex(fp.minY); j <= cellIndex(fp.maxY); j++) out.push(cellOf(i, j));
  return out;
}
/** A floor object is kept out of blocking boxes and of contained aisles (collisionReason's rule for 'floor'). */
const canClash = (b: ObjectBox) => b.blocking || b.section === 'containment';

/** The box objectBoxes makes for one record (remembered per record, so this is a lookup once made). */
function boxOf(doc: ProjectDocument, section: Section, record: Placed): ObjectBox | null {
  const one = { ...doc, racks: [], cooling: [], power: [], containment: [], trays: [], [section]: [record] } as ProjectDocument;
  return objectBoxes(one)[0] ?? null;
}

/** Floor boxes of one document by grid cell, and where each record sits in it. */
export class FloorIndex {
  private doc: ProjectDocument | null = null;
  private readonly cells = new Map<number, Entry[]>();
  /** Entry per record, by section and place in its array (null: no box, or one that clashes with nothing). */
  private entries: (Entry | null)[][] = [];
  private readonly place = new Map<string, number>();
  /** Two records share an id: the caller must check the slow way to name the same box. */
  private ambiguous = false;
  /** Records indexed since the last full build (tests read it: an edit re-indexes only what it replaced). */
  updated = 0;

  /** Bring the index to `doc`: by the records it replaced when it lines up with the last one, else from scratch. */
  sync(doc: ProjectDocument): void {
    const last = this.doc;
    if (last === doc) return;
    this.doc = doc;
    if (last === null || last.catalog !== doc.catalog || !this.update(last, doc)) this.rebuild(doc);
  }

  private rebuild(doc: ProjectDocument): void {
    this.cells.clear();
    this.place.clear();
    this.ambiguous = false;
    this.updated = 0;
    // objectBoxes lists boxes in record order, section by section, skipping records it has no box for.
    const boxes = objectBoxes(doc);
    let b = 0;
    this.entries = SECTIONS.map((s, rank) => (doc[s] as readonly Placed[]).map((r, k) => {
      const order = rank * SECTION_STRIDE + k;
      if (this.place.has(r.id)) this.ambiguous = true; else this.place.set(r.id, order);
      const box = boxes[b];
      if (box === undefined || box.section !== s || box.id !== r.id) return null;
      b++;
      return this.add(box, order);
    }));
  }

  /** Move the entries of replaced records; false when the arrays do not line up (an id at another place). */
  private update(last: ProjectDocument, doc: ProjectDocument): boolean {
    for (const s of SECTIONS) if ((last[s] as readonly Placed[]).length !== (doc[s] as readonly Placed[]).length) return false;
    for (const [rank, s] of SECTIONS.entries()) {
      const before = last[s] as readonly Placed[], after = doc[s] as readonly Placed[];
      if (before === after) continue;
      // Records compared by identity, as document/replaced.ts does; only the replaced ones cost more.
      const row = this.entries[rank]!;
      for (let k = 0; k < after.length; k++) {
        const now = after[k]!;
        if (before[k] === now) continue;
        if (before[k]!.id !== now.id) return false;
        const gone = row[k];
        if (gone != null) this.remove(gone);
        const box = boxOf(doc, s, now);
        row[k] = box === null ? null : this.add(box, rank * SECTION_STRIDE + k);
        this.updated++;
      }
    }
    return true;
  }

  private add(box: ObjectBox, order: number): Entry | null {
    if (!canClash(box)) return null;
    const entry = { box, order };
    for (const c of cellsOf(box.fp)) {
      const list = this.cells.get(c);
      if (list === undefined) this.cells.set(c, [entry]); else list.push(entry);
    }
    return entry;
  }

  private remove(entry: Entry): void {
    for (const c of cellsOf(entry.box.fp)) {
      const list = this.cells.get(c)!;
      list.splice(list.indexOf(entry), 1);
      if (list.length === 0) this.cells.delete(c);
    }
  }

  /**
   * Why the objects `ids` cannot stand where they are in the indexed document (collisionReason,
   * against the hall of `hallOf`), or undefined when only the full check can say (shared ids).
   */
  reason(hallOf: ProjectDocument, ids: readonly string[]): string | null | undefined {
    const doc = this.doc;
    if (doc === null || this.ambiguous) return undefined;
    const moving = new Set(ids);
    const mine: { order: number; box: ObjectBox }[] = [];
    for (const id of moving) {
      const order = this.place.get(id);
      if (order === undefined) continue;
      const s = SECTIONS[Math.floor(order / SECTION_STRIDE)]!;
      const box = boxOf(doc, s, (doc[s] as readonly Placed[])[order % SECTION_STRIDE]!);
      if (box !== null && box.blocking) mine.push({ order, box });
    }
    mine.sort((a, b) => a.order - b.order);
    if (mine.some(({ box }) => !(cellCount(box.fp) <= MAX_CANDIDATE_CELLS))) return undefined;
    const near = new Set<Entry>();
    for (const { box } of mine) for (const c of cellsOf(box.fp)) for (const e of this.cells.get(c) ?? []) if (!moving.has(e.box.id)) near.add(e);
    const others = [...near].sort((a, b) => a.order - b.order).map((e) => e.box);
    const candidates: Candidate[] = mine.map(({ box }) => ({ fp: box.fp, label: box.name, kind: 'floor' }));
    return collisionReason(hallOf, candidates, others);
  }
}

/** The check over every box, as the inspector always did: the reference the index must agree with. */
export function refusalByScan(doc: ProjectDocument, next: ProjectDocument, ids: readonly string[]): string | null {
  const moving = new Set(ids);
  const boxes = objectBoxes(next);
  const candidates = boxes.filter((b) => moving.has(b.id) && b.blocking).map((b) => ({ fp: b.fp, label: b.name, kind: 'floor' as const }));
  return collisionReason(doc, candidates, boxes.filter((b) => !moving.has(b.id)));
}

/** One index for the window: the inspector edits one document after another. */
const shared = new FloorIndex();

/**
 * Index `doc` ahead of the first check, when the browser is idle: building the floor grid for a
 * gigawatt hall takes ~30 ms (more before the JIT has warmed up), which the first edit would
 * otherwise pay.
 * Returns the cancel function.
 */
export function prepareRefusal(doc: ProjectDocument): () => void {
  // The racks' grid too: a move then assigns its racks to rows without building it (document/rack-grid.ts).
  const prepare = () => { shared.sync(doc); rackGrid(doc.racks); };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(prepare, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(prepare, 0);
  return () => clearTimeout(id);
}

/** Why moving `ids` from `doc` to `next` would be refused (outside the hall, a wall, an overlap), or null. */
export function refusal(doc: ProjectDocument, next: ProjectDocument, ids: readonly string[]): string | null {
  shared.sync(next);
  const fast = shared.reason(doc, ids);
  return fast === undefined ? refusalByScan(doc, next, ids) : fast;
}
