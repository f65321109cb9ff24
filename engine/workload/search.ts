// Searches over operating points. Every check is "does the p99 step time meet the SLO with all
// loaded resources below utilisation 1", which only gets harder as agents are added, so the
// largest agent count is found by doubling then bisection, and the fewest replicas by bisection
// the other way.
//
// The batch cap is always the largest the HBM holds (plan.batchMax): below the cap the busy
// batch b is set by the load alone (b = lambda S(b)), so a larger cap only adds servers to the
// M/M/c and shortens the wait; a smaller cap changes nothing until it binds, and then the
// replica is saturated. (A real scheduler's cap also bounds tail latency under bursts, which an
// average-rate model cannot see; docs/workload-model.md.)
import { evaluate, meetsSlo, type Evaluation, type Mask } from './evaluate.js';
import type { WorkloadPlan } from './plan.js';

/** Relative resolution of the agent-count search: 0.1 % is below every input's uncertainty. */
const AGENT_RESOLUTION = 1e-3;
/** Doubling stops here: a resource that still meets the SLO at 2^40 agents does not limit. */
const AGENT_CEILING = 2 ** 40;
const REPLICA_CEILING = 2 ** 30;

/** Largest agent count meeting the SLO (Infinity if it never stops meeting it below the ceiling). */
export function maxAgents(plan: WorkloadPlan, replicas: number, mask: Mask, guess = replicas, ceiling = AGENT_CEILING): number {
  if (replicas < 1 || plan.batchMax < 1) return 0;
  const ok = (agents: number) => meetsSlo(evaluate(plan, agents, replicas, plan.batchMax, mask), plan);
  let lo: number;
  let hi: number;
  let g = Math.max(1, Math.round(Number.isFinite(guess) ? guess : replicas));
  if (ok(g)) {
    lo = g;
    hi = 2 * g;
    while (ok(hi)) {
      lo = hi;
      hi *= 2;
      if (hi > ceiling) return Infinity;
    }
  } else {
    hi = g;
    for (;;) {
      g = Math.floor(g / 2);
      if (g < 1) return 0;
      if (ok(g)) break;
      hi = g;
    }
    lo = g;
  }
  while (hi - lo > Math.max(1, lo * AGENT_RESOLUTION)) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The operating point at a given agent count. */
export function operatingPoint(plan: WorkloadPlan, agents: number, replicas: number, mask: Mask): Evaluation {
  return evaluate(plan, agents, Math.max(1, replicas), Math.max(1, plan.batchMax), mask);
}

/** Fewest replicas that serve `agents` within the SLO, or null when no number of replicas does. */
export function replicasNeeded(plan: WorkloadPlan, agents: number, mask: Mask): number | null {
  if (agents <= 0) return 0;
  if (plan.batchMax < 1) return null;
  const ok = (r: number) => meetsSlo(evaluate(plan, agents, r, plan.batchMax, mask), plan);
  let hi = 1;
  while (!ok(hi)) {
    hi *= 2;
    if (hi > REPLICA_CEILING) return null;
  }
  if (hi === 1) return 1;
  let lo = hi / 2; // known to fail
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
