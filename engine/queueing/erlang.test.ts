import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc, responseQuantile, responseTail, waitQuantile } from './erlang.js';
import { lnGamma } from './gamma.js';

// Textbook Erlang C with factorials, only usable for small c: the independent reference.
function erlangCByFactorials(c: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = (a ** c / (fact * c)) * (c / (c - a));
  return top / (sum + top);
}

describe('Erlang B and C', () => {
  it('matches the hand-worked c = 2, a = 1 case', () => {
    // B(1) = 1/(1+1) = 0.5; B(2) = 0.5/(2+0.5) = 0.2; C = 2*0.2/(2 - 1*0.8) = 1/3.
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('agrees with the factorial formula for small c', () => {
    for (const [c, a] of [[1, 0.5], [4, 3.2], [10, 8], [16, 15]] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCByFactorials(c, a), 10);
    }
    // M/M/1: C(1, a) = a.
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
  });

  it('stays finite and exact for c in the thousands (log-space reference)', () => {
    // Reference in log space: B = p(c)/sum_{k<=c} p(k), p(k) = a^k/k!, evaluated with ln Gamma.
    const c = 5000;
    const a = 4900;
    const logs: number[] = [];
    for (let k = 0; k <= c; k++) logs.push(k * Math.log(a) - lnGamma(k + 1));
    const max = Math.max(...logs);
    const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
    const bRef = Math.exp(logs[c]! - max) / sum;
    expect(erlangB(c, a)).toBeCloseTo(bRef, 9);
    const cRef = (c * bRef) / (c - a * (1 - bRef));
    const got = erlangC(c, a);
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(1);
    expect(got).toBeCloseTo(cRef, 9);
  });

  it('is 1 for an unstable queue', () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(mmc(5, 1, 4).meanWait).toBe(Infinity);
  });
});

describe('M/M/c response-time tail and percentiles', () => {
  it('M/M/1 p99 = ln(100)/(mu - lambda)', () => {
    // lambda = 0.9, mu = 1: T is exponential at rate 0.1, p99 = 4.60517/0.1 = 46.0517 s.
    const q = mmc(0.9, 1, 1);
    expect(responseTail(q, 10)).toBeCloseTo(Math.exp(-1), 12);
    expect(responseQuantile(q, 0.99)).toBeCloseTo(Math.log(100) / 0.1, 6);
    expect(responseQuantile(q, 0.5)).toBeCloseTo(Math.log(2) / 0.1, 6);
    expect(q.meanWait).toBeCloseTo(9, 12); // rho/(mu - lambda) = 0.9/0.1
  });

  it('handles c mu - lambda = mu by the limit', () => {
    // c = 2, mu = 1, lambda = 1: C = 1/3 and P(T > t) = e^{-t} (1 + t/3).
    const q = mmc(1, 1, 2);
    for (const t of [0.5, 2, 7]) expect(responseTail(q, t)).toBeCloseTo(Math.exp(-t) * (1 + t / 3), 10);
    // continuous across the switch
    expect(responseTail(mmc(1 + 1e-6, 1, 2), 3)).toBeCloseTo(responseTail(q, 3), 5);
  });

  it('wait percentile is 0 below 1 - C and closed form above', () => {
    // c = 2, a = 1: C = 1/3; p99 wait = ln((1/3)/0.01)/(2 - 1) = ln(33.33) = 3.5066 s.
    const q = mmc(1, 1, 2);
    expect(waitQuantile(q, 0.5)).toBe(0);
    expect(waitQuantile(q, 0.99)).toBeCloseTo(Math.log(100 / 3), 10);
  });

  it('tail integrates to the mean response (E[T] = integral of P(T > t))', () => {
    const q = mmc(56, 1, 64); // rho 0.875
    let integral = 0;
    const h = 0.001;
    for (let t = h / 2; t < 40; t += h) integral += responseTail(q, t) * h;
    expect(integral).toBeCloseTo(q.meanResponse, 4);
  });
});
