// The placed equipment: racks by type (front panel shows the intake side), cooling units and
// power equipment by type, busways overhead. Colours carry kind, selection, failure and, with an
// overlay, each rack's inlet temperature or draw and each PDU's or busway's load, from the engine.
// On huge halls seen from far away (lod.ts) each row's racks are one box and rear doors are left
// out. Picking stays per rack at any distance: the editor's tools hit-test the objects' boxes, not
// the meshes drawn, so a row box carries no pick handler of its own.
import { useEffect, useMemo, useRef } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import type { EngineResults } from '../engine/results';
import { select, useSession } from '../state/session';
import { nextGroups, type BuiltGroups, type Tints } from './hall-groups';
import { InstancedBoxes } from './InstancedBoxes';
import { useDetail } from './lod';
import { drawnGroup, unmerged, type DrawnGroup } from './runs';

export { groupsOf, type Group, type Tints } from './hall-groups';

/** No overlay colours anything: one constant, so new results alone do not regroup the hall. */
const NO_TINTS: Tints = { inlets: null, rackUtil: null, powerUtil: null };

function pickHandler(id: string, e: ThreeEvent<MouseEvent>): void {
  const current = useSession.getState().selection;
  if (e.shiftKey) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
  else select([id]);
}

/** Rack draw over its type's design power and element load over rating, by id. */
function powerTints(doc: ProjectDocument, results: EngineResults): Pick<Tints, 'rackUtil' | 'powerUtil'> {
  const o = results.overlay;
  const design = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.designPowerKw]));
  const typeOf = new Map(doc.racks.map((r) => [r.id as string, r.typeId as string]));
  const rackUtil = new Map<string, number>();
  o.rackIds.forEach((id, i) => {
    const kw = design.get(typeOf.get(id) ?? '');
    if (kw !== undefined && kw > 0) rackUtil.set(id, o.rackKw[i]! / kw);
  });
  const powerUtil = new Map<string, number>();
  o.powerIds.forEach((id, i) => powerUtil.set(id, o.powerUtil[i]!));
  return { rackUtil, powerUtil };
}

export function HallObjects({ doc }: { doc: ProjectDocument }) {
  const selectionList = useSession((s) => s.selection);
  const heat = useSession((s) => s.overlays.heat);
  const power = useSession((s) => s.overlays.power);
  // Results matter only to the colouring overlays; without them new results re-render nothing here.
  const results = useSession((s) => (s.overlays.heat || s.overlays.power ? s.engine.results : null));
  const tints = useMemo((): Tints => {
    if (!heat && !power) return NO_TINTS;
    // Results of an older document (racks added or removed since) would colour the wrong racks.
    const current = results !== null && results.rackInletC.length === doc.racks.length;
    const inlets = heat && current ? results.rackInletC : null;
    return power && current ? { inlets, ...powerTints(doc, results) } : { inlets, rackUtil: null, powerUtil: null };
  }, [doc, results, heat, power]);
  const detail = useDetail(doc.racks.length);
  const far = detail.far;
  // The level drawn, for the browser tests and the render benchmark.
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => { canvas.dataset.lod = far ? 'far' : 'near'; }, [canvas, far]);
  // Patched from the previous groups (hall-groups.ts): an edit or a click rewrites its objects only.
  const built = useRef<BuiltGroups | null>(null);
  const groups = useMemo(() => (built.current = nextGroups(built.current, doc, selectionList, tints, far)).groups, [doc, selectionList, tints, far]);
  // Far objects merged into runs (runs.ts), each group from its previous drawing where it can.
  const drawnBefore = useRef(new Map<string, DrawnGroup>());
  const drawn = useMemo(() => {
    const next = new Map<string, DrawnGroup>();
    for (const g of groups) next.set(g.key, detail.merge ? drawnGroup(drawnBefore.current.get(g.key), g, detail.focus) : unmerged(g));
    drawnBefore.current = next;
    return [...next.values()];
  }, [groups, detail]);

  return (
    <>
      {drawn.map((g) => (
        <InstancedBoxes key={g.source.key} name={g.source.key} placements={g.placements} colors={g.colors} capacity={g.source.placements.length} front={g.source.front} frontCount={g.panels} onPick={g.source.key === 'rows' ? undefined : pickHandler} />
      ))}
    </>
  );
}
