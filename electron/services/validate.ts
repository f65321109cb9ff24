// Validation at the IPC border, shared by every handler: argument lists are checked with zod,
// documents with the model's parseDocument, and a refusal names the channel and the argument.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { formatPath, parseDocument, type Problem, type ProjectDocument } from '../../engine/model/index.js';

/** A request the renderer should never send: wrong types, extra fields, an invalid document. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
  constructor(readonly channel: string, readonly problems: readonly Problem[]) {
    super(`${channel} refused a malformed request: ${problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

export const AbsolutePath = z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path');

export function args<T extends z.ZodType>(channel: string, schema: T, raw: readonly unknown[]): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new PayloadError(channel, parsed.error.issues.map((i) => ({ path: `args${formatPath(i.path).replace('(document)', '')}`, message: i.message })));
  }
  return parsed.data;
}

export function validDocument(channel: string, input: unknown, where: string): ProjectDocument {
  const parsed = parseDocument(input);
  if (!parsed.ok) throw new PayloadError(channel, parsed.problems.map((p) => ({ path: `${where}.${p.path}`, message: p.message })));
  return parsed.value;
}

