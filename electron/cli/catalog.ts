// The shipped catalog, read from assets/ and validated like any other input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, checkCatalog, zodProblems } from '../../engine/model/index.js';
import { ProjectFileError } from '../project/index.js';

export function loadShippedCatalog(root: string): Catalog {
  const path = join(root, 'assets', 'catalog', 'default.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ProjectFileError('unreadable', path, `Cannot read the catalog ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = Catalog.safeParse(raw);
  if (!parsed.success) throw new ProjectFileError('invalid', path, `The catalog ${path} is invalid:`, zodProblems(parsed.error));
  const problems = checkCatalog(parsed.data, 'catalog');
  if (problems.length > 0) throw new ProjectFileError('invalid', path, `The catalog ${path} is invalid:`, problems);
  return parsed.data;
}
