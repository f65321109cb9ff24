// computeFabric: the hall's networks from what is placed. Scale-up NVLink domains inside the
// GPU racks, the rail-optimised scale-out fabric, the storage / front-end network; switches in
// racks, routed and typed cables, bisection, oversubscription, hops, latency, tier load.
import type { ProjectDocument, RackType, SwitchType } from '../model/index.js';
import { explained, type Violation } from '../results/index.js';
import type { CableBook, CableRouting, CableRuns } from './book.js';
import { closSwitches, tierName } from './clos.js';
import type { FabricDiagram } from './diagram.js';
import { bisectionGbps, runSegments, uplinkUtilisation, wireNetwork, type WiredNetwork } from './network.js';
import { planCompute, planStorage, portsPerNic, type ComputePlan, type NetworkPlan } from './plan.js';
import { rackSites, SwitchPlacer, type PlacementReplay, type Site, type Spread } from './placement.js';
import type { Router } from './routing.js';
import type { scaleUp } from './scaleup.js';
import { isGeneratedLink } from './autocable.js';
import type { FabricBundle, FabricBundles, FabricResult, NetworkSummary } from './types.js';

export interface FabricOptions {
  /** Scale-out traffic each GPU offers (Gbit/s), for link utilisation; the workload model supplies it. */
  trafficGbpsPerGpu?: number;
}

/**
 * Summary and bisection read only the plan and its Clos, not where the switches went: kept per
 * plan (a session keeps its plans while rack types and order stay). Results are immutable, so
 * the same summary may stand in several.
 */
const byPlan = new WeakMap<NetworkPlan, { summary: NetworkSummary; bisection?: number }>();

function planFigures(net: WiredNetwork): { summary: NetworkSummary; bisection?: number } {
  let known = byPlan.get(net.plan);
  if (!known) byPlan.set(net.plan, (known = { summary: summarise(net) }));
  return known;
}

function summarise(net: WiredNetwork): NetworkSummary {
  const port = net.plan.switchType.portGbps;
  // reduce, not Math.max(...): a gigawatt hall has tens of thousands of leaves.
  const leafOversub = net.plan.leaves.reduce((w, l) => Math.max(w, net.plan.leafUp > 0 ? l.downGbps / (net.plan.leafUp * port) : 0), 0);
  return {
    switchTypeId: net.plan.switchType.id,
    endpoints: net.plan.endpoints,
    endpointGbps: net.plan.endpointGbps,
    tiers: net.clos.tiers.map((tier, t) => ({
      name: tierName(t),
      switches: tier.switches,
      blocks: tier.blocks.length,
      uplinks: tier.uplinks,
      oversubscription: t === 0 ? leafOversub : tier.blocks.reduce((w, b) => Math.max(w, b.upPerSwitch > 0 ? b.downPerSwitch / b.upPerSwitch : 0), 0),
    })),
    switches: closSwitches(net.clos),
    nicLinks: net.plan.runs.reduce((s, r) => s + r.count, 0),
    interSwitchLinks: net.clos.tiers.reduce((s, t) => s + t.uplinks, 0),
  };
}

/** Both networks planned, before any switch is placed: depends on the racks' types and order, not where they stand. */
export interface NetworkPlans {
  types: Map<string, RackType>;
  computePlan: ComputePlan | null;
  storagePlan: NetworkPlan | null;
  /** Switch types named by the document but missing from the catalog. */
  violations: Violation[];
}

export function planNetworks(doc: ProjectDocument): NetworkPlans {
  const types = new Map<string, RackType>(doc.catalog.rackTypes.map((t) => [t.id, t]));
  const switches = new Map<string, SwitchType>(doc.catalog.switchTypes.map((s) => [s.id, s]));
  const violations: Violation[] = [];
  const switchType = (id: string, what: string): SwitchType | null => {
    const s = switches.get(id);
    if (!s) violations.push({ code: 'fabric.unknown-switch-type', severity: 'error', message: `The ${what} switch type "${id}" is not in the catalog.`, objectIds: [] });
    return s ?? null;
  };
  const computeSw = switchType(doc.fabric.computeSwitchTypeId, 'compute fabric');
  const storageSw = switchType(doc.fabric.storageSwitchTypeId, 'storage network');
  return {
    types,
    computePlan: computeSw ? planCompute(doc, types, computeSw) : null,
    storagePlan: storageSw ? planStorage(doc, types, storageSw) : null,
    violations,
  };
}

/** The networks planned and their switches placed in network racks: the first step of computeFabric. */
export interface PlacedNetworks {
  types: Map<string, RackType>;
  sites: ReturnType<typeof rackSites>;
  placer: SwitchPlacer;
  compute: WiredNetwork | null;
  storage: WiredNetwork | null;
  /** Switch types named by the document but missing from the catalog. */
  violations: Violation[];
}

/**
 * Places the switches of both networks, compute first (the placer hands out network racks in
 * call order), replaying an earlier placement when one is given (see SwitchPlacer).
 */
export function wireNetworks(doc: ProjectDocument, plans: NetworkPlans, sites: Site[], replay: PlacementReplay | null = null): PlacedNetworks {
  const { types, computePlan, storagePlan } = plans;
  const placer = new SwitchPlacer(doc, types, sites, replay);
  const compute = computePlan && computePlan.leaves.length > 0 ? wireNetwork(computePlan, placer, sites) : null;
  const storage = storagePlan && storagePlan.leaves.length > 0 ? wireNetwork(storagePlan, placer, sites) : null;
  return { types, sites, placer, compute, storage, violations: plans.violations.slice() };
}

/** Plans both networks and places their switches. The NetBox export calls this too, so it names the same switches. */
export function placeNetworks(doc: ProjectDocument): PlacedNetworks {
  const plans = planNetworks(doc);
  return wireNetworks(doc, plans, rackSites(doc, plans.types));
}

const sameSpreads = (a: Spread[] | undefined, b: Spread[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Every run of both networks, unrouted, by segment (a link class of a network; compute first,
 * then storage: the booking order). Given the segments of an earlier placement with the same
 * plans and sites, a segment whose two tiers kept every spread (the placer hands back the very
 * spread it replayed or found equal) is taken over as it was.
 */
export function networkRuns(placed: PlacedNetworks, earlier: { placed: PlacedNetworks; segments: readonly CableRuns[] } | null = null): CableRuns[] {
  const segments: CableRuns[] = [];
  const keep = (net: WiredNetwork, old: WiredNetwork | null | undefined, first: number) => (t: number): CableRuns | null => {
    if (!old || !earlier) return null;
    const same = t === 0 ? sameSpreads(net.spreads[0], old.spreads[0]) : sameSpreads(net.spreads[t - 1], old.spreads[t - 1]) && sameSpreads(net.spreads[t], old.spreads[t]);
    return same ? earlier.segments[first + t] ?? null : null;
  };
  for (const [net, old, prefix] of [[placed.compute, earlier?.placed.compute, ''], [placed.storage, earlier?.placed.storage, 'storage-']] as const) {
    if (!net) continue;
    segments.push(...runSegments(net, prefix, keep(net, old, segments.length)));
  }
  return segments;
}

/** What the result is made of, from whichever stages were reused or recomputed. */
export interface FabricParts {
  placed: PlacedNetworks;
  router: Router;
  routing: CableRouting;
  book: CableBook;
  scaleUp: ReturnType<typeof scaleUp>;
  diagram: FabricDiagram;
  rackBundles: { bundles: FabricBundles; cablesWithoutRack: number };
  linkViolations: Violation[];
}

/** The result from its parts: figures, summaries and violations (cheap, so always made afresh). */
export function assembleFabric(doc: ProjectDocument, options: FabricOptions, parts: FabricParts): FabricResult {
  const traffic = options.trafficGbpsPerGpu ?? 0;
  const { placed, router, routing, book } = parts;
  const { types, sites, placer, compute, storage } = placed;
  const violations = placed.violations.slice();
  const up = parts.scaleUp;
  const figures: FabricResult['figures'] = { switches: {}, oversubscriptionPerTier: {}, cables: {}, transceivers: {}, utilisation: {}, scaleUpDomainTBps: up.domainTBps };
  const cp = compute?.plan as ComputePlan | undefined;
  for (const [net, label] of [[compute, ''], [storage, 'storage-']] as const) {
    if (!net) continue;
    const s = net.plan.switchType;
    net.clos.tiers.forEach((tier, t) => {
      const name = `${label}${tierName(t)}`;
      figures.switches[name] = t === 0
        ? explained(tier.switches, 'switches', label === ''
          ? 'leaves = sum over SUs and rails of ceil(NICs on the rail / NICs a leaf takes); NICs a leaf takes = down ports / ports per NIC'
          : 'leaves = ceil(storage ports / down ports), packed in rack order', [
          { name: 'radix', value: s.radix, unit: 'ports' },
          { name: 'down ports per leaf', value: net.plan.leafDown, unit: 'ports' },
          { name: 'up ports per leaf', value: net.plan.leafUp, unit: 'ports' },
          { name: 'endpoints', value: net.plan.endpoints, unit: 'NICs' },
          { name: 'ports per NIC', value: portsPerNic(net.plan.runs.reduce((g, r) => Math.max(g, r.gbps), 0), s.portGbps), unit: 'ports' },
        ], 'rail-optimised leaves after NVIDIA DGX SuperPOD reference architectures')
        : explained(tier.switches, 'switches', 'per block: ceil(uplinks below / ports down), raised to a divisor of each lower switch\'s uplinks (even spread)', [
          { name: 'uplinks below', value: net.clos.tiers[t - 1]?.uplinks ?? 0, unit: 'links' },
          { name: 'ports down per switch', value: t === net.clos.tiers.length - 1 ? s.radix : s.radix / 2, unit: 'ports' },
          { name: 'blocks', value: tier.blocks.length, unit: '' },
        ], 'folded Clos / fat-tree (Al-Fares et al. 2008)');
    });
  }

  const summaryCompute = compute ? planFigures(compute).summary : null;
  const summaryStorage = storage ? planFigures(storage).summary : null;
  for (const [summary, label] of [[summaryCompute, ''], [summaryStorage, 'storage-']] as const) {
    for (const tier of summary?.tiers ?? []) {
      if (tier.uplinks === 0) continue;
      figures.oversubscriptionPerTier[`${label}${tier.name}`] = explained(tier.oversubscription, ':1', 'down Gbit/s in use / up Gbit/s (worst switch of the tier)', [
        { name: 'switches', value: tier.switches, unit: '' },
        { name: 'uplinks', value: tier.uplinks, unit: 'links' },
      ]);
    }
  }

  let bisection = 0;
  const nicGbps = cp ? cp.endpointGbps / Math.max(1, cp.endpoints) : 0;
  const leafOversub = summaryCompute?.tiers[0]?.oversubscription ?? 0;
  if (compute && cp) {
    const known = planFigures(compute);
    bisection = known.bisection ??= bisectionGbps(compute);
    const closed = (cp.endpoints / 2) * nicGbps / Math.max(1, leafOversub);
    figures.bisectionTbps = explained(bisection / 1000, 'Tbit/s', 'max-flow from the NICs of the first half of the nodes to the second, on the leaf/switch-block graph', [
      { name: 'NICs', value: cp.endpoints, unit: '' },
      { name: 'NIC speed', value: nicGbps, unit: 'Gbit/s' },
      { name: 'leaf oversubscription', value: leafOversub, unit: ':1' },
      { name: 'closed form (N/2) x link / oversubscription', value: closed / 1000, unit: 'Tbit/s' },
    ], 'max-flow min-cut (Dinic); closed form DOMAIN.md');
    figures.oversubscription = explained(Math.max(1, leafOversub), ':1', 'leaf down Gbit/s in use / leaf up Gbit/s (>= 1)', [
      { name: 'target', value: doc.fabric.oversubscription, unit: ':1' },
      { name: 'up ports per leaf', value: cp.leafUp, unit: 'ports' },
      { name: 'port speed', value: cp.switchType.portGbps, unit: 'Gbit/s' },
    ]);
    const tiers = compute.clos.tiers.length;
    const worstHops = 2 * tiers - 1;
    figures.hops = explained(worstHops, 'switch hops', 'worst case up to the top tier and down: 2T - 1', [{ name: 'tiers T', value: tiers, unit: '' }]);
    const cls = book.classes;
    const meanDelay = (name: string) => {
      const c = cls.get(name);
      return c && c.count > 0 ? c.delayNs / c.count : 0;
    };
    let propagation = 2 * meanDelay('nic-leaf');
    for (let t = 1; t < tiers; t++) propagation += 2 * meanDelay(`${tierName(t - 1)}-${tierName(t)}`);
    figures.latencyNs = explained(worstHops * cp.switchType.hopLatencyNs + propagation, 'ns',
      'switch hops x hop latency + sum of mean cable length x delay per metre along the worst path', [
        { name: 'switch hops', value: worstHops, unit: '' },
        { name: 'hop latency', value: cp.switchType.hopLatencyNs, unit: 'ns' },
        { name: 'cable propagation', value: propagation, unit: 'ns' },
      ], 'catalog hopLatencyNs and delayNsPerM');
    const perNic = traffic * cp.gpusPerNic;
    figures.utilisation['nic'] = explained(nicGbps > 0 ? perNic / nicGbps : 0, 'fraction', 'traffic per GPU x GPUs per NIC / NIC speed', [
      { name: 'traffic per GPU', value: traffic, unit: 'Gbit/s' },
      { name: 'GPUs per NIC', value: cp.gpusPerNic, unit: '' },
    ]);
    uplinkUtilisation(compute, perNic).forEach((u, t) => {
      figures.utilisation[`${tierName(t)}-up`] = explained(u, 'fraction', 'max over blocks of e x g x (1 - e/E) / uplink capacity (uniform destinations)', [
        { name: 'traffic per NIC g', value: perNic, unit: 'Gbit/s' },
        { name: 'endpoints E', value: cp.endpoints, unit: 'NICs' },
      ]);
    });
  }

  const cables = book.cables();
  const transceivers = book.transceivers();
  for (const c of cables) {
    figures.cables[c.cableTypeId] = explained(c.count, 'cables', 'routed length = path + drops at both ends + slack, type = cheapest cable whose reach covers it', [
      { name: 'routed length (sum)', value: Math.round(c.routedM), unit: 'm' },
      { name: 'ordered length (sum)', value: Math.round(c.orderedM), unit: 'm' },
      { name: 'slack per cable', value: doc.catalog.site.cableSlackM, unit: 'm' },
    ], router.usesTrays ? 'routed along the trays' : `overhead path at ${doc.catalog.site.overheadPathHeightM} m, Manhattan`);
  }
  for (const t of transceivers) {
    figures.transceivers[t.transceiverId] = explained(t.count, 'transceivers', 'two per fibre cable', [{ name: 'fibre cables', value: t.count / 2, unit: '' }]);
  }

  violations.push(...fabricViolations(doc, placer, book, sites, router, routing, [compute, storage], parts.linkViolations));
  const used = placer.usedByRack();
  const switchRacks = doc.racks.flatMap((r, i) => {
    const t = types.get(r.typeId);
    return t?.kind === 'network' ? [{ rackId: r.id, switches: used[i] ?? 0, slots: t.switchSlots }] : [];
  });
  const { bundles, cablesWithoutRack } = parts.rackBundles;
  return {
    scaleUp: up.summary,
    compute: summaryCompute,
    storage: summaryStorage,
    scalableUnits: cp?.sus.length ?? 0,
    rails: cp?.rails ?? 0,
    nodes: cp?.nodes ?? 0,
    gpus: cp?.gpus ?? 0,
    bisectionGbps: bisection,
    figures,
    cables,
    transceivers,
    linkClasses: Object.fromEntries([...book.classes.entries()].map(([k, v]) => [k, { ...v }])),
    switchRacks,
    bundles,
    cablesWithoutRack,
    diagram: parts.diagram,
    violations,
  };
}

/** Site indices to rack indices, once, dropping (and counting) cables at sites without a rack. */
export function rackBundles(book: CableBook, sites: ReturnType<typeof rackSites>): { bundles: FabricBundles; cablesWithoutRack: number } {
  const src = book.bundles;
  const n = src.length;
  const rackIds: string[] = [];
  const rackOf = new Int32Array(sites.length).fill(-1);
  sites.forEach((s, i) => {
    if (s.rackId === null) return;
    rackOf[i] = rackIds.length;
    rackIds.push(s.rackId);
  });
  // Every site is a rack unless a network has no rack to go to (rackSites): then site index = rack index.
  if (rackIds.length === sites.length) return { bundles: { ...src, rackIds }, cablesWithoutRack: 0 };
  const out: FabricBundles = {
    length: n, classes: src.classes, cableTypeIds: src.cableTypeIds, rackIds,
    cls: src.cls.slice(), gbps: src.gbps.slice(), a: src.a.slice(), b: src.b.slice(),
    count: src.count.slice(), cableType: src.cableType.slice(), lengthM: src.lengthM.slice(),
  };
  let kept = 0;
  let cablesWithoutRack = 0;
  for (let i = 0; i < n; i++) {
    const a = rackOf[out.a[i] as number] as number;
    const b = rackOf[out.b[i] as number] as number;
    if (a < 0 || b < 0) {
      cablesWithoutRack += out.count[i] as number;
      continue;
    }
    out.cls[kept] = out.cls[i] as number;
    out.gbps[kept] = out.gbps[i] as number;
    out.a[kept] = a;
    out.b[kept] = b;
    out.count[kept] = out.count[i] as number;
    out.cableType[kept] = out.cableType[i] as number;
    out.lengthM[kept] = out.lengthM[i] as number;
    kept++;
  }
  const bundles: FabricBundles = {
    ...out, length: kept, cls: out.cls.slice(0, kept), gbps: out.gbps.slice(0, kept), a: out.a.slice(0, kept), b: out.b.slice(0, kept),
    count: out.count.slice(0, kept), cableType: out.cableType.slice(0, kept), lengthM: out.lengthM.slice(0, kept),
  };
  return { bundles, cablesWithoutRack };
}

/** One bundle as a record with rack ids (for tests, exports and auto-cable). */
export function bundleAt(x: FabricBundles, i: number): FabricBundle {
  return {
    cls: x.classes[x.cls[i] as number] as string, gbps: x.gbps[i] as number,
    a: x.rackIds[x.a[i] as number] as string, b: x.rackIds[x.b[i] as number] as string,
    count: x.count[i] as number, cableTypeId: x.cableTypeIds[x.cableType[i] as number] as string, lengthM: x.lengthM[i] as number,
  };
}

function fabricViolations(
  doc: ProjectDocument, placer: SwitchPlacer, book: CableBook, sites: ReturnType<typeof rackSites>, router: Router, routing: CableRouting,
  nets: (WiredNetwork | null)[], linkViolations: Violation[],
): Violation[] {
  const out: Violation[] = [];
  for (const s of placer.shortfalls.values()) {
    if (s.switches === 0) continue;
    out.push({
      code: 'fabric.switches-do-not-fit', severity: 'error',
      message: s.noMatchingRack
        ? `No network rack holds ${s.switchTypeId} switches: ${s.switches} switches have no place (placed against the nearest network racks for cable lengths).`
        : `${s.switches} ${s.switchTypeId} switches do not fit: ${s.rackIds.length} racks give ${s.slots} slots.`,
      objectIds: s.rackIds,
    });
  }
  if (book.tooLong.length > 0) {
    const ids = new Set<string>();
    let count = 0;
    let longest = 0;
    for (const t of book.tooLong) {
      count += t.count;
      longest = Math.max(longest, t.lengthM);
      for (const site of [t.a, t.b]) {
        const id = sites[site]?.rackId;
        if (id) ids.add(id);
      }
    }
    out.push({ code: 'fabric.cable-too-long', severity: 'error', message: `${count} cables are longer than any catalog cable of their speed reaches (longest ${longest.toFixed(1)} m).`, objectIds: [...ids] });
  }
  for (const gbps of book.noCableSpeeds) {
    out.push({ code: 'fabric.no-cable-type', severity: 'error', message: `The catalog has no cable for ${gbps} Gbit/s links.`, objectIds: [] });
  }
  for (const net of nets) {
    if (!net) continue;
    const short = net.plan.runs.filter((r) => portsPerNic(r.gbps, net.plan.switchType.portGbps) > net.plan.leafDown);
    if (short.length > 0) {
      out.push({
        code: 'fabric.port-shortage', severity: 'error',
        message: `A ${short[0]?.gbps} Gbit/s NIC needs more ports than a ${net.plan.switchType.id} leaf has for downlinks (${net.plan.leafDown}).`,
        objectIds: [...new Set(short.map((r) => doc.racks[r.rack]?.id ?? ''))],
      });
    }
  }
  out.push(...linkViolations);
  const disconnected = routing.disconnected;
  if (disconnected > 0) {
    out.push({ code: 'fabric.trays-disconnected', severity: 'warning', message: `${disconnected} cable runs between racks are not joined by the trays; their cables were measured over the default overhead path.`, objectIds: doc.trays.map((t) => t.id) });
  }
  return out;
}

/** Drawn links reported one by one up to this many; the rest in one violation. */
const LINKS_NAMED = 20;

/**
 * Drawn links whose cable type reaches less than their routed length (a type the user chose by
 * hand and kept after a move, or a link nobody re-routed). Generated links are left to
 * fabric.cable-too-long, which counts the same cables from the fabric's own routing.
 */
export function linkReachViolations(doc: ProjectDocument): Violation[] {
  const types = new Map(doc.catalog.cableTypes.map((c) => [c.id as string, c]));
  const short = doc.links.filter((l) => {
    const t = l.cableTypeId === null ? undefined : types.get(l.cableTypeId);
    return t !== undefined && l.routedLengthM !== null && l.routedLengthM > t.maxReachM + 1e-9 && !isGeneratedLink(l);
  });
  const out: Violation[] = short.slice(0, LINKS_NAMED).map((l) => {
    const t = types.get(l.cableTypeId as string)!;
    return {
      code: 'fabric.link-cable-too-short', severity: 'error',
      message: `Link ${l.id} (${l.a.objectId} to ${l.b.objectId}) is routed ${l.routedLengthM} m, but its ${t.name} reaches ${t.maxReachM} m.`,
      objectIds: [l.id],
    };
  });
  if (short.length > LINKS_NAMED) {
    const rest = short.slice(LINKS_NAMED);
    out.push({ code: 'fabric.link-cable-too-short', severity: 'error', message: `${rest.length} more links are routed longer than their cable type reaches.`, objectIds: rest.map((l) => l.id) });
  }
  return out;
}
