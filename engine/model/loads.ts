// The IT load of a rack, in one place so the power, thermal and workload models agree on it.
import type { Catalog, RackType } from './catalog.js';
import type { Rack } from './placed.js';

/** Share of design power the rack draws: its own override, else the catalog's site default. */
export function rackUtilisation(rack: Rack, catalog: Catalog): number {
  return rack.utilisation ?? catalog.site.rackUtilisation;
}

/** Electrical draw of a rack in kW: design power times utilisation. All of it becomes heat. */
export function rackLoadKw(rack: Rack, type: RackType, catalog: Catalog): number {
  return type.designPowerKw * rackUtilisation(rack, catalog);
}

/** Index of the catalog's rack types by id. */
export function rackTypeIndex(catalog: Catalog): Map<string, RackType> {
  return new Map(catalog.rackTypes.map((t) => [t.id as string, t]));
}
