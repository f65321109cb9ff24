// The recovery copy's bytes come from the engine worker's own copy of the document: they must be
// exactly the JSON of the document the UI meant (every delta applied, in order), or nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index';
import { Catalog, type ProjectDocument } from '../../engine/model/index';
import { diffDocument } from './doc-delta';
import { DocumentEncoder, encodeDocument } from './document-bytes';
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
});

/** Drives engineHost as the worker global would, collecting what it posts. */
function host() {
  const posted: { message: FromEngine; transfer: Transferable[] }[] = [];
  const handle = engineHost((message, transfer) => posted.push({ message, transfer }));
  const serialized = () => posted.filter((p) => p.message.type === 'serialized');
  return { handle, posted, serialized };
}

describe('engine worker: serialize', () => {
  const doc = demoHall(catalog);

  it('answers the bytes of the document after every delta, transferred, or a Blob of them', async () => {
    const { handle, serialized } = host();
    const second = moveRack(doc, 0, -0.6);
    const third = { ...moveRack(second, 5, 0.3), hall: { ...second.hall, name: 'Renamed' } };
    handle({ type: 'compute', seq: 1, doc: structuredClone(doc) });
    handle({ type: 'patch', seq: 2, delta: structuredClone(diffDocument(doc, second)) });
    handle({ type: 'patch', seq: 3, delta: structuredClone(diffDocument(second, third)) });
    handle({ type: 'serialize', seq: 3, as: 'bytes' });
    handle({ type: 'serialize', seq: 3, as: 'blob' });
    const [answer, blob] = serialized();
    expect(answer?.message).toMatchObject({ type: 'serialized', seq: 3 });
    const bytes = (answer!.message as Extract<FromEngine, { type: 'serialized' }>).data as Uint8Array;
    expect(bytes).toEqual(json(third));
    expect(answer!.transfer).toEqual([bytes.buffer]);
    // The same bytes as a Blob (cloned as a handle, nothing to transfer).
    const data = (blob!.message as Extract<FromEngine, { type: 'serialized' }>).data;
    expect(data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(json(third));
    expect(blob!.transfer).toEqual([]);
  });

  it('answers null rather than another document: before any document, for another request, after a change that failed', () => {
    const { handle, serialized } = host();
    handle({ type: 'serialize', seq: 1, as: 'bytes' });
    handle({ type: 'compute', seq: 1, doc: structuredClone(doc) });
    handle({ type: 'serialize', seq: 2, as: 'bytes' });
    // A delta naming a rack the worker never had cannot apply: the worker keeps seq 1's document.
    handle({ type: 'patch', seq: 2, delta: { fields: {}, racks: { ids: ['no-such-rack'], changed: [] } } });
    handle({ type: 'serialize', seq: 2, as: 'bytes' });
    handle({ type: 'serialize', seq: 1, as: 'bytes' });
    expect(serialized().map((p) => p.message)).toEqual([
      { type: 'serialized', seq: 1, data: null },
      { type: 'serialized', seq: 2, data: null },
      { type: 'serialized', seq: 2, data: null },
      { type: 'serialized', seq: 1, data: json(doc) },
    ]);
  });
});
