// The gamma distribution, used for the sum of k exponential service times (Erlang-k, and its
// continuous extension when a step makes 1.5 tool calls on average). CDF = regularised lower
// incomplete gamma P(k, x/theta), by the series for x < k + 1 and Lentz's continued fraction
// otherwise (Press et al., Numerical Recipes 3rd ed., 6.2); ln Gamma by Lanczos (g = 7, n = 9).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITER = 100000;

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a). */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`shape must be > 0, got ${a}`);
  if (x <= 0) return 0;
  const lnPrefix = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(lnPrefix) * h);
}

/** CDF of a gamma distribution with shape k and scale theta (mean k theta); k = 0 is an atom at 0. */
export function gammaCdf(k: number, theta: number, x: number): number {
  if (x < 0) return 0;
  if (k === 0 || theta === 0) return 1;
  return gammaP(k, x / theta);
}
