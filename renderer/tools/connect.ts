// Connect tool: a link between two placed objects (racks, cooling units, power equipment).
// Click the first, then the second; each end gets the object's next free port. The link is
// routed as the fabric routes its cables (along the trays, else Manhattan over the overhead
// path, drops and slack included) and given the cheapest cable whose reach covers that length,
// as auto-cable's links are; moves and tray edits route it again (document/relink.ts).
import type { Link, LinkId, LinkPurpose, ProjectDocument } from '../../engine/model/index';
import { CablePicker } from '../../engine/fabric/cables';
import { PORT_HEIGHT_FRACTION } from '../../engine/fabric/placement';
import { Router } from '../../engine/fabric/routing';
import { applyOperation } from '../state/document';
import { select } from '../state/session';
import { insertRecords, named } from '../document/edits';
import { IdMaker } from '../document/ids';
import { linkGbps, pickCable, type Routed } from '../document/relink';
import type { ObjectBox } from '../editor/objects';
import { clearHint, showHint } from '../editor/state';
import { Tool, type StateNode, type ToolEvent } from './types';
import { clearPreview, setBusy, currentDoc, setPreview } from './context';

const addLink = named(insertRecords, 'link.add');
const linkable = (b: ObjectBox | null): b is ObjectBox => b !== null && (b.section === 'racks' || b.section === 'cooling' || b.section === 'power');

function nextPort(doc: ProjectDocument, objectId: string): string {
  const used = new Set(doc.links.flatMap((l) => [l.a, l.b]).filter((e) => e.objectId === objectId).map((e) => e.port));
  let n = 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

/**
 * Routed length (to the centimetre, as auto-cable stores it) and cable type of a link between two
 * objects, at the slower of the two ends' line rates (document/relink.ts: NIC, storage or switch port).
 */
export function routeLink(doc: ProjectDocument, a: ObjectBox, b: ObjectBox, purpose: LinkPurpose = 'compute'): Routed {
  const site = (o: ObjectBox) => ({ x: (o.fp.minX + o.fp.maxX) / 2, y: (o.fp.minY + o.fp.maxY) / 2, portZ: o.z0 + o.h * PORT_HEIGHT_FRACTION, rackId: null });
  const lengthM = new Router(doc, [site(a), site(b)]).lengthM(0, 1);
  const gbps = linkGbps(doc, { a: { objectId: a.id, port: '' }, b: { objectId: b.id, port: '' }, purpose, cableTypeId: null, tags: {} });
  return pickCable(new CablePicker(doc.catalog), gbps, lengthM);
}

class ConnectIdle implements StateNode {
  readonly id = 'idle';
  constructor(private readonly tool: Tool) {}
  onPointerMove(e: ToolEvent): void { showHint(linkable(e.hit) ? `Link from ${e.hit.name}` : 'Click the first object of the link', 'info', e); }
  onPointerDown(e: ToolEvent): boolean {
    if (e.button !== 0) return false;
    const hit: ObjectBox | null = e.hit;
    if (!linkable(hit)) { showHint(e.hit === null ? 'Click a rack or a piece of equipment' : `${e.hit.name} cannot take a link`, 'error', e); return true; }
    this.tool.transition('linking', hit);
    return true;
  }
}

class ConnectLinking implements StateNode {
  readonly id = 'linking';
  private from: ObjectBox | null = null;
  constructor(private readonly tool: Tool) {}
  onEnter(info?: unknown): void { this.from = info as ObjectBox; setBusy(true); }

  onPointerMove(e: ToolEvent): void {
    const a = this.from!;
    const ax = (a.fp.minX + a.fp.maxX) / 2, ay = (a.fp.minY + a.fp.maxY) / 2, z = a.z0 + a.h;
    const b = linkable(e.hit) ? { x: (e.hit.fp.minX + e.hit.fp.maxX) / 2, y: (e.hit.fp.minY + e.hit.fp.maxY) / 2, z: e.hit.z0 + e.hit.h } : e.point === null ? null : { ...e.point, z: 0 };
    setPreview([], true, { lines: b === null ? [] : [[{ x: ax, y: ay, z }, b]] });
    showHint(linkable(e.hit) && e.hit.id !== a.id ? `Link ${a.name} → ${e.hit.name}` : `Link from ${a.name}: click the other end`, 'info', e);
  }

  onPointerDown(e: ToolEvent): boolean {
    const doc = currentDoc();
    if (e.button !== 0 || doc === null) return false;
    const a = this.from!;
    if (!linkable(e.hit) || e.hit.id === a.id) { showHint('Click another rack or piece of equipment', 'error', e); return true; }
    const link: Link = {
      id: new IdMaker(doc).next('link') as LinkId,
      a: { objectId: a.id, port: nextPort(doc, a.id) }, b: { objectId: e.hit.id, port: nextPort(doc, e.hit.id) },
      purpose: 'compute', ...routeLink(doc, a, e.hit), tags: {},
    };
    applyOperation(addLink, { records: [{ section: 'links', record: link }] });
    // The new link alone: the inspector shows its ends, cable type and routed length.
    select([link.id]);
    showHint(`Linked ${a.name} → ${e.hit.name}`, 'info', e);
    this.tool.transition('idle');
    return true;
  }

  onCancel(): void { this.tool.transition('idle'); clearHint(); }
  onExit(): void { clearPreview(); setBusy(false); }
}

export function createConnectTool(): Tool {
  return new Tool('connect', (t) => [new ConnectIdle(t), new ConnectLinking(t)]);
}
