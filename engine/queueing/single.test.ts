import { describe, expect, it } from 'vitest';
import { gammaCdf, gammaP, lnGamma } from './gamma.js';
import { kingman, pollaczekKhinchine, singleServerWaitQuantile, singleServerWaitTail } from './single.js';

describe('Pollaczek-Khinchine and Kingman', () => {
  it('M/D/1: Wq = lambda S^2 / (2 (1 - rho))', () => {
    // lambda = 0.5, S = 1 s: rho 0.5, Wq = 0.5 * 1 / (2 * 0.5) = 0.5 s.
    expect(pollaczekKhinchine(0.5, 1, 1).meanWait).toBeCloseTo(0.5, 12);
  });

  it('M/M/1 as M/G/1 (E[S^2] = 2/mu^2) and as G/G/1 (ca2 = cs2 = 1) give rho/(mu - lambda)', () => {
    // lambda 0.9, mu 1: Wq = 0.9/0.1 = 9 s in both.
    expect(pollaczekKhinchine(0.9, 1, 2).meanWait).toBeCloseTo(9, 10);
    expect(kingman(0.9, 1, 1, 1).meanWait).toBeCloseTo(9, 10);
    // M/D/1 through Kingman (cs2 = 0) halves it: 4.5 s, the same as P-K's lambda S^2/(2(1-rho)).
    expect(kingman(0.9, 1, 1, 0).meanWait).toBeCloseTo(pollaczekKhinchine(0.9, 1, 1).meanWait, 10);
  });

  it('wait tail is rho e^{-rho t / Wq}, exact for M/M/1', () => {
    // M/M/1 lambda 0.9 mu 1: P(Wq > t) = 0.9 e^{-0.1 t}; p99 = ln(0.9/0.01)/0.1 = 44.998 s.
    const w = kingman(0.9, 1, 1, 1);
    expect(singleServerWaitTail(w, 5)).toBeCloseTo(0.9 * Math.exp(-0.5), 12);
    expect(singleServerWaitQuantile(w, 0.99)).toBeCloseTo(Math.log(90) / 0.1, 8);
    expect(singleServerWaitQuantile(w, 0.05)).toBe(0);
  });

  it('rejects an unstable or malformed queue', () => {
    expect(kingman(2, 1, 1, 1).meanWait).toBe(Infinity);
    expect(() => pollaczekKhinchine(1, 1, 0.5)).toThrow(RangeError);
  });
});

describe('gamma distribution', () => {
  it('ln Gamma at known points', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 8); // ln(100!)
  });

  it('shape 1 is exponential, shape 2 is Erlang-2', () => {
    expect(gammaCdf(1, 2, 3)).toBeCloseTo(1 - Math.exp(-1.5), 12);
    for (const x of [0.3, 1, 4, 12]) expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 12);
    expect(gammaCdf(0, 1, 0)).toBe(1); // no calls: an atom at 0
  });

  it('median of a large-shape gamma sits near k - 1/3', () => {
    // Wilson-Hilferty: the median of Gamma(k, 1) is about k - 1/3 for large k.
    expect(gammaP(400, 400 - 1 / 3)).toBeCloseTo(0.5, 3);
  });
});
