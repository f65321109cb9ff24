// Auto-cable: the generated fabric as document links, one Link per cable, so the connect tool,
// the NetBox export and the user's own edits see the same cables the fabric model counted.
// Each booked bundle (class, rack pair, type, routed length, count) becomes `count` links. A
// planner's document cannot hold the gigawatt hall's ~1.3 M cables usefully, so above a limit
// the expansion is refused with the number it would have made.
import type { Link, LinkId, LinkPurpose, Metres, ProjectDocument } from '../model/index.js';
import type { FabricBundles } from './types.js';

/** Above this many cables auto-cable refuses: a document of ~20 k links still opens and diffs quickly. */
export const AUTO_CABLE_MAX_LINKS = 20_000;

/** Tag value marking links auto-cable made; those are replaced on the next run, the others kept. */
export const GENERATED_TAG = 'fabric';

export interface AutoCableOptions { maxLinks?: number }

export type AutoCableResult =
  | {
    ok: true;
    /** The document's new links: the user's own first, unchanged, then the generated ones. */
    links: Link[];
    generated: number;
    /** Generated links of an earlier run that these replace. */
    replaced: number;
    /** Cables the fabric booked that no link could stand for (an end without a rack in the document). */
    skipped: number;
  }
  | { ok: false; error: string; wanted: number };

/** True for a link auto-cable made (and will replace). */
export const isGeneratedLink = (l: Link): boolean => l.tags['generated'] === GENERATED_TAG;

/** Storage-network classes are prefixed `storage-` by the fabric model; the rest is the compute fabric. */
export const purposeOf = (cls: string): LinkPurpose => (cls.startsWith('storage-') ? 'storage' : 'compute');

export function autoCableLinks(
  doc: ProjectDocument, fabric: { bundles: FabricBundles; cablesWithoutRack: number }, options: AutoCableOptions = {},
): AutoCableResult {
  const max = options.maxLinks ?? AUTO_CABLE_MAX_LINKS;
  const x = fabric.bundles;
  const present = new Set<string>(doc.racks.map((r) => r.id));
  let wanted = 0;
  let skipped = fabric.cablesWithoutRack;
  for (let i = 0; i < x.length; i++) {
    const n = x.count[i] as number;
    // A result computed for an earlier document may name racks deleted since: no link to nowhere.
    if (present.has(x.rackIds[x.a[i] as number] as string) && present.has(x.rackIds[x.b[i] as number] as string)) wanted += n;
    else skipped += n;
  }
  if (wanted > max) {
    return {
      ok: false, wanted,
      error: `Auto-cable would make ${wanted.toLocaleString('en')} links, more than the ${max.toLocaleString('en')} a document holds usefully; the fabric's cable counts and the bill of materials do not need them.`,
    };
  }

  const kept = doc.links.filter((l) => !isGeneratedLink(l));
  const takenIds = new Set<string>(kept.map((l) => l.id));
  // Ports the user's links already use, per rack: generated port names step around them.
  const takenPorts = new Set<string>();
  for (const l of kept) for (const e of [l.a, l.b]) takenPorts.add(`${e.objectId}\u0000${e.port}`);
  const nextPort = new Map<string, number>();
  const port = (rackId: string, cls: string): string => {
    const key = `${rackId}\u0000${cls}`;
    let k = nextPort.get(key) ?? 1;
    while (takenPorts.has(`${rackId}\u0000${cls}-${k}`)) k++;
    nextPort.set(key, k + 1);
    return `${cls}-${k}`;
  };
  const nextId = new Map<string, number>();
  const id = (cls: string): string => {
    let n = nextId.get(cls) ?? 1;
    while (takenIds.has(`fab-${cls}-${n}`)) n++;
    nextId.set(cls, n + 1);
    return `fab-${cls}-${n}`;
  };

  const links: Link[] = kept.slice();
  for (let i = 0; i < x.length; i++) {
    const a = x.rackIds[x.a[i] as number] as string;
    const b = x.rackIds[x.b[i] as number] as string;
    if (!present.has(a) || !present.has(b)) continue;
    const cls = x.classes[x.cls[i] as number] as string;
    const cableTypeId = x.cableTypeIds[x.cableType[i] as number] as string;
    // Routed to the centimetre, as the NetBox export writes it; the fabric's sums keep full precision.
    const routed = (Math.round((x.lengthM[i] as number) * 100) / 100) as Metres;
    const tags = { generated: GENERATED_TAG, class: cls };
    for (let k = 0; k < (x.count[i] as number); k++) {
      links.push({
        id: id(cls) as LinkId,
        a: { objectId: a, port: port(a, cls) },
        b: { objectId: b, port: port(b, cls) },
        purpose: purposeOf(cls),
        cableTypeId: cableTypeId as Link['cableTypeId'],
        routedLengthM: routed,
        tags,
      });
    }
  }
  return { ok: true, links, generated: links.length - kept.length, replaced: doc.links.length - kept.length, skipped };
}
