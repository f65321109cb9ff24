// Named document operations: pure functions from one document to the next, never mutating their
// input (STYLE.md). UI components call them through applyOperation; the editor adds more here
// (place, move, rotate, delete) and builds undo from the before/after each one yields.
import type { ProjectDocument } from '../../engine/model/index';
import type { CameraView, Fraction } from '../../engine/model/index';

export interface Operation<A> {
  /** Stable name shown in the undo history, e.g. "hall.set". */
  name: string;
  apply(doc: ProjectDocument, args: A): ProjectDocument;
}

/** Numeric and text fields of the hall a user edits in the inspector. */
export type HallField = 'name' | 'lengthM' | 'widthM' | 'ceilingHeightM' | 'supplyAirC' | 'altitudeM';

export const setHallField: Operation<{ field: HallField; value: string | number }> = {
  name: 'hall.set',
  apply(doc, { field, value }) {
    if (doc.hall[field] === value) return doc;
    return { ...doc, hall: { ...doc.hall, [field]: value } };
  },
};

/** The placed collections whose objects carry a name the user may change. */
export type NamedSection = 'racks' | 'cooling' | 'power' | 'trays' | 'containment';

export const renameObject: Operation<{ section: NamedSection; id: string; name: string }> = {
  name: 'object.rename',
  apply(doc, { section, id, name }) {
    const list = doc[section] as readonly { id: string; name: string }[];
    const i = list.findIndex((o) => o.id === id);
    if (i < 0 || list[i]!.name === name) return doc;
    const next = list.slice();
    next[i] = { ...list[i]!, name };
    return { ...doc, [section]: next };
  },
};

/** Share of design power a rack draws; null falls back to the catalog's site default. */
export const setRackUtilisation: Operation<{ ids: readonly string[]; utilisation: number | null }> = {
  name: 'rack.setUtilisation',
  apply(doc, { ids, utilisation }) {
    const wanted = new Set(ids);
    let changed = false;
    const racks = doc.racks.map((r) => {
      if (!wanted.has(r.id) || r.utilisation === utilisation) return r;
      changed = true;
      return { ...r, utilisation: utilisation as Fraction | null };
    });
    return changed ? { ...doc, racks } : doc;
  },
};

export const setEquipmentStatus: Operation<{ section: 'cooling' | 'power'; id: string; status: 'running' | 'failed' | 'off' }> = {
  name: 'equipment.setStatus',
  apply(doc, { section, id, status }) {
    const list = doc[section];
    const i = list.findIndex((o) => o.id === id);
    if (i < 0 || list[i]!.status === status) return doc;
    const next = list.slice() as typeof list;
    next[i] = { ...list[i]!, status } as (typeof list)[number];
    return { ...doc, [section]: next };
  },
};

/** A named camera view the user keeps with the project (plain data: eye, target, projection). */
export const addView: Operation<{ view: CameraView }> = {
  name: 'view.add',
  apply(doc, { view }) {
    if (doc.views.some((v) => v.id === view.id)) return doc;
    return { ...doc, views: [...doc.views, view] };
  },
};

export const removeView: Operation<{ id: string }> = {
  name: 'view.remove',
  apply(doc, { id }) {
    const views = doc.views.filter((v) => v.id !== id);
    return views.length === doc.views.length ? doc : { ...doc, views };
  },
};
