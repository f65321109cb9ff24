// The one place the worker calls into the engine. The engine's `compute(doc)` is being written
// alongside this renderer; until engine/compute.ts exists, the glob below finds nothing and the
// worker reports that plainly instead of inventing figures.
import type { ProjectDocument } from '../../engine/model/index';
import type { EngineResults } from './results';

type ComputeModule = { compute(doc: ProjectDocument): EngineResults };
const modules = import.meta.glob<ComputeModule>('../../engine/compute.ts', { eager: true });
const engine = Object.values(modules)[0];

export function runCompute(doc: ProjectDocument): EngineResults {
  if (engine === undefined) throw new Error('The engine (engine/compute.ts) is not part of this build yet.');
  return engine.compute(doc);
}
