// The placed equipment: racks by type (front panel shows the intake side), cooling units and
// power equipment by type, busways overhead. Colours carry kind, selection, failure and, with the
// heat overlay, each rack's inlet temperature from the engine.
import { useMemo } from 'react';
import { Color } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import { ASHRAE_INLET_LIMITS } from '../../engine/model/index';

import { select, useSession } from '../state/session';
import { BUSWAY_COLOR, COOLING_COLOR, FAILED_COLOR, KIND_COLORS, POWER_COLOR, SELECTED_COLOR, heatColor } from './colors';
import { InstancedBoxes, type Placement } from './InstancedBoxes';

/** Height busways hang at when the hall does not say: above a 2.3 m rack with room to work. */
const BUSWAY_Z = 2.9;

interface Group { key: string; placements: Placement[]; colors: Color[]; front: boolean }

function pickHandler(id: string, e: ThreeEvent<MouseEvent>): void {
  const current = useSession.getState().selection;
  if (e.shiftKey) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
  else select([id]);
}

function groupsOf(doc: ProjectDocument, selection: ReadonlySet<string>, inlets: Float32Array | null): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, front: boolean, p: Placement, c: Color) => {
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { key, placements: [], colors: [], front }));
    g.placements.push(p);
    g.colors.push(selection.has(p.id) ? new Color(SELECTED_COLOR) : c);
  };
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  doc.racks.forEach((r, i) => {
    const t = rackTypes.get(r.typeId);
    if (t === undefined) return;
    const inlet = inlets?.[i];
    const color = inlet !== undefined && Number.isFinite(inlet)
      ? heatColor(inlet, doc.hall.supplyAirC, limits.allowableMaxC)
      : new Color(KIND_COLORS[t.kind]);
    add(`rack:${t.id}`, true, { id: r.id, x: r.position.x, y: r.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: r.rotationDeg }, color);
  });
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    if (t === undefined) continue;
    const color = new Color(u.status === 'running' ? COOLING_COLOR : FAILED_COLOR);
    add(`cooling:${t.id}`, t.kind !== 'rear-door', { id: u.id, x: u.position.x, y: u.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: u.rotationDeg }, color);
  }
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const e of doc.power) {
    const t = powerTypes.get(e.typeId);
    if (t === undefined) continue;
    const failed = e.status !== 'running';
    const busway = t.kind === 'busway';
    const color = new Color(failed ? FAILED_COLOR : busway ? BUSWAY_COLOR : POWER_COLOR);
    add(`power:${t.id}`, false, {
      id: e.id, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
      w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg,
    }, color);
  }
  return [...groups.values()];
}

export function HallObjects({ doc }: { doc: ProjectDocument }) {
  const selectionList = useSession((s) => s.selection);
  const heat = useSession((s) => s.overlays.heat);
  const results = useSession((s) => s.engine.results);
  // Results of an older document (racks added or removed since) would colour the wrong racks.
  const inlets = heat && results !== null && results.rackInletC.length === doc.racks.length ? results.rackInletC : null;
  const groups = useMemo(() => groupsOf(doc, new Set(selectionList), inlets), [doc, selectionList, inlets]);
  return (
    <>
      {groups.map((g) => (
        <InstancedBoxes key={g.key} name={g.key} placements={g.placements} colors={g.colors} front={g.front} onPick={pickHandler} />
      ))}
    </>
  );
}
