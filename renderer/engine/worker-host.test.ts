// The recovery copy's bytes come from the engine worker's own copy of the document: they must be
// exactly the JSON of the document the UI meant (every delta applied, in order), or nothing.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog, type ProjectDocument } from '../../engine/model/index';
import { diffDocument } from './doc-delta';
import { DocumentEncoder, encodeDocument, gzip } from './document-bytes';
import type { FromEngine } from './protocol';
import { engineHost } from './worker-host';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const json = (doc: ProjectDocument) => new TextEncoder().encode(JSON.stringify(doc));
const moveRack = (doc: ProjectDocument, i: number, dy: number): ProjectDocument => ({
  ...doc,
  racks: doc.racks.map((r, k) => (k === i ? { ...r, position: { ...r.position, y: (r.position.y + dy) as typeof r.position.y } } : r)),
});

describe('DocumentEncoder', () => {
  it('writes exactly JSON.stringify as UTF-8, also for edited documents that share records', () => {
    // Non-ASCII names: the bytes are UTF-8 and each record is encoded on its own.
    const doc = { ...demoHall(catalog), hall: { ...demoHall(catalog).hall, name: 'Halle Süd — 北 🏭' } };
    const encoder = new DocumentEncoder();
    expect(encoder.encode(doc)).toEqual(json(doc));
    expect(encodeDocument(doc)).toEqual(json(doc));
    // Cached records reused, the moved rack and the renamed hall encoded again.
    const edited = { ...moveRack(doc, 2, -0.6), hall: { ...doc.hall, name: 'Hall B' } };
    expect(encoder.encode(edited)).toEqual(json(edited));
    expect(encoder.encode(doc)).toEqual(json(doc));
  });

  it('gzips the parts into one stream that unpacks to the same bytes', async () => {
    const doc = demoHall(catalog);
    const packed = await gzip(new DocumentEncoder().parts(doc));
    expect([...packed.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    expect(new Uint8Array(gunzipSync(packed))).toEqual(json(doc));
    expect(packed.length).toBeLessThan(json(doc).length / 5);
  });
});

/** Drives engineHost as the worker global would, collecting what it posts. */
function host() {
  const posted: { message: FromEngine; transfer: Transferable[] }[] = [];
  const handle = engineHost((message, transfer) => posted.push({ message, transfer }));
  type Serialized = Extract<FromEngine, { type: 'serialized' }>;
  const serialized = () => posted.filter((p) => p.message.type === 'serialized') as { message: Serialized; transfer: Transferable[] }[];
  /** The answers to `n` serialize questions, once all have come (compression is asynchronous). */
  const answers = async (n: number) => {
    await expect.poll(() => serialized().length).toBe(n);
    return serialized().map(({ message, transfer }) => ({ ...message, json: message.gzip === null ? null : new Uint8Array(gunzipSync(message.gzip)), transfer }));
  };
  return { handle, answers };
}

describe('engine worker: serialize', () => {
  const doc = demoHall(catalog);

  it('answers the gzipped bytes of the document after every delta, transferred', async () => {
    const { handle, answers } = host();
    const second = moveRack(doc, 0, -0.6);
    const third = { ...moveRack(second, 5, 0.3), hall: { ...second.hall, name: 'Renamed' } };
    handle({ type: 'compute', seq: 1, doc: structuredClone(doc) });
    handle({ type: 'patch', seq: 2, delta: structuredClone(diffDocument(doc, second)) });
    handle({ type: 'serialize', id: 7, seq: 2 });
    handle({ type: 'patch', seq: 3, delta: structuredClone(diffDocument(second, third)) });
    handle({ type: 'serialize', id: 8, seq: 3 });
    const [a, b] = await answers(2);
    // Each answer is the document of its own request, though the worker moved on meanwhile.
    expect(a).toMatchObject({ type: 'serialized', id: 7, seq: 2, json: json(second) });
    expect(b).toMatchObject({ type: 'serialized', id: 8, seq: 3, json: json(third) });
    expect(b!.transfer).toEqual([b!.gzip!.buffer]);
  });

  it('answers null rather than another document: before any document, for another request, after a change that failed', async () => {
    const { handle, answers } = host();
    handle({ type: 'serialize', id: 1, seq: 1 });
    handle({ type: 'compute', seq: 1, doc: structuredClone(doc) });
    handle({ type: 'serialize', id: 2, seq: 2 });
    // A delta naming a rack the worker never had cannot apply: the worker keeps seq 1's document.
    handle({ type: 'patch', seq: 2, delta: { fields: {}, racks: { ids: ['no-such-rack'], changed: [] } } });
    handle({ type: 'serialize', id: 3, seq: 2 });
    handle({ type: 'serialize', id: 4, seq: 1 });
    const got = await answers(4);
    expect(got.map((a) => [a.id, a.json])).toEqual([[1, null], [2, null], [3, null], [4, json(doc)]]);
  });
});
