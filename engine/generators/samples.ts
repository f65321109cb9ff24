// The sample halls: a small demo, a rail-optimised SuperPOD-style hall by scalable units, and a
// gigawatt-class hall of about 8,000 GPU racks. Each is a HallSpec handed to generateHall.
import type { Catalog, CatalogId, FabricDesign, ProjectDocument } from '../model/index.js';
import { generateHall, type PowerChoice } from './layout.js';
import { codingAgents, researchAgents } from './workloads.js';

export const SAMPLE_NAMES = ['demo', 'superpod', 'gigawatt'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

const POWER_2N: PowerChoice = {
  utility: 'utility-13k8', transformer: 'tx-3000', ups: 'ups-1250', switchboard: 'swbd-4000', busway: 'busway-800', spareUps: 0,
};

const fabric = (compute: string, storage: string, nodesPerScalableUnit: number): FabricDesign => ({
  computeSwitchTypeId: compute as CatalogId, storageSwitchTypeId: storage as CatalogId, oversubscription: 1, nodesPerScalableUnit,
});

/** Two rows of GB200 NVL72-class racks facing a shared hot aisle, with network, storage and CPU racks. */
export function demoHall(catalog: Catalog): ProjectDocument {
  const gpu = Array<string>(6).fill('gpu-nvl72-gb200');
  return generateHall({
    catalog, name: 'Demo hall', blocks: 1, supplyAirC: 22,
    // Four NDR racks hold the 48 leaf and spine switches of 864 rail NICs; one Ethernet rack the storage network.
    rows: [['net-ib-ndr', 'net-ib-ndr', ...gpu, 'net-eth-400'], ['net-ib-ndr', 'net-ib-ndr', ...gpu, 'storage-nvme-3pb', 'cpu-2s-20n']],
    cdu: 'cdu-1350', crah: 'crah-150', rearDoor: null, power: POWER_2N,
    // An NVL72 rack's 18 compute trays (4 GPUs each) are the fabric's nodes; each row of 6 racks is an SU.
    fabric: fabric('sw-ib-ndr-64x400', 'sw-eth-64x400', 108),
    workloads: [codingAgents(1000), researchAgents(100)],
  });
}

/**
 * A rail-optimised hall after NVIDIA's DGX SuperPOD reference architecture: scalable units of
 * 32 eight-GPU nodes (8 air-cooled racks of 4 nodes), each SU with its own leaf-switch rack,
 * spine racks for the whole pod, storage and CPU racks for agents' tools and retrieval.
 */
export function superpodHall(catalog: Catalog, scalableUnits: number): ProjectDocument {
  if (!Number.isInteger(scalableUnits) || scalableUnits < 1 || scalableUnits > 64) {
    throw new RangeError('--sus must be a whole number from 1 to 64');
  }
  const rows: string[][] = [];
  for (let su = 0; su < scalableUnits; su++) {
    rows.push(['net-ib-ndr', ...Array<string>(8).fill('gpu-8x-h100-air')]);
  }
  const spineRacks = Math.max(1, Math.ceil(scalableUnits / 2));
  const storageRacks = Math.max(1, Math.ceil(scalableUnits / 2));
  rows.push([...Array<string>(spineRacks).fill('net-ib-ndr'), ...Array<string>(storageRacks).fill('storage-nvme-3pb'), 'net-eth-400', 'cpu-2s-20n']);
  return generateHall({
    catalog, name: `SuperPOD hall, ${scalableUnits} SU`, blocks: 1, supplyAirC: 22, rows,
    cdu: 'cdu-800', crah: 'crah-150', rearDoor: null, power: { ...POWER_2N, spareUps: 1 },
    fabric: fabric('sw-ib-ndr-64x400', 'sw-eth-64x400', 32),
    workloads: [codingAgents(250 * scalableUnits)],
  });
}

/**
 * About a gigawatt of IT: 8,000 GB200 NVL72-class racks (132 kW each, 1.06 GW design) in 400
 * rows of 20, rear doors on every rack for the air share. A hall this size needs a three-tier
 * XDR fabric (144-port switches, 2:1 oversubscribed above the leaves, as large clusters are) and
 * switch racks in every row; every tenth row ends in storage.
 */
export function gigawattHall(catalog: Catalog): ProjectDocument {
  const rows: string[][] = [];
  for (let r = 0; r < 400; r++) {
    // 3 XDR racks a row hold the ~8,000 leaf/spine/core switches; 1.5 Ethernet racks a row the storage network's ~3,500.
    const row = ['net-ib-xdr', ...Array<string>(20).fill('gpu-nvl72-gb200'), 'net-ib-xdr', 'net-ib-xdr', 'net-eth-800'];
    if (r % 2 === 0) row.push('net-eth-800');
    if (r % 10 === 9) row.push('storage-nvme-3pb');
    rows.push(row);
  }
  return generateHall({
    catalog, name: 'Gigawatt-class hall', blocks: 8, supplyAirC: 24, rows,
    cdu: 'cdu-1350', crah: 'crah-150', rearDoor: 'rdhx-50',
    power: { utility: 'utility-13k8', transformer: 'tx-3000', ups: 'ups-1250', switchboard: 'swbd-5000-100', busway: 'busway-1600', spareUps: 0 },
    // An SU of 8 NVL72 racks (144 compute trays) as in NVIDIA's GB200 SuperPOD reference architecture.
    fabric: { ...fabric('sw-ib-xdr-144x800', 'sw-eth-64x800', 144), oversubscription: 2 },
    workloads: [codingAgents(200000), researchAgents(20000)],
  });
}

export function makeSample(catalog: Catalog, name: SampleName, scalableUnits = 4): ProjectDocument {
  switch (name) {
    case 'demo': return demoHall(catalog);
    case 'superpod': return superpodHall(catalog, scalableUnits);
    case 'gigawatt': return gigawattHall(catalog);
  }
}
