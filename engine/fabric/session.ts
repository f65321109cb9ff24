// The fabric for an editor: each stage of computeFabric is kept with the inputs it read and reused
// while they are unchanged, compared by identity (documents are immutable and an edit replaces
// only the records it touches). A rack moved within its row keeps the plans (they read rack types
// and order, not positions), replays the switch placement (placement.ts), keeps the cable runs
// of every segment (a link class) whose switches stayed in their racks, and re-routes only the
// runs at the racks that moved (a segment made afresh takes over the run between the same two
// unmoved sites). The sums are then added up again over every run in booking order, so that the
// figures are the very numbers a computation from scratch gives. Rotation, utilisation, row and
// cooling edits change nothing here. computeFabric is this with nothing to reuse.
import type { ProjectDocument, Rack } from '../model/index.js';
import type { Violation } from '../results/index.js';
import { CableBook, CableRouting, SegmentRouting, type CableRuns } from './book.js';
import { CablePicker } from './cables.js';
import {
  assembleFabric, linkReachViolations, networkRuns, planNetworks, rackBundles, wireNetworks,
  type FabricOptions, type FabricParts, type NetworkPlans, type PlacedNetworks,
} from './compute.js';
import { diagramOfPlans, placedDiagram, type FabricDiagram } from './diagram.js';
import { rackSites, type Site } from './placement.js';
import { Router } from './routing.js';
import { scaleUp } from './scaleup.js';
import type { FabricResult } from './types.js';

/** What the previous update computed, and from what. */
interface Kept {
  doc: ProjectDocument;
  /** Rack type ids in document order: with the catalog and fabric design, all the plans read. */
  typeIds: string[];
  rackIds: string[];
  plans: NetworkPlans;
  up: FabricParts['scaleUp'];
  placed: PlacedNetworks;
  runs: CableRuns[];
  router: Router;
  picker: CablePicker;
  routing: CableRouting;
  book: CableBook;
  diagramPlans: FabricDiagram;
  diagram: FabricDiagram;
  rackBundles: FabricParts['rackBundles'];
  linkViolations: Violation[];
}

const sameList = (a: readonly string[], racks: readonly Rack[], key: (r: Rack) => string): boolean =>
  a.length === racks.length && racks.every((r, i) => key(r) === a[i]);

/** Sites whose place or port height differs; null when the lists differ in length (a site came or went). */
function movedSites(before: readonly Site[], after: readonly Site[]): Set<number> | null {
  if (before.length !== after.length) return null;
  const moved = new Set<number>();
  for (let i = 0; i < after.length; i++) {
    const a = before[i] as Site;
    const b = after[i] as Site;
    if (a.x !== b.x || a.y !== b.y || a.portZ !== b.portZ) moved.add(i);
  }
  return moved;
}

export class FabricSession {
  private kept: Kept | null = null;

  update(doc: ProjectDocument, options: FabricOptions = {}): FabricResult {
    try {
      return this.advance(doc, options);
    } catch (e) {
      // The router and routing are patched in place: after a failure half way, nothing kept is trustworthy.
      this.kept = null;
      throw e;
    }
  }

  private advance(doc: ProjectDocument, options: FabricOptions): FabricResult {
    const prev = this.kept;
    const typeIds = prev && prev.doc.racks === doc.racks ? prev.typeIds : doc.racks.map((r) => r.typeId as string);
    const samePlans = prev !== null && prev.doc.catalog === doc.catalog && prev.doc.fabric === doc.fabric && sameList(prev.typeIds, doc.racks, (r) => r.typeId);
    const plans = samePlans ? prev.plans : planNetworks(doc);
    const up = samePlans ? prev.up : scaleUp(doc, plans.types);

    // Placement: replayed on the same racks (virtual sites, placed where no rack is, compared after).
    const sameIds = prev !== null && sameList(prev.rackIds, doc.racks, (r) => r.id);
    const sites = rackSites(doc, plans.types, samePlans ? { racks: prev.doc.racks, sites: prev.placed.sites } : null);
    const rackMoves = samePlans ? movedSites(prev.placed.sites.slice(0, sites.length), sites) : null;
    // No rack moved (a rotation, utilisation, row or cooling edit): the placement is the same one.
    const still = samePlans && sameIds && rackMoves !== null && rackMoves.size === 0;
    const placed = still ? prev.placed
      : wireNetworks(doc, plans, sites, samePlans && rackMoves ? { calls: prev.placed.placer.log, moved: rackMoves } : null);
    const moved = samePlans ? movedSites(prev.placed.sites, placed.sites) : null;
    // Runs: a segment is kept while the switches of its two tiers stay in their racks.
    const sitesKept = samePlans && moved !== null;
    const sameRuns = sitesKept && (still || !placed.placer.changed);
    const runs = sameRuns ? prev.runs : networkRuns(placed, sitesKept ? { placed: prev.placed, segments: prev.runs } : null);

    // Routing: the tray graph is kept while the trays and the site settings are; a kept segment's
    // routing is patched in place at the sites that moved, a segment made afresh takes over what
    // it can from the one it replaces.
    const sameRouter = prev !== null && prev.doc.trays === doc.trays && prev.doc.catalog === doc.catalog && moved !== null;
    let router: Router;
    if (sameRouter) {
      router = prev.router;
      router.resite(placed.sites, moved);
    } else {
      router = new Router(doc, placed.sites);
    }
    const picker = sameRouter ? prev.picker : new CablePicker(doc.catalog);
    let routing: CableRouting;
    let rerouted = true;
    if (sitesKept && sameRouter) {
      rerouted = false;
      const flags = new Uint8Array(placed.sites.length);
      for (const s of moved) flags[s] = 1;
      routing = new CableRouting(runs.map((seg, i) => {
        const before = prev.routing.segments[i];
        if (before && before.runs === seg) {
          if (before.rerouteSites(moved, placed.sites.length, router)) rerouted = true;
          return before;
        }
        rerouted = true;
        return new SegmentRouting(seg, router, picker, before ? { from: before, moved: flags } : null);
      }), picker);
    } else {
      routing = CableRouting.of(runs, router, picker);
    }
    const book = rerouted ? new CableBook(routing, prev?.book ?? null) : (prev as Kept).book;

    const rackIds = sameIds ? prev.rackIds : doc.racks.map((r) => r.id as string);
    const diagramPlans = samePlans && sameIds ? prev.diagramPlans : diagramOfPlans(doc, plans.types, placed.compute, placed.storage);
    const diagram = sameRuns && sameIds ? prev.diagram : placedDiagram(diagramPlans, doc, placed.compute, placed.storage);
    const bundles = !rerouted && sameIds && moved !== null ? (prev as Kept).rackBundles : rackBundles(book, placed.sites);
    const linkViolations = prev && prev.doc.links === doc.links && prev.doc.catalog === doc.catalog ? prev.linkViolations : linkReachViolations(doc);

    this.kept = { doc, typeIds, rackIds, plans, up, placed, runs, router, picker, routing, book, diagramPlans, diagram, rackBundles: bundles, linkViolations };
    return assembleFabric(doc, options, { placed, router, routing, book, scaleUp: up, diagram, rackBundles: bundles, linkViolations });
  }
}

/** Everything, from scratch: a session with nothing to reuse. */
export function computeFabric(doc: ProjectDocument, options: FabricOptions = {}): FabricResult {
  return new FabricSession().update(doc, options);
}
