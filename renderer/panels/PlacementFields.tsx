// Position and rotation of the selected objects in the inspector, for one object or many at once
// (a blank field means the values differ). Lengths are typed and shown in the user's units; a
// value that is not a length, lies outside the hall or would make an object collide is refused
// with the reason, and never reaches the document. A rack moved into another row joins it
// (tools/moves.ts), in the same undo step.
import { useEffect, useId, useState } from 'react';
import type { ProjectDocument, RotationDeg } from '../../engine/model/index';
import { applyOperation } from '../state/document';
import { setPositionAxis, setRotation } from '../document/edits';
import { useEditor } from '../editor/state';
import { formatLength, lengthUnit, parseLength, toDisplay } from '../editor/units';
import { Readout, SelectField, TextField } from '../ui/Fields';
import { renameObject } from '../document/operations';
import { applyMove } from '../tools/moves';
import { prepareRefusal, refusal } from './placement-check';

interface Positioned { id: string; position: { x: number; y: number }; rotationDeg: RotationDeg }

const ROTATIONS = [0, 90, 180, 270].map((d) => ({ value: String(d), label: `${d}°` }));

function AxisField({ doc, items, axis }: { doc: ProjectDocument; items: readonly Positioned[]; axis: 'x' | 'y' }) {
  const id = useId();
  const units = useEditor((s) => s.units);
  const same = items.every((o) => o.position[axis] === items[0]!.position[axis]);
  const shown = same ? String(Number(toDisplay(items[0]!.position[axis], units).toFixed(3))) : '';
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setDraft(shown); setError(null); }, [shown]);
  const commit = () => {
    if (draft.trim() === shown) { setError(null); return; }
    if (draft.trim() === '') { setError(same ? 'A value is required' : null); if (!same) setDraft(''); return; }
    const parsed = parseLength(draft, units);
    if ('error' in parsed) { setError(parsed.error); return; }
    const limit = axis === 'x' ? doc.hall.lengthM : doc.hall.widthM;
    if (parsed.metres < 0 || parsed.metres > limit) { setError(`Between 0 and ${formatLength(limit, units)} (the hall)`); return; }
    const args = { ids: items.map((o) => o.id), axis, value: parsed.metres };
    const reason = refusal(doc, setPositionAxis.apply(doc, args), args.ids);
    if (reason !== null) { setError(`Refused: ${reason}`); return; }
    setError(null);
    applyMove(setPositionAxis, args);
  };
  return (
    <div className="field">
      <label htmlFor={id}>Position {axis}</label>
      <div className={error === null ? 'input' : 'input invalid'}>
        <input id={id} data-testid={`position-${axis}`} className="num" value={draft} placeholder={same ? '' : 'mixed'} aria-invalid={error !== null}
          onChange={(e) => setDraft(e.target.value)} onBlur={commit} spellCheck={false}
          onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); if (e.key === 'Escape') { setDraft(shown); setError(null); } }} />
        <span className="unit">{lengthUnit(units)}</span>
      </div>
      {error !== null && <div className="field-error" role="alert" data-testid={`position-${axis}-error`}>{error}</div>}
    </div>
  );
}

export function PlacementFields({ doc, items }: { doc: ProjectDocument; items: readonly Positioned[] }) {
  const [error, setError] = useState<string | null>(null);
  // The fields are on screen: an edit may come, so have the floor index ready for it.
  useEffect(() => prepareRefusal(doc), [doc]);
  if (items.length === 0) return null;
  const sameRot = items.every((o) => o.rotationDeg === items[0]!.rotationDeg);
  const setRot = (v: string) => {
    const args = { ids: items.map((o) => o.id), rotationDeg: Number(v) as RotationDeg };
    const reason = refusal(doc, setRotation.apply(doc, args), args.ids);
    setError(reason === null ? null : `Refused: ${reason}`);
    if (reason === null) applyMove(setRotation, args);
  };
  return (
    <>
      <AxisField doc={doc} items={items} axis="x" />
      <AxisField doc={doc} items={items} axis="y" />
      <SelectField label="Rotation" value={sameRot ? String(items[0]!.rotationDeg) : ''} testId="rotation"
        options={sameRot ? ROTATIONS : [{ value: '', label: 'mixed' }, ...ROTATIONS]} onCommit={setRot} />
      {error !== null && <div className="field-error" role="alert">{error}</div>}
    </>
  );
}

/** A contained aisle or a cable tray: its name, kind and size in the user's units. */
export function DrawnProperties({ doc, id }: { doc: ProjectDocument; id: string }) {
  const units = useEditor((s) => s.units);
  const c = doc.containment.find((o) => o.id === id);
  const t = doc.trays.find((o) => o.id === id);
  const section = c !== undefined ? 'containment' as const : 'trays' as const;
  const name = c?.name ?? t?.name ?? id;
  let kind = '', size = '';
  if (c !== undefined) {
    kind = doc.catalog.containmentTypes.find((k) => k.id === c.typeId)?.kind === 'cold-aisle' ? 'Cold-aisle containment' : 'Hot-aisle containment';
    size = `${formatLength(c.max.x - c.min.x, units)} × ${formatLength(c.max.y - c.min.y, units)} · ${formatLength(c.heightM, units)} high`;
  } else if (t !== undefined) {
    kind = `Cable tray · ${doc.catalog.trayTypes.find((k) => k.id === t.typeId)?.name ?? t.typeId}`;
    const length = t.points.reduce((sum, p, i) => (i === 0 ? 0 : sum + Math.hypot(p.x - t.points[i - 1]!.x, p.y - t.points[i - 1]!.y)), 0);
    size = `${formatLength(length, units)} long · ${formatLength(t.elevationM, units)} up`;
  }
  return (
    <div className="body" data-testid={`inspector-${section}`}>
      <div className="kind-line">{kind}</div>
      <TextField label="Name" value={name} onCommit={(v) => applyOperation(renameObject, { section, id, name: v })} testId="object-name" />
      <Readout label="Size" value={size} />
    </div>
  );
}
