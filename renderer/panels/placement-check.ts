// Why a move is refused, checked against the boxes near the objects being moved rather than all of
// them: a gigawatt hall has ~28,000 boxes, and filtering them twice per check took ~50 ms an
// inspector keystroke and ~10 ms a drag's pointer move. The floor-level boxes (what a floor object
// can hit, and what a drag snaps to) sit in a grid kept from edit to edit: an edit replaces only the
// records it changes (document/edits.ts), so the next document's grid is the last one with those
// records moved, found by identity as document/replaced.ts finds them. Records added, removed or
// reordered rebuild it, as does a new catalog (the sizes). The answer is collisionReason's over all
// boxes, word for word: the boxes handed to it are those sharing a cell with a candidate, in
// document order. The inspector and the select tool's drag both ask here.
import type { Footprint, ProjectDocument } from '../../engine/model/index';
import { collisionReason, type Candidate } from '../editor/collision';
import { objectBoxes, type ObjectBox, type Section } from '../editor/objects';
import { SNAP_NEAR_M, snapShift } from '../editor/snap';
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
/**
 * Boxes on the floor: every box a candidate can clash with (blocking ones, contained aisles) and
 * every box snapShift snaps to; busways and raised trays are neither.
 */
const onFloor = (b: ObjectBox) => b.z0 === 0;

/** The box objectBoxes makes for one record (remembered per record, so this is a lookup once made). */
function boxOf(doc: ProjectDocument, section: Section, record: Placed): ObjectBox | null {
  const one = { ...doc, racks: [], cooling: [], power: [], containment: [], trays: [], [section]: [record] } as ProjectDocument;
  return objectBoxes(one)[0] ?? null;
}

/** Floor boxes of one document by grid cell, and where each record sits in it. */
export class FloorIndex {
  private doc: ProjectDocument | null = null;
  private readonly cells = new Map<number, Entry[]>();
  /** Entry per record, by section and place in its array (null: no box, or one off the floor). */
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
    if (!onFloor(box)) return null;
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

  /** The boxes of `ids` in the indexed document, in document order; undefined when ids are shared. */
  boxesOf(ids: Iterable<string>): ObjectBox[] | undefined {
    const doc = this.doc;
    if (doc === null || this.ambiguous) return undefined;
    const orders: number[] = [];
    for (const id of new Set(ids)) {
      const order = this.place.get(id);
      if (order !== undefined) orders.push(order);
    }
    orders.sort((a, b) => a - b);
    const out: ObjectBox[] = [];
    for (const order of orders) {
      const s = SECTIONS[Math.floor(order / SECTION_STRIDE)]!;
      const box = boxOf(doc, s, (doc[s] as readonly Placed[])[order % SECTION_STRIDE]!);
      if (box !== null) out.push(box);
    }
    return out;
  }

  /**
   * The floor boxes sharing a cell with one of `fps` grown by `marginM`, other than `moving`, in
   * document order: every floor box within `marginM` of them, and a few more the caller's own test
   * drops. Undefined when only a scan can say (shared ids, a footprint over too many cells).
   */
  near(fps: readonly Footprint[], marginM: number, moving: ReadonlySet<string>): ObjectBox[] | undefined {
    if (this.doc === null || this.ambiguous) return undefined;
    const grown = fps.map((f) => ({ minX: f.minX - marginM, minY: f.minY - marginM, maxX: f.maxX + marginM, maxY: f.maxY + marginM }));
    if (grown.some((f) => !(cellCount(f) <= MAX_CANDIDATE_CELLS))) return undefined;
    const found = new Set<Entry>();
    for (const f of grown) for (const c of cellsOf(f)) for (const e of this.cells.get(c) ?? []) if (!moving.has(e.box.id)) found.add(e);
    return [...found].sort((a, b) => a.order - b.order).map((e) => e.box);
  }

  /** collisionReason for `candidates` among the indexed boxes other than `moving`, against the hall of `hallOf`; undefined when only a scan can say. */
  clash(hallOf: ProjectDocument, candidates: readonly Candidate[], moving: ReadonlySet<string>): string | null | undefined {
    const others = this.near(candidates.map((c) => c.fp), 0, moving);
    return others === undefined ? undefined : collisionReason(hallOf, candidates, others);
  }

  /**
   * Why the objects `ids` cannot stand where they are in the indexed document (collisionReason,
   * against the hall of `hallOf`), or undefined when only the full check can say (shared ids).
   */
  reason(hallOf: ProjectDocument, ids: readonly string[]): string | null | undefined {
    const mine = this.boxesOf(ids);
    if (mine === undefined) return undefined;
    const candidates: Candidate[] = mine.filter((b) => b.blocking).map((b) => ({ fp: b.fp, label: b.name, kind: 'floor' }));
    return this.clash(hallOf, candidates, new Set(ids));
  }
}

/** The check over every box, as the inspector always did: the reference the index must agree with. */
export function refusalByScan(doc: ProjectDocument, next: ProjectDocument, ids: readonly string[]): string | null {
  const moving = new Set(ids);
  const boxes = objectBoxes(next);
  const candidates = boxes.filter((b) => moving.has(b.id) && b.blocking).map((b) => ({ fp: b.fp, label: b.name, kind: 'floor' as const }));
  return collisionReason(doc, candidates, boxes.filter((b) => !moving.has(b.id)));
}

/** One index for the window: the inspector and the drag edit one document after another. */
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

/** The boxes of `ids` in `doc`, in document order (a drag's moving objects). */
export function boxesOfIds(doc: ProjectDocument, ids: readonly string[]): ObjectBox[] {
  shared.sync(doc);
  const moving = new Set(ids);
  return shared.boxesOf(moving) ?? objectBoxes(doc).filter((b) => moving.has(b.id));
}

/**
 * Why `candidates` cannot stand in `doc` beside its objects other than `moving` (a drag checks its
 * objects moved by the drop's offset, before any document has them there), or null.
 */
export function clashReason(doc: ProjectDocument, candidates: readonly Candidate[], moving: ReadonlySet<string>): string | null {
  shared.sync(doc);
  const fast = shared.clash(doc, candidates, moving);
  return fast === undefined ? collisionReason(doc, candidates, objectBoxes(doc).filter((b) => !moving.has(b.id))) : fast;
}

/** snapShift of `fp` among the objects of `doc` other than `moving`, handed only the floor boxes near it. */
export function snapAmong(doc: ProjectDocument, fp: Footprint, moving: ReadonlySet<string>, enabled: boolean): { dx: number; dy: number } {
  if (!enabled) return { dx: 0, dy: 0 };
  shared.sync(doc);
  const others = shared.near([fp], SNAP_NEAR_M, moving) ?? objectBoxes(doc).filter((b) => !moving.has(b.id));
  return snapShift(fp, others, doc.hall.tileM, true);
}
