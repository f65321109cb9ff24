import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { testHall } from '../../tests/support/thermal-halls.js';
import { airDensity, airflowForHeat, waterFlowLpm } from './air.js';
import { computeLiquid } from './liquid.js';
import { coolingPower } from './power.js';
import { coolingTypesOf, splitRackHeat } from './split.js';

describe('air and water', () => {
  it('needs 0.0828 m3/s per kW at dT 10 K at sea level (DOMAIN.md)', () => {
    expect(airflowForHeat(1, 10, 0)).toBeCloseTo(0.0828, 4);
  });
  it('thins the air with altitude: 1500 m -> 1.2 x (1 - 2.25577e-5 x 1500)^5.25588 = 1.0014 kg/m3', () => {
    expect(airDensity(1500)).toBeCloseTo(1.0014, 3);
    expect(airflowForHeat(1, 10, 1500)).toBeGreaterThan(airflowForHeat(1, 10, 0) * 1.19);
  });
  it('needs 1.44 L/min of water per kW at 10 K and 2.88 at 5 K (DOMAIN.md)', () => {
    expect(waterFlowLpm(1, 10)).toBeCloseTo(1.44, 2);
    expect(waterFlowLpm(1, 5)).toBeCloseTo(2.88, 2);
  });
});

describe('liquid loop', () => {
  // Two GB200 NVL72-class racks at utilisation 1: 132 kW each, 85 % liquid = 112.2 kW, 19.8 kW air.
  // Rack 1 on cdu-800 (800 kW, 1200 L/min, 8 kW pumps), rack 2 has no CDU.
  const doc = testHall({
    catalog: shippedCatalog, lengthM: 12, widthM: 9,
    racks: [
      { type: 'gpu-nvl72-gb200', x: 4.5, y: 4.8, rot: 0, cdu: 'cdu-1' },
      { type: 'gpu-nvl72-gb200', x: 5.1, y: 4.8, rot: 0 },
    ],
    cooling: [
      { id: 'cdu-1', type: 'cdu-800', x: 6.0, y: 4.8, rot: 0 },
      { id: 'crah-1', type: 'crah-150', x: 4.5, y: 0.75, rot: 180 },
    ],
  });
  const heat = splitRackHeat(doc);
  const types = coolingTypesOf(doc);
  const liquid = computeLiquid(doc, heat, types);

  it('splits each rack 112.2 kW liquid / 19.8 kW air', () => {
    expect(heat.liquidKw[0]).toBeCloseTo(112.2, 6);
    expect(heat.airKw[0]).toBeCloseTo(19.8, 6);
    // Fans sized at design: 19.8 kW / (1.207 x 15 K) = 1.0936 m3/s.
    expect(heat.airflowM3s[0]).toBeCloseTo(19.8 / (1.2 * 1.006 * 15), 4);
  });

  it('loads the CDU with its rack and flags the rack without one', () => {
    expect(liquid.cduHeatKw[0]).toBeCloseTo(112.2, 6);
    // 112.2 kW x 1.4397 L/min per kW = 161.5 L/min.
    expect(liquid.cduFlowDemandLpm[0]).toBeCloseTo(161.5, 0);
    expect(liquid.unremovedKw).toBeCloseTo(112.2, 6);
    const v = liquid.violations.find((x) => x.code === 'cooling.no-cdu');
    expect(v?.objectIds).toEqual(['rk2']);
    expect(liquid.violations.some((x) => x.code === 'cooling.cdu-overload')).toBe(false);
  });

  it('flags a CDU over capacity and a failed CDU', () => {
    const over = { ...doc, racks: doc.racks.map((r) => ({ ...r, cduId: doc.cooling[0]!.id })) };
    const small = { ...over, catalog: { ...over.catalog, coolingTypes: over.catalog.coolingTypes.map((t) => (t.id === 'cdu-800' ? { ...t, capacityKw: 200 as typeof t.capacityKw } : t)) } };
    expect(computeLiquid(small, splitRackHeat(small), coolingTypesOf(small)).violations.map((x) => x.code)).toContain('cooling.cdu-overload');
    const down = { ...doc, cooling: doc.cooling.map((u, i) => (i === 0 ? { ...u, status: 'failed' as const } : u)) };
    const r = computeLiquid(down, splitRackHeat(down), coolingTypesOf(down));
    expect(r.violations.find((x) => x.code === 'cooling.cdu-down')?.objectIds).toEqual(['cdu-1', 'rk1']);
    expect(r.removedKw).toBe(0);
  });

  it('draws pump power by the affinity law and rejects all heat at the plant COP', () => {
    // Pump: 8 kW x max(0.3, 161.5 / 1200)^3 = 8 x 0.027 = 0.216 kW; CRAH fans 6 kW;
    // plant (264 + 6.216) / 5 = 54.04 kW; total 60.26 kW.
    const p = coolingPower(doc, types, liquid.cduFlowDemandLpm, 264);
    expect(p.pumpsKw).toBeCloseTo(0.216, 6);
    expect(p.fansKw).toBe(6);
    expect(p.coolingPowerKw.value).toBeCloseTo(6.216 + (264 + 6.216) / 5, 6);
  });
});
