// New projects from the shipped catalog and the engine's sample generators. The catalog is read
// once from assets/ and checked with the same schema and cross-reference checks as any import.
import { readFileSync } from 'node:fs';
import { Catalog, checkCatalog, parseDocument, zodProblems, type ProjectDocument } from '../../engine/model/index.js';
import { makeSample } from '../../engine/generators/index.js';
import type { Result, TemplateName } from '../contract/api.js';

export class TemplateService {
  private cached: Catalog | null = null;

  constructor(private readonly catalogPath: string) {}

  /** Throws with a message naming the file: a broken shipped catalog is an installation defect. */
  catalog(): Catalog {
    if (this.cached !== null) return this.cached;
    const raw: unknown = JSON.parse(readFileSync(this.catalogPath, 'utf8'));
    const parsed = Catalog.safeParse(raw);
    const problems = parsed.success ? checkCatalog(parsed.data) : zodProblems(parsed.error, 'catalog');
    if (!parsed.success || problems.length > 0) {
      const first = problems[0];
      throw new Error(`The shipped catalog ${this.catalogPath} is invalid${first ? `: ${first.path}: ${first.message}` : ''}`);
    }
    this.cached = parsed.data;
    return parsed.data;
  }

  create(template: TemplateName, scalableUnits?: number): Result<ProjectDocument> {
    const file = `template:${template}`;
    let document: ProjectDocument;
    try {
      document = makeSample(this.catalog(), template, scalableUnits);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { kind: 'invalid', file, message, problems: [] } };
    }
    // The generators are tested, but the renderer trusts what crosses this border: check anyway.
    const parsed = parseDocument(document);
    if (!parsed.ok) {
      return { ok: false, error: { kind: 'invalid', file, message: `The ${template} template produced an invalid project.`, problems: parsed.problems } };
    }
    return { ok: true, value: parsed.value };
  }
}
