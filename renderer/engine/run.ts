// The one place the worker calls into the engine. A ComputeSession keeps the engine's models
// between requests so a rack edit updates power and heat incrementally instead of from scratch.
import { ComputeSession } from '../../engine/compute';
import type { ProjectDocument } from '../../engine/model/index';
import { toView, type EngineResults } from './results';

const session = new ComputeSession();

export function runCompute(doc: ProjectDocument): EngineResults {
  return toView(session.update(doc));
}
