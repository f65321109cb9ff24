// Single-server queues with general service (Kleinrock vol. 1 ch. 5; Kingman 1961):
//   M/G/1, Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)), rho = lambda E[S].
//   G/G/1, Kingman's heavy-traffic approximation: Wq ~ rho/(1-rho) * (ca^2 + cs^2)/2 * E[S].
// For a percentile of the wait we use the standard exponential tail for these queues: the wait
// is 0 with probability 1 - rho, otherwise exponential with mean Wq / rho, so
// P(Wq > t) = rho e^{-rho t / Wq} (exact for M/M/1, the heavy-traffic limit for G/G/1).

export interface SingleServerWait {
  readonly rho: number;
  /** Mean wait in queue, s (Infinity when rho >= 1). */
  readonly meanWait: number;
}

/** M/G/1 mean wait from the first two moments of the service time. */
export function pollaczekKhinchine(lambda: number, meanS: number, secondMomentS: number): SingleServerWait {
  if (!(lambda >= 0 && meanS >= 0 && secondMomentS >= meanS * meanS * (1 - 1e-12))) {
    throw new RangeError('P-K needs lambda >= 0 and E[S^2] >= E[S]^2');
  }
  const rho = lambda * meanS;
  return { rho, meanWait: rho >= 1 ? Infinity : (lambda * secondMomentS) / (2 * (1 - rho)) };
}

/** Kingman's G/G/1 approximation from the squared coefficients of variation of arrivals and service. */
export function kingman(lambda: number, meanS: number, ca2: number, cs2: number): SingleServerWait {
  if (!(lambda >= 0 && meanS >= 0 && ca2 >= 0 && cs2 >= 0)) throw new RangeError('Kingman needs non-negative inputs');
  const rho = lambda * meanS;
  return { rho, meanWait: rho >= 1 ? Infinity : (rho / (1 - rho)) * ((ca2 + cs2) / 2) * meanS };
}

/** P(Wq > t) under the exponential-tail approximation described above. */
export function singleServerWaitTail(w: SingleServerWait, t: number): number {
  if (w.rho >= 1) return 1;
  if (t < 0) return 1;
  if (w.meanWait <= 0 || w.rho <= 0) return 0;
  return w.rho * Math.exp((-w.rho * t) / w.meanWait);
}

/** Percentile p of the wait under the same approximation. */
export function singleServerWaitQuantile(w: SingleServerWait, p: number): number {
  if (w.rho >= 1) return Infinity;
  const tail = 1 - p;
  if (tail >= w.rho || w.meanWait <= 0) return 0;
  return (w.meanWait / w.rho) * Math.log(w.rho / tail);
}
