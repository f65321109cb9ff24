// What power and cooling allow, as shares of the hall's full (nameplate) load, for the workload
// model's bottleneck: a share below 1 means only that part of the GPU racks can run flat out.
import type { ProjectDocument } from '../model/index.js';
import { rackTypeIndex } from '../model/index.js';
import type { PowerResult } from '../power/index.js';
import { explained, type Explained } from '../results/index.js';

export interface ResourceShares {
  nameplateKw: Explained;
  powerShare: Explained;
  coolingShare: Explained;
}

export function resourceShares(doc: ProjectDocument, power: PowerResult): ResourceShares {
  const types = rackTypeIndex(doc.catalog);
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  let nameplate = 0;
  let liquidDemand = 0;
  for (const rack of doc.racks) {
    const t = types.get(rack.typeId);
    if (!t) continue;
    nameplate += t.designPowerKw;
    liquidDemand += t.designPowerKw * t.liquidFraction;
  }
  const airDemand = nameplate - liquidDemand;
  let liquidCapacity = 0;
  let airCapacity = 0;
  for (const unit of doc.cooling) {
    const t = coolingTypes.get(unit.typeId);
    if (!t || unit.status !== 'running') continue;
    if (t.kind === 'cdu') liquidCapacity += t.capacityKw;
    else airCapacity += t.capacityKw;
  }
  const liquidShare = liquidDemand > 0 ? liquidCapacity / liquidDemand : Infinity;
  const airShare = airDemand > 0 ? airCapacity / airDemand : Infinity;
  const supported = power.supportedItKw.value;
  const nameplateKw = explained(nameplate, 'kW', 'P_nameplate = sum of racks\' catalog design power', [{ name: 'racks', value: doc.racks.length, unit: '' }]);
  const powerShare = explained(nameplate > 0 ? supported / nameplate : 0, '', 'share = P_supported (redundancy intact) / P_nameplate', [
    { name: 'P_supported', value: supported, unit: 'kW' }, { name: 'P_nameplate', value: nameplate, unit: 'kW' },
  ]);
  const coolingShare = explained(Math.min(liquidShare, airShare), '', 'share = min(Q_CDU / Q_liquid, Q_air units / Q_air) at nameplate load, running units only', [
    { name: 'Q_CDU', value: liquidCapacity, unit: 'kW' }, { name: 'Q_liquid', value: liquidDemand, unit: 'kW' },
    { name: 'Q_air units', value: airCapacity, unit: 'kW' }, { name: 'Q_air', value: airDemand, unit: 'kW' },
  ]);
  return { nameplateKw, powerShare, coolingShare };
}
