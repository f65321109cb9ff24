// The document as UTF-8 JSON bytes, for the recovery copy. The engine worker makes them, so the
// UI thread never stringifies a hall (about a second on the gigawatt hall's 28k records), and it
// makes them incrementally: the worker's copy keeps every unchanged record, and every unchanged
// top-level list, as the same object (doc-delta.ts), so bytes are cached by identity at both
// levels: a one-rack move encodes one rack and joins the racks' cached bytes; a change outside
// the lists joins a dozen cached parts. The output is byte for byte TextEncoder(JSON.stringify(doc)).
// The recovery copy travels gzipped (gzip() below): a hall's JSON is very repetitive (the gigawatt
// hall's 5.7 MB become 0.3 MB), and each copy of it on its way to disk costs the UI thread time.
import type { ProjectDocument } from '../../engine/model/index';

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);

/** Plain JSON.stringify + TextEncoder: the fallback when no worker holds the document. */
export function encodeDocument(doc: ProjectDocument): Uint8Array {
  return bytesOf(JSON.stringify(doc));
}

/** The parts joined and gzipped (RFC 1952), by the platform's CompressionStream (zlib). */
export async function gzip(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const stream = new Blob(parts as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const OPEN = bytesOf('{');
const CLOSE = bytesOf('}');
const OPEN_ARRAY = bytesOf('[');
const CLOSE_ARRAY = bytesOf(']');
const COMMA = bytesOf(',');
const NULL = bytesOf('null');

export class DocumentEncoder {
  /** Bytes of top-level fields, whole lists and their records, by object identity. */
  private cache = new WeakMap<object, Uint8Array>();

  encode(doc: ProjectDocument): Uint8Array {
    return concat(this.parts(doc));
  }

  /** The bytes in pieces (a few dozen, mostly cached), for gzip(), which reads them in turn. */
  parts(doc: ProjectDocument): Uint8Array[] {
    const parts: Uint8Array[] = [OPEN];
    let first = true;
    for (const [key, value] of Object.entries(doc) as [string, unknown][]) {
      // JSON.stringify leaves out undefined (and functions, which a document never holds).
      if (value === undefined || typeof value === 'function') continue;
      if (!first) parts.push(COMMA);
      first = false;
      parts.push(bytesOf(`${JSON.stringify(key)}:`));
      parts.push(Array.isArray(value) ? this.listBytes(value) : this.valueBytes(value));
    }
    parts.push(CLOSE);
    return parts;
  }

  private listBytes(list: readonly unknown[]): Uint8Array {
    let bytes = this.cache.get(list);
    if (bytes === undefined) {
      const parts: Uint8Array[] = [OPEN_ARRAY];
      list.forEach((item, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(this.valueBytes(item));
      });
      parts.push(CLOSE_ARRAY);
      bytes = concat(parts);
      this.cache.set(list, bytes);
    }
    return bytes;
  }

  private valueBytes(value: unknown): Uint8Array {
    if (value === null || typeof value !== 'object') {
      // In an array JSON.stringify writes undefined as null; a document never holds one anyway.
      const text = JSON.stringify(value) as string | undefined;
      return text === undefined ? NULL : bytesOf(text);
    }
    let bytes = this.cache.get(value);
    if (bytes === undefined) {
      bytes = bytesOf(JSON.stringify(value));
      this.cache.set(value, bytes);
    }
    return bytes;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
