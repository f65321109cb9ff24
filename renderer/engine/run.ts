// The one place the worker calls into the engine, in two stages. A ComputeSession keeps the
// engine's models between requests so a rack edit updates power and heat incrementally; the
// physics stage (power, cooling, heat: tens of ms per edit) is shown before the network stage
// (fabric, storage, agents: up to seconds on a gigawatt hall), which follows on the same document.
import { ComputeSession, type NetworkResults } from '../../engine/compute';
import type { ProjectDocument } from '../../engine/model/index';
import { toView, type EngineResults } from './results';

const session = new ComputeSession();
/** The last network stage computed, shown beside fresh physics until the new one is ready. */
let lastNetwork: NetworkResults | null = null;

/** Stage 1: power and heat of `doc`, with the previous fabric and agents figures marked pending. */
export function runPhysics(doc: ProjectDocument): EngineResults {
  return toView({ ...session.updatePhysics(doc), ...lastNetwork }, 'network');
}

/** Stage 2: fabric and agents of `doc` on its physics; everything current. */
export function runNetwork(doc: ProjectDocument): EngineResults {
  const physics = session.updatePhysics(doc);
  lastNetwork = session.updateNetwork(doc);
  return toView({ ...physics, ...lastNetwork });
}

/** Both stages at once (tests, tools): the same view the worker ends with. */
export function runCompute(doc: ProjectDocument): EngineResults {
  return runNetwork(doc);
}
