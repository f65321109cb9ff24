import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall, superpodHall } from '../generators/index.js';
import { DEFAULT_SUPPLY_THROW_M, frac, type ProjectDocument } from '../model/index.js';
import { computeThermal, fieldArrays, fieldArraysAfresh, thermalResult } from './compute.js';
import { rci, rti, shi } from './metrics.js';
import { ThermalModel } from './model.js';
import { rowPair, testHall } from '../../tests/support/thermal-halls.js';

const max = (a: Float32Array) => a.reduce((s, v) => (Number.isNaN(v) ? s : Math.max(s, v)), -Infinity);
const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;

describe('one rack, one cooler', () => {
  // cpu-2s-20n: 15 kW at utilisation 1, all to air, dT 12 K -> V = 15 / (1.207 x 12) = 1.0356 m3/s.
  // One crah-150 (10.4 m3/s, 6 kW fans) at the wall. Exhaust rise = 15 / (1.207 x 1.0356) = 12.0 K.
  const doc = testHall({
    catalog: shippedCatalog, lengthM: 9, widthM: 9,
    racks: [{ type: 'cpu-2s-20n', x: 4.5, y: 4.8, rot: 0 }],
    cooling: [{ id: 'crah-1', type: 'crah-150', x: 4.5, y: 0.75, rot: 180 }],
  });
  const res = computeThermal(doc);

  it('balances energy: 15 kW in, 15 kW out of the CRAH', () => {
    expect(Math.abs(res.energyBalanceErrorPct.value)).toBeLessThan(1);
    expect(res.itHeatKw.value).toBeCloseTo(15, 6);
    expect(res.unitHeatKw[0]).toBeGreaterThan(14.85);
    expect(res.unitHeatKw[0]).toBeLessThan(15.15);
    expect(res.unitUtilisation[0]).toBeCloseTo(0.1, 2);
  });

  it('heats the air by P / (rho cp V) across the rack', () => {
    expect((res.rackExhaustC[0] as number) - (res.rackInletC[0] as number)).toBeCloseTo(12.0, 2);
    // The CRAH moves 10x the rack's air: the rack breathes supply air, 22 C, within half a kelvin.
    expect(res.rackInletC[0]).toBeGreaterThanOrEqual(22 - 1e-6);
    expect(res.rackInletC[0]).toBeLessThan(22.5);
  });

  it('reports cooling power: 6 kW fans + (15 + 6) / COP 5 = 10.2 kW', () => {
    expect(res.coolingPowerKw.value).toBeCloseTo(10.2, 6);
  });

  it('gives a field of the grid size with NaN only in solid cells', () => {
    const f = res.field;
    expect(f.temperatureC.length).toBe(f.nx * f.ny * f.nz);
    expect(f.velocity.length).toBe(3 * f.temperatureC.length);
    expect(f.nx).toBe(15); // 9 m / 0.6 m tiles
    expect(f.nz).toBe(5); // 4.5 m / 0.9 m layers
    // Solid cells (centre inside the footprint, below the top): the rack x 4.2-4.8, y 4.2-5.4,
    // 2.2 m -> 1 x 2 x 2 = 4; the CRAH x 3.25-5.75, y 0.3-1.2, 2.0 m -> 5 x 2 x 2 = 20.
    const nan = f.temperatureC.reduce((s, v) => s + (Number.isNaN(v) ? 1 : 0), 0);
    expect(nan).toBe(24);
  });
});

describe('a row pair', () => {
  // 2 x 8 gpu-8x-h100-air racks (40.8 kW, dT 16 K) at utilisation 0.6: 24.5 kW each, 391.7 kW;
  // airflow 40.8 / (1.207 x 16) = 2.113 m3/s each, 33.8 m3/s; three crah-150 give 31.2 m3/s and 450 kW.
  const base = { type: 'gpu-8x-h100-air', perRow: 8, util: 0.6, crahs: 3 };
  const open = computeThermal(rowPair(shippedCatalog, base));
  const contained = computeThermal(rowPair(shippedCatalog, { ...base, hac: true }));
  const failed = computeThermal(rowPair(shippedCatalog, { ...base, failed: 1 }));

  it('balances energy in every variant', () => {
    for (const r of [open, contained, failed]) expect(Math.abs(r.energyBalanceErrorPct.value)).toBeLessThan(1);
    expect(open.itHeatKw.value).toBeCloseTo(16 * 40.8 * 0.6, 6);
  });

  it('hot-aisle containment lowers inlet temperatures', () => {
    expect(max(contained.rackInletC)).toBeLessThan(max(open.rackInletC) - 0.5);
    expect(mean(contained.rackInletC)).toBeLessThan(mean(open.rackInletC));
  });

  it('a failed CRAH raises them and shows as recirculation (RTI > 100)', () => {
    expect(max(failed.rackInletC)).toBeGreaterThan(max(open.rackInletC) + 1);
    expect(mean(failed.rackInletC)).toBeGreaterThan(mean(open.rackInletC) + 1);
    // RTI = rack airflow / cooler airflow: 33.8 / 20.8 = 163 %.
    expect(failed.rti.value).toBeCloseTo((16 * 2.1127) / 20.8 * 100, -1);
    expect(failed.violations.some((v) => v.code === 'cooling.airflow-shortfall')).toBe(true);
  });
});

describe('sample halls', () => {
  it.each([
    ['demo', demoHall(shippedCatalog)],
    ['superpod', superpodHall(shippedCatalog, 2)],
  ] as [string, ProjectDocument][])('%s balances energy within 1 %%', (_name, doc) => {
    const r = computeThermal(doc);
    expect(Math.abs(r.energyBalanceErrorPct.value)).toBeLessThan(1);
    expect(r.rackInletC.length).toBe(doc.racks.length);
    expect(r.rackInletC.every((t) => Number.isFinite(t))).toBe(true);
  });
});

describe('CRAH placement and containment in the demo hall (slab floor: located supply)', () => {
  // demoHall: rows r01 (y 6, fronts to -y) and r02 (y 8.4, fronts to +y), racks x 18.0-24.0, hot
  // aisle y 6.6-7.8; crah-150s at x 19.7 and 23.1 on both walls (y 0.75 and 13.65) blowing at the rows,
  // 4 x 10.4 m3/s for about 18 racks, so the cold aisles are not starved overall.
  const demo = demoHall(shippedCatalog);
  const open = computeThermal(demo);
  const hottestId = (r: ReturnType<typeof computeThermal>) => r.maxInletC.inputs[0]!.value as string;
  const hac = { type: 'hac', minX: 18.0, minY: 6.6, maxX: 24.8, maxY: 7.8, heightM: 2.3 };
  const withHac = (d: ProjectDocument): ProjectDocument => ({ ...d, containment: [{
    id: 'hac-1' as ProjectDocument['containment'][number]['id'], typeId: hac.type as ProjectDocument['catalog']['containmentTypes'][number]['id'],
    name: 'HAC', min: { x: hac.minX, y: hac.minY } as ProjectDocument['racks'][number]['position'],
    max: { x: hac.maxX, y: hac.maxY } as ProjectDocument['racks'][number]['position'], heightM: hac.heightM as ProjectDocument['hall']['lengthM'], tags: {},
  }] });
  const moveCrahs = (d: ProjectDocument, x: number): ProjectDocument => ({
    ...d, cooling: d.cooling.map((c) => (c.id === 'crah-01' || c.id === 'crah-03' ? { ...c, position: { ...c.position, x: x as typeof c.position.x } } : c)),
  });

  it('the hottest inlet is above the supply and at a row end (exhaust wraps round it, no throw reaches it)', () => {
    // The throws of the units span x 18.45-20.95 and 21.85-24.35: the end rack at x 18.0-18.6 gets no
    // throw column of its own and draws air that came round the row end past the hot aisle.
    expect(open.maxInletC.value).toBeGreaterThan(22 + 1);
    const id = hottestId(open);
    const rack = demo.racks.find((r) => r.id === id)!;
    const row = demo.racks.filter((r) => r.position.y === rack.position.y).map((r) => r.position.x);
    expect([Math.min(...row), Math.max(...row)]).toContain(rack.position.x);
    expect(open.shi.value).toBeGreaterThan(0.005);
    expect(Math.abs(open.energyBalanceErrorPct.value)).toBeLessThan(0.1);
  });

  it('hot-aisle containment lowers the hottest inlet with every CRAH running', () => {
    // The roofed hot aisle keeps exhaust from wrapping round the row ends; the return is drawn under
    // its roof, so the racks see (nearly) supply air.
    const contained = computeThermal(withHac(demo));
    expect(contained.maxInletC.value).toBeLessThan(open.maxInletC.value - 1);
    expect(contained.maxInletC.value).toBeGreaterThanOrEqual(22 - 1e-6);
    expect(Math.abs(contained.energyBalanceErrorPct.value)).toBeLessThan(0.1);
  });

  it('moving two CRAHs away from the rows (to x = 5 m, 13 m from the row ends) raises the inlets', () => {
    const moved = computeThermal(moveCrahs(demo, 5));
    expect(moved.maxInletC.value).toBeGreaterThan(open.maxInletC.value + 1);
    expect(mean(moved.rackInletC)).toBeGreaterThan(mean(open.rackInletC));
    expect(Math.abs(moved.energyBalanceErrorPct.value)).toBeLessThan(0.1);
  });

  it('on a raised floor the tiles supply the cold aisles and CRAH placement does not matter', () => {
    const raised = (d: ProjectDocument): ProjectDocument => ({ ...d, hall: { ...d.hall, floor: { kind: 'raised', plenumDepthM: 0.6 as typeof d.hall.lengthM } } });
    const a = computeThermal(raised(demo)), b = computeThermal(raised(moveCrahs(demo, 5)));
    // Each tile passes 41.6 m3/s / (tiles in front of the racks): more than each rack draws, so inlets stay near 22 C.
    expect(a.maxInletC.value).toBeLessThan(22.5);
    for (let i = 0; i < demo.racks.length; i++) expect(Math.abs(a.rackInletC[i]! - b.rackInletC[i]!)).toBeLessThan(0.05);
    expect(Math.abs(a.energyBalanceErrorPct.value)).toBeLessThan(0.1);
  });

  it('reads the throw from the catalog: omitted means DEFAULT_SUPPLY_THROW_M, a shorter throw changes the field', () => {
    expect(DEFAULT_SUPPLY_THROW_M).toBe(6);
    const withThrow = (t: number | undefined) => ({
      ...demo, catalog: { ...demo.catalog, coolingTypes: demo.catalog.coolingTypes.map((c) => {
        if (c.kind !== 'crah') return c;
        const { supplyThrowM: _old, ...rest } = c;
        return t === undefined ? rest : { ...rest, supplyThrowM: t as typeof c.widthM };
      }) },
    });
    expect(computeThermal(withThrow(undefined)).maxInletC.value).toBeCloseTo(open.maxInletC.value, 6);
    // Released within 2 m of the wall the supply meets the rows mixed with room air: hotter inlets.
    expect(computeThermal(withThrow(2)).maxInletC.value).toBeGreaterThan(open.maxInletC.value + 0.3);
  });
});

describe('CRAH supply cells (floor throw), counted by hand', () => {
  it('one crah-150 facing a rack: face cells over its height, then floor cells up to the throw or the rack', () => {
    // 9 x 9 m hall, 0.6 m cells, 0.9 m layers. CRAH x 3.25-5.75, face at y 1.2: columns whose centres
    // lie in x [3.25, 5.75) are i 5-9 (5 columns), each 1/5 of the air. First open row j 2; the unit
    // is 2.0 m high, so layers 0, 1 (0.9 m each) and 2 (0.2 m) at the face. Throw 6 m = 10 cells
    // (j 2-11), except column i 7, stopped by the rack (x 4.2-4.8, y 4.2-5.4: j 7-8) after 5 (j 2-6).
    // Cells: 5 x 3 face + (9 + 9 + 4 + 9 + 9) floor = 55; a floor cell of a free column carries
    // 1/5 x 1/10 = 0.02 of the air, of the blocked column 1/5 x 1/5 = 0.04.
    const doc = testHall({
      catalog: shippedCatalog, lengthM: 9, widthM: 9,
      racks: [{ type: 'cpu-2s-20n', x: 4.5, y: 4.8, rot: 0 }],
      cooling: [{ id: 'crah-1', type: 'crah-150', x: 4.5, y: 0.75, rot: 180 }],
    });
    const model = new ThermalModel(doc);
    const u = model.ports.crah;
    expect(Array.from(u.index)).toEqual([0]);
    expect(u.supplyCell.length).toBe(55);
    const weightAt = (i: number, j: number) => {
      const x = Array.from(u.supplyCell).indexOf(j * 15 + i);
      return x < 0 ? 0 : u.supplyWeight[x]!;
    };
    expect(weightAt(5, 11)).toBeCloseTo(0.02, 9);
    expect(weightAt(7, 6)).toBeCloseTo(0.04, 9);
    expect(weightAt(7, 7)).toBe(0);
    expect(weightAt(5, 12)).toBe(0);
    expect(u.supplyWeight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('a CRAH that moves no air', () => {
  // Two crah-150s (150 kW, 10.4 m3/s each) on a slab floor; the second is turned to face the wall
  // it stands against (front at y 0): no open floor in front, so it supplies no air. Four cpu-2s-20n
  // racks at full load put their heat in the room air.
  const spec = (turned: boolean) => testHall({
    catalog: shippedCatalog, lengthM: 12, widthM: 9,
    racks: [0, 1, 2, 3].map((i) => ({ type: 'cpu-2s-20n', x: 4.5 + 0.6 * i, y: 4.8, rot: 0 as const })),
    cooling: [
      { id: 'crah-1', type: 'crah-150', x: 3, y: 0.75, rot: 180 },
      turned ? { id: 'crah-2', type: 'crah-150', x: 8, y: 0.45, rot: 0 } : { id: 'crah-2', type: 'crah-150', x: 8, y: 0.75, rot: 180 },
    ],
  });

  it('is named, and its capacity is not counted against the room heat', () => {
    const facing = new ThermalModel(spec(true));
    expect(Array.from(facing.ports.crah.index)).toEqual([0]);
    const r = thermalResult(facing);
    const boxed = r.violations.find((v) => v.code === 'cooling.crah-boxed-in');
    expect(boxed?.objectIds).toEqual(['crah-2']);
    expect(boxed?.severity).toBe('warning');
    // Both supply air when turned to the room: no such warning.
    expect(thermalResult(new ThermalModel(spec(false))).violations.map((v) => v.code)).not.toContain('cooling.crah-boxed-in');
  });

  it('leaves the room short of capacity when the one unit that blows cannot carry the heat', () => {
    // Eleven cpu-2s-20n racks (15 kW, all to air) = 165 kW: over the 150 kW of the one CRAH that
    // blows, under the 300 kW of both when both face the room.
    const eleven = (turned: boolean) => {
      const base = spec(turned);
      const racks = Array.from({ length: 11 }, (_, i) => ({ ...base.racks[0]!, id: `rk${i + 1}` as typeof base.racks[0]['id'], name: `Rack ${i + 1}`, position: { ...base.racks[0]!.position, x: (4.5 + 0.6 * i) as typeof base.racks[0]['position']['x'] } }));
      return thermalResult(new ThermalModel({ ...base, racks })).violations.find((v) => v.code === 'cooling.air-capacity');
    };
    expect(eleven(true)?.message).toBe("Room air heat 165 kW exceeds the running air units' capacity 150 kW");
    expect(eleven(false)).toBeUndefined();
  });
});

describe('incremental update', () => {
  it('matches a full compute after a rack is changed and another moved', () => {
    const doc = superpodHall(shippedCatalog, 2);
    const model = new ThermalModel(doc);
    const racks = doc.racks.slice();
    racks[3] = { ...racks[3]!, utilisation: frac(1) };
    // rk8 steps 0.6 m toward the CRAH wall into the throw of the unit at x 19.725: the window takes the
    // cells whose supply changed (the slab's located supply), and the edit stays local.
    const r7 = racks[7]!;
    racks[7] = { ...r7, position: { ...r7.position, y: (r7.position.y - 0.6) as typeof r7.position.y } };
    const edited = { ...doc, racks };
    const stats = model.update(edited);
    expect(stats.mode).toBe('local');
    const local = thermalResult(model);
    const full = computeThermal(edited);
    for (let i = 0; i < racks.length; i++) expect(Math.abs((local.rackInletC[i] as number) - (full.rackInletC[i] as number))).toBeLessThan(0.25);
    expect(Math.abs(local.energyBalanceErrorPct.value)).toBeLessThan(1);
  });

  it('patches the field arrays in the window of a local solve: equal to computing every cell, earlier arrays untouched', () => {
    let doc = superpodHall(shippedCatalog, 2);
    const model = new ThermalModel(doc);
    const first = fieldArrays(model);
    const firstCopy = { t: first.temperatureC.slice(), v: first.velocity.slice() };
    let locals = 0;
    for (const [i, dy] of [[7, -0.6], [7, 0.6], [20, -0.6], [3, -0.6], [3, 0.6]] as const) {
      const racks = doc.racks.slice();
      const r = racks[i]!;
      racks[i] = { ...r, position: { ...r.position, y: (r.position.y + dy) as typeof r.position.y } };
      doc = { ...doc, racks };
      if (model.update(doc).mode === 'local') locals++;
      const patched = fieldArrays(model), fresh = fieldArraysAfresh(model);
      // NaN (solid cells) compares equal with Object.is, as toEqual does.
      expect(Array.from(patched.temperatureC)).toEqual(Array.from(fresh.temperatureC));
      expect(Array.from(patched.velocity)).toEqual(Array.from(fresh.velocity));
      expect(fieldArrays(model)).toBe(patched);
    }
    expect(locals).toBeGreaterThan(2);
    expect(Array.from(first.temperatureC)).toEqual(Array.from(firstCopy.t));
    expect(Array.from(first.velocity)).toEqual(Array.from(firstCopy.v));
  });
});

describe('metrics, worked by hand', () => {
  const a2 = { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 10, allowableMaxC: 35 };
  it('RCI_HI: inlets 20, 28, 30, 25 C -> 1 - (1 + 3) / (4 x 8) = 87.5 %', () => {
    const r = rci(Float32Array.from([20, 28, 30, 25]), Uint8Array.from([1, 1, 1, 1]), a2);
    expect(r.hi).toBeCloseTo(87.5, 6);
    expect(r.lo).toBe(100);
  });
  it('RCI_LO: inlets 16, 20 C -> 1 - 2 / (2 x 8) = 87.5 %', () => {
    expect(rci(Float32Array.from([16, 20]), Uint8Array.from([1, 1]), a2).lo).toBeCloseTo(87.5, 6);
  });
  it('SHI: inlets 20, 22, exhausts 30, 32, ref 20 -> 2 / 22', () => {
    expect(shi(Float32Array.from([20, 22]), Float32Array.from([30, 32]), Uint8Array.from([1, 1]), 20)).toBeCloseTo(2 / 22, 6);
  });
  it('RTI: return 30, supply 20, equipment rise 12.5 K -> 80 %', () => {
    expect(rti(30, 20, 12.5)).toBeCloseTo(80, 9);
  });
});
