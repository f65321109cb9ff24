// The placed equipment: racks by type (front panel shows the intake side), cooling units and
// power equipment by type, busways overhead. Colours carry kind, selection, failure and, with an
// overlay, each rack's inlet temperature or draw and each PDU's or busway's load, from the engine.
import { useMemo } from 'react';
import { Color } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import { ASHRAE_INLET_LIMITS } from '../../engine/model/index';

import type { EngineResults } from '../engine/results';
import { select, useSession } from '../state/session';
import { BUSWAY_COLOR, COOLING_COLOR, FAILED_COLOR, KIND_COLORS, POWER_COLOR, SELECTED_COLOR, heatColor, utilColor } from './colors';
import { BUSWAY_Z } from './footprints';
import { InstancedBoxes, type Placement } from './InstancedBoxes';

interface Group { key: string; placements: Placement[]; colors: Color[]; front: boolean }

/**
 * Above this many objects of a type the intake panels are left out: at that scale they are a
 * pixel or two on screen, yet double the type's vertices, which software GL pays for every frame.
 */
const FRONT_PANEL_MAX = 2000;

function pickHandler(id: string, e: ThreeEvent<MouseEvent>): void {
  const current = useSession.getState().selection;
  if (e.shiftKey) select(current.includes(id) ? current.filter((s) => s !== id) : [...current, id]);
  else select([id]);
}

/** What the engine says per object for the colouring overlays; null when no overlay colours it. */
export interface Tints {
  /** Aligned with doc.racks: inlet temperature (heat overlay). */
  inlets: Float32Array | null;
  /** By rack id: draw over design power (power overlay). */
  rackUtil: Map<string, number> | null;
  /** By power element id: load over continuous rating (power overlay). */
  powerUtil: Map<string, number> | null;
}

function groupsOf(doc: ProjectDocument, selection: ReadonlySet<string>, { inlets, rackUtil, powerUtil }: Tints): Group[] {
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
    const util = rackUtil?.get(r.id);
    const color = util !== undefined ? utilColor(util)
      : inlet !== undefined && Number.isFinite(inlet) ? heatColor(inlet, doc.hall.supplyAirC, limits.allowableMaxC)
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
    const util = powerUtil?.get(e.id);
    const color = failed ? new Color(FAILED_COLOR) : util !== undefined ? utilColor(util) : new Color(busway ? BUSWAY_COLOR : POWER_COLOR);
    add(`power:${t.id}`, false, {
      id: e.id, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
      w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg,
    }, color);
  }
  return [...groups.values()];
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
  const results = useSession((s) => s.engine.results);
  const tints = useMemo((): Tints => {
    // Results of an older document (racks added or removed since) would colour the wrong racks.
    const current = results !== null && results.rackInletC.length === doc.racks.length;
    const inlets = heat && current ? results.rackInletC : null;
    return power && current ? { inlets, ...powerTints(doc, results) } : { inlets, rackUtil: null, powerUtil: null };
  }, [doc, results, heat, power]);
  const groups = useMemo(() => groupsOf(doc, new Set(selectionList), tints), [doc, selectionList, tints]);
  return (
    <>
      {groups.map((g) => (
        <InstancedBoxes key={g.key} name={g.key} placements={g.placements} colors={g.colors} front={g.front && g.placements.length <= FRONT_PANEL_MAX} onPick={pickHandler} />
      ))}
    </>
  );
}
