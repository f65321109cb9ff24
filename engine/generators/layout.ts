// Lays out a whole hall from a few parameters: rows of racks in back-to-back pairs sharing a
// hot aisle, CDUs at the row ends for liquid-cooled racks, air cooling (perimeter CRAHs, and
// optionally rear doors on liquid racks), and a 2N power chain sized from the catalog's ratings.
// Used by the sample halls, the templates and the benchmarks.
import type {
  Catalog, CatalogId, CoolingId, CoolingType, CoolingUnit, FabricDesign, Hall, PowerEquipment, PowerFeedSide,
  PowerId, PowerType, Rack, RackId, RackType, RotationDeg, Row, RowId, Workload,
} from '../model/index.js';
import { DOCUMENT_FORMAT_VERSION, degC, m, pt, type ProjectDocument } from '../model/index.js';
import { continuousKw, packConsecutive } from './sizing.js';

// Aisle geometry (rule of thumb, multiples of the 0.6 m tile): hot aisles 2 tiles, cold aisles
// 3 tiles, a service corridor between blocks of rows, clearance along the walls for the CRAHs.
const HOT_AISLE_M = 1.2;
const COLD_AISLE_M = 1.8;
const BLOCK_CORRIDOR_M = 2.4;
const WALL_CLEARANCE_M = 3.6;
const GALLERY_GAP_M = 1.2;
const CEILING_HEIGHT_M = 4.5;

export interface PowerChoice {
  utility: string;
  transformer: string;
  ups: string;
  switchboard: string;
  busway: string;
  /** Spare UPS modules per switchboard (0 for N, 1 for N+1), inside each side of the 2N system. */
  spareUps: number;
}

export interface HallSpec {
  catalog: Catalog;
  name: string;
  /** Rack type ids of each row, in order along x. Rows are paired back to back. */
  rows: readonly (readonly string[])[];
  /** Blocks of rows side by side along x, for halls too deep for one block. */
  blocks: number;
  cdu: string;
  crah: string;
  /** Rear-door heat exchanger type hung on every rack (it takes the air share of its heat), or null for none. */
  rearDoor: string | null;
  power: PowerChoice;
  fabric: FabricDesign;
  workloads: Workload[];
  supplyAirC: number;
}

function byId<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`catalog has no ${what} "${id}"`);
  return found;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface PlacedRow { row: Row; racks: Rack[]; cdus: CoolingUnit[]; lengthM: number }

export function generateHall(spec: HallSpec): ProjectDocument {
  const c = spec.catalog;
  const rackType = (id: string) => byId(c.rackTypes, id, 'rack type');
  const cduType = byId(c.coolingTypes, spec.cdu, 'cooling type');
  const crahType = byId(c.coolingTypes, spec.crah, 'cooling type');
  const doorType = spec.rearDoor === null ? null : byId(c.coolingTypes, spec.rearDoor, 'cooling type');

  const rackDepth = Math.max(...spec.rows.flat().map((id) => rackType(id).depthM));
  const doorDepth = doorType?.depthM ?? 0;
  const pairDepth = 2 * rackDepth + HOT_AISLE_M + 2 * doorDepth;
  const pairPitch = pairDepth + COLD_AISLE_M;
  const rowsPerBlock = Math.ceil(spec.rows.length / spec.blocks / 2) * 2;

  const placed: PlacedRow[] = [];
  const rowLength = (ids: readonly string[]) => ids.reduce((s, id) => s + rackType(id).widthM, 0) + cduCount(ids) * cduType.widthM;
  const cduCount = (ids: readonly string[]) => {
    const liquid = ids.reduce((s, id) => s + rackType(id).designPowerKw * rackType(id).liquidFraction, 0);
    return liquid > 0 ? Math.ceil(liquid / cduType.capacityKw) : 0;
  };
  const blockLength = Math.max(...spec.rows.map(rowLength));
  const x0 = WALL_CLEARANCE_M; // the electrical gallery is added in front of this afterwards
  const y0 = WALL_CLEARANCE_M + COLD_AISLE_M;

  spec.rows.forEach((ids, r) => {
    const block = Math.floor(r / rowsPerBlock);
    const inBlock = r % rowsPerBlock;
    const pair = Math.floor(inBlock / 2);
    const second = inBlock % 2 === 1;
    // First row of a pair faces -y (rear +y), second faces +y: their rears meet at the hot aisle.
    const rotation: RotationDeg = second ? 180 : 0;
    const centreY = y0 + pair * pairPitch + (second ? pairDepth - rackDepth / 2 : rackDepth / 2);
    const rowId = `row-${pad(r + 1)}` as RowId;
    const row: Row = { id: rowId, name: `Row ${pad(r + 1)}`, tags: {} };
    let x = x0 + block * (blockLength + BLOCK_CORRIDOR_M);
    const racks: Rack[] = ids.map((typeId, i) => {
      const t = rackType(typeId);
      const rack: Rack = {
        id: `r${pad(r + 1)}-${pad(i + 1)}` as RackId, typeId: t.id, name: `R${pad(r + 1)}-${pad(i + 1)}`,
        position: pt(x + t.widthM / 2, centreY), rotationDeg: rotation, tags: {},
        rowId, feedA: null, feedB: null, cduId: null, utilisation: null,
      };
      x += t.widthM;
      return rack;
    });
    const liquidRacks = racks.filter((k) => rackType(k.typeId).liquidFraction > 0);
    const groups = packConsecutive(liquidRacks, (k) => liquidKw(rackType(k.typeId)), cduType.capacityKw);
    const cdus: CoolingUnit[] = groups.map((group, g) => {
      const id = `cdu-${pad(r + 1)}-${g + 1}` as CoolingId;
      for (const k of group) k.cduId = id;
      const unit = coolingUnit(id, cduType, `CDU ${pad(r + 1)}-${g + 1}`, x + cduType.widthM / 2, centreY, rotation, rowId);
      x += cduType.widthM;
      return unit;
    });
    placed.push({ row, racks, cdus, lengthM: rowLength(ids) });
  });

  const racks = placed.flatMap((p) => p.racks);
  const blocksUsed = Math.ceil(spec.rows.length / rowsPerBlock);
  const lengthM = x0 + blocksUsed * blockLength + (blocksUsed - 1) * BLOCK_CORRIDOR_M + WALL_CLEARANCE_M;
  const pairs = Math.ceil(Math.min(rowsPerBlock, spec.rows.length) / 2);
  const widthM = y0 + pairs * pairPitch + WALL_CLEARANCE_M;

  const cooling: CoolingUnit[] = placed.flatMap((p) => p.cdus);
  let residualAirKw = 0;
  for (const rack of racks) {
    const t = rackType(rack.typeId);
    const airKw = t.designPowerKw * (1 - t.liquidFraction);
    if (doorType) {
      const rear = rack.rotationDeg === 0 ? 1 : -1;
      const door = coolingUnit(`rdhx-${rack.id}` as CoolingId, doorType, `Rear door ${rack.name}`,
        rack.position.x, rack.position.y + rear * (t.depthM / 2 + doorType.depthM / 2), rack.rotationDeg, rack.rowId);
      door.attachedRackId = rack.id;
      cooling.push(door);
      residualAirKw += Math.max(0, airKw - doorType.capacityKw);
    } else {
      residualAirKw += airKw;
    }
  }
  cooling.push(...placeCrahs(crahType, residualAirKw, x0, lengthM - WALL_CLEARANCE_M, widthM));

  const power = buildPower(spec, racks, rackType);
  const powerType = (id: string) => byId(c.powerTypes, id, 'power type');
  const floorStanding = power.filter((e) => powerType(e.typeId).kind !== 'busway');
  const galleryDepth = layoutGallery(floorStanding, powerType, widthM);
  const shift = <T extends { position: { x: number; y: number } }>(o: T) => { o.position = pt(round(o.position.x + galleryDepth), o.position.y); };
  racks.forEach(shift);
  cooling.forEach(shift);
  power.filter((e) => powerType(e.typeId).kind === 'busway').forEach(shift);
  const hall: Hall = {
    name: spec.name, lengthM: m(round(lengthM + galleryDepth)), widthM: m(round(widthM)), ceilingHeightM: m(CEILING_HEIGHT_M),
    floor: { kind: 'slab' }, tileM: m(0.6), supplyAirC: degC(spec.supplyAirC), ashraeClass: 'A2', altitudeM: m(0),
    walls: [], columns: [],
  };
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION, hall, catalog: spec.catalog, fabric: spec.fabric,
    rows: placed.map((p) => p.row), racks, cooling, power, trays: [], containment: [], links: [],
    workloads: spec.workloads, views: [],
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const liquidKw = (t: RackType) => t.designPowerKw * t.liquidFraction;

function coolingUnit(id: CoolingId, t: CoolingType, name: string, x: number, y: number, rotationDeg: RotationDeg, rowId: RowId | null): CoolingUnit {
  return { id, typeId: t.id, name, position: pt(round(x), round(y)), rotationDeg, tags: {}, rowId, status: 'running', attachedRackId: null };
}

/** N+1 perimeter CRAHs split between the two long walls, blowing into the room. */
function placeCrahs(t: CoolingType, airKw: number, xStart: number, xEnd: number, widthM: number): CoolingUnit[] {
  if (airKw <= 0) return [];
  const count = Math.ceil(airKw / t.capacityKw) + 1;
  const perWall = [Math.ceil(count / 2), Math.floor(count / 2)];
  const units: CoolingUnit[] = [];
  perWall.forEach((n, wall) => {
    for (let i = 0; i < n; i++) {
      const x = xStart + ((i + 0.5) * (xEnd - xStart)) / n;
      // Front (supply) faces into the room: +y from the y=0 wall (rotation 180), -y from the far wall.
      const y = wall === 0 ? t.depthM / 2 + 0.3 : widthM - t.depthM / 2 - 0.3;
      const id = `crah-${pad(units.length + 1)}` as CoolingId;
      units.push(coolingUnit(id, t, `CRAH ${pad(units.length + 1)}`, x, y, wall === 0 ? 180 : 0, null));
    }
  });
  return units;
}

function powerTypesOf(spec: HallSpec): PowerType[] {
  const p = spec.power;
  return [p.utility, p.transformer, p.ups, p.switchboard, p.busway].map((id) => byId(spec.catalog.powerTypes, id, 'power type'));
}

/**
 * 2N: two independent chains, A and B, each sized to carry the whole design load alone
 * (DOMAIN.md, "In 2N each side must carry the whole load when the other fails").
 * Floor equipment gets its position later, from layoutGallery.
 */
function buildPower(spec: HallSpec, racks: Rack[], rackType: (id: string) => RackType): PowerEquipment[] {
  const [utilityT, txT, upsT, swbdT, buswayT] = powerTypesOf(spec) as [PowerType, PowerType, PowerType, PowerType, PowerType];
  const out = new Map<string, PowerEquipment>();
  const load = (rack: Rack) => rackType(rack.typeId).designPowerKw;
  const rows = new Map<string, Rack[]>();
  for (const rack of racks) {
    const key = rack.rowId ?? '';
    const list = rows.get(key);
    if (list) list.push(rack);
    else rows.set(key, [rack]);
  }

  for (const side of ['A', 'B'] as const) {
    const make = (id: string, t: PowerType, name: string, x = 0, y = 0, lengthM: number | null = null): PowerEquipment => {
      const e: PowerEquipment = {
        id: id as PowerId, typeId: t.id as CatalogId, name, position: pt(round(x), round(y)), rotationDeg: 0, tags: {},
        upstreamIds: [], side: side as PowerFeedSide, status: 'running', lengthM: lengthM === null ? null : m(round(lengthM)),
      };
      out.set(e.id, e);
      return e;
    };
    const busways: { e: PowerEquipment; kw: number }[] = [];
    for (const [rowKey, rowRacks] of rows) {
      packConsecutive(rowRacks, load, continuousKw(buswayT)).forEach((seg, s) => {
        const first = seg[0] as Rack;
        const last = seg[seg.length - 1] as Rack;
        const lengthM = last.position.x - first.position.x + rackType(last.typeId).widthM;
        // Busways run above the racks: A over the front half, B over the rear half.
        const offset = (side === 'A' ? -0.25 : 0.25) * (first.rotationDeg === 0 ? 1 : -1);
        const e = make(`bw-${side}-${rowKey.replace('row-', '')}-${s + 1}`, buswayT, `Busway ${side} ${rowKey} / ${s + 1}`,
          (first.position.x + last.position.x) / 2, first.position.y + offset, lengthM);
        for (const rack of seg) {
          if (side === 'A') rack.feedA = e.id;
          else rack.feedB = e.id;
        }
        busways.push({ e, kw: seg.reduce((sum, r) => sum + load(r), 0) });
      });
    }
    const transformers: { e: PowerEquipment; kw: number }[] = [];
    packConsecutive(busways, (b) => b.kw, continuousKw(swbdT)).forEach((group, g) => {
      const kw = group.reduce((s, b) => s + b.kw, 0);
      const txCount = Math.ceil(kw / continuousKw(txT));
      const txIds = Array.from({ length: txCount }, (_, k) => {
        const e = make(`tx-${side}-${g + 1}-${k + 1}`, txT, `Transformer ${side}${g + 1}.${k + 1}`);
        transformers.push({ e, kw: kw / txCount });
        return e.id;
      });
      const upsCount = Math.ceil(kw / continuousKw(upsT)) + spec.power.spareUps;
      const upsIds = Array.from({ length: upsCount }, (_, k) => {
        const e = make(`ups-${side}-${g + 1}-${k + 1}`, upsT, `UPS ${side}${g + 1}.${k + 1}`);
        e.upstreamIds = txIds;
        return e.id;
      });
      const board = make(`swbd-${side}-${g + 1}`, swbdT, `Switchboard ${side}${g + 1}`);
      board.upstreamIds = upsIds;
      for (const b of group) b.e.upstreamIds = [board.id];
    });
    packConsecutive(transformers, (t) => t.kw, continuousKw(utilityT)).forEach((group, u) => {
      const feed = make(`util-${side}-${u + 1}`, utilityT, `Utility feed ${side}${u + 1}`);
      for (const t of group) t.e.upstreamIds = [feed.id];
    });
  }
  return [...out.values()];
}

/**
 * Places floor-standing electrical equipment in a gallery along the x = 0 wall, in columns:
 * side A from the bottom, side B from the top. Returns how deep (in x) the gallery is.
 */
function layoutGallery(items: PowerEquipment[], typeOf: (id: string) => PowerType, widthM: number): number {
  const colWidth = Math.max(0, ...items.map((e) => typeOf(e.typeId).depthM)) + GALLERY_GAP_M;
  let columns = 0;
  for (const side of ['A', 'B'] as const) {
    let col = 0;
    let y = GALLERY_GAP_M;
    for (const e of items.filter((i) => i.side === side)) {
      const w = typeOf(e.typeId).widthM;
      if (y + w > widthM / 2) {
        col += 1;
        y = GALLERY_GAP_M;
      }
      const x = GALLERY_GAP_M + col * colWidth + colWidth / 2;
      const along = y + w / 2;
      e.position = pt(round(x), round(side === 'A' ? along : widthM - along));
      y += w + GALLERY_GAP_M / 2;
    }
    columns = Math.max(columns, col + 1);
  }
  return GALLERY_GAP_M + columns * colWidth + GALLERY_GAP_M;
}
