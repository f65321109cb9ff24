// The closed-form queueing models checked against the seeded simulation in ./sim.ts: p50 and p99
// of the response time within 3 %, the mean wait within 3 %.
import { describe, expect, it } from 'vitest';
import { mmc, pollaczekKhinchine, responseQuantile, kingman } from '../../engine/queueing/index.js';
import { exponential, mean, percentile, simulateQueue } from './sim.js';

// M/M/1 is checked at rho 0.7 and 0.8: at 0.9 its p99 from 2 M customers still wanders by
// +-4 % between seeds (long busy periods), which would make a 3 % test a coin toss.
const TOLERANCE = 0.03;
const within = (got: number, want: number, tol = TOLERANCE) => {
  expect(Math.abs(got - want) / want, `simulated ${got.toFixed(4)} vs analytic ${want.toFixed(4)}`).toBeLessThan(tol);
};

function simulateMmc(c: number, rho: number, seed: number, customers: number) {
  const mu = 1;
  const lambda = rho * c * mu;
  const sim = simulateQueue({
    servers: c, customers, warmup: 50_000, seed,
    interArrival: (rng) => exponential(rng, lambda), service: (rng) => exponential(rng, mu),
  });
  return { sim, q: mmc(lambda, mu, c) };
}

describe('M/M/c: Erlang C against the simulation', () => {
  const cases: Array<[c: number, rho: number, customers: number]> = [
    [1, 0.7, 1_000_000], [1, 0.8, 2_000_000],
    [8, 0.7, 1_000_000], [8, 0.9, 1_500_000],
    [64, 0.7, 1_000_000], [64, 0.9, 1_500_000],
  ];
  for (const [c, rho, n] of cases) {
    it(`c = ${c}, rho = ${rho}: p50 and p99 of response time, mean wait`, () => {
      const { sim, q } = simulateMmc(c, rho, 1000 + c, n);
      within(percentile(sim.response, 0.5), responseQuantile(q, 0.5));
      within(percentile(sim.response, 0.99), responseQuantile(q, 0.99));
      // The mean wait at c = 64, rho = 0.7 is tiny (C ~ 0.02) so its relative noise is larger.
      within(mean(sim.wait), q.meanWait, c === 64 && rho === 0.7 ? 0.1 : TOLERANCE);
    });
  }
});

describe('M/G/1 and G/G/1 against the simulation', () => {
  it('M/D/1 mean wait matches Pollaczek-Khinchine (and Kingman with cs2 = 0)', () => {
    // lambda 0.8, S = 1: Wq = 0.8 * 1 / (2 * 0.2) = 2 s.
    const sim = simulateQueue({
      servers: 1, customers: 1_000_000, warmup: 50_000, seed: 7,
      interArrival: (rng) => exponential(rng, 0.8), service: () => 1,
    });
    within(mean(sim.wait), pollaczekKhinchine(0.8, 1, 1).meanWait);
    within(mean(sim.wait), kingman(0.8, 1, 1, 0).meanWait);
  });

  it('Kingman is close for D/M/1 in heavy traffic (rho 0.9), as its derivation promises', () => {
    // ca2 = 0, cs2 = 1: Wq ~ 9 * 0.5 * 1 = 4.5 s; the exact D/M/1 value is 4.12 s, so
    // Kingman overestimates by ~9 %: we hold it to 12 % here and say so in docs/workload-model.md.
    const sim = simulateQueue({
      servers: 1, customers: 1_000_000, warmup: 50_000, seed: 11,
      interArrival: () => 1 / 0.9, service: (rng) => exponential(rng, 1),
    });
    within(mean(sim.wait), kingman(0.9, 1, 0, 1).meanWait, 0.12);
  });
});
