// M/M/c queue (Erlang 1917; Kleinrock, Queueing Systems vol. 1, 1975, ch. 3): Poisson arrivals
// at rate lambda, c servers with exponential service at rate mu each, offered load a = lambda/mu.
//   Erlang B by the recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))   (no factorials, so
//   stable for c in the thousands), then C(c, a) = c B / (c - a (1 - B)).
//   Wq = C / (c mu - lambda);  P(Wq > t) = C e^{-(c mu - lambda) t}.
//   Response T = Wq + S:  P(T > t) = e^{-mu t} + C mu / (c mu - lambda - mu) (e^{-mu t} - e^{-(c mu - lambda) t})
//   (DOMAIN.md, "Queueing"); when c mu - lambda = mu the bracket tends to C mu t e^{-mu t}.
import { quantileOfTail } from './solve.js';

/** Erlang B blocking probability B(c, a) by the stable recursion. */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`servers must be a whole number >= 0, got ${c}`);
  if (!(a >= 0)) throw new RangeError(`offered load must be >= 0, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability an arrival waits, C(c, a); 1 when the queue is unstable (a >= c). */
export function erlangC(c: number, a: number): number {
  if (c < 1) throw new RangeError('an M/M/c queue needs at least one server');
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

export interface MmcQueue {
  readonly lambda: number;
  readonly mu: number;
  readonly c: number;
  /** Server utilisation rho = lambda / (c mu). */
  readonly rho: number;
  /** Probability an arrival has to wait. */
  readonly pWait: number;
  /** Mean wait in queue, s (Infinity when rho >= 1). */
  readonly meanWait: number;
  /** Mean response time Wq + 1/mu, s. */
  readonly meanResponse: number;
  /** Rate of the exponential part of the wait, c mu - lambda (1/s). */
  readonly waitRate: number;
}

export function mmc(lambda: number, mu: number, c: number): MmcQueue {
  if (!(lambda >= 0) || !(mu > 0)) throw new RangeError('M/M/c needs lambda >= 0 and mu > 0');
  const a = lambda / mu;
  const rho = a / c;
  const pWait = erlangC(c, a);
  const waitRate = c * mu - lambda;
  const meanWait = rho >= 1 ? Infinity : pWait / waitRate;
  return { lambda, mu, c, rho, pWait, meanWait, meanResponse: meanWait + 1 / mu, waitRate };
}

/** P(Wq > t): the wait is 0 with probability 1 - C, else exponential at rate c mu - lambda. */
export function waitTail(q: MmcQueue, t: number): number {
  if (q.rho >= 1) return 1;
  if (t < 0) return 1;
  return q.pWait * Math.exp(-q.waitRate * t);
}

/** P(T > t) for the response time (wait + exponential service) of an M/M/c queue. */
export function responseTail(q: MmcQueue, t: number): number {
  if (q.rho >= 1) return 1;
  if (t <= 0) return 1;
  const { mu, pWait, waitRate } = q;
  const eMu = Math.exp(-mu * t);
  const d = waitRate - mu;
  // Near d = 0 the difference quotient (e^{-mu t} - e^{-(mu+d) t}) / d tends to t e^{-mu t};
  // switch to the limit when the relative gap is below what double precision resolves.
  const bracket = Math.abs(d * t) < 1e-7 ? t * eMu * (1 - (d * t) / 2) : (eMu - Math.exp(-waitRate * t)) / d;
  return Math.min(1, eMu + pWait * mu * bracket);
}

/** Percentile p (0..1) of the response time, s, by bisection on the tail. */
export function responseQuantile(q: MmcQueue, p: number): number {
  if (q.rho >= 1) return Infinity;
  return quantileOfTail((t) => responseTail(q, t), p, q.meanResponse);
}

/** Percentile p of the wait in queue, closed form: 0 when p <= 1 - C. */
export function waitQuantile(q: MmcQueue, p: number): number {
  if (q.rho >= 1) return Infinity;
  const tail = 1 - p;
  if (tail >= q.pWait) return 0;
  return Math.log(q.pWait / tail) / q.waitRate;
}
