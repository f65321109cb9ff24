// Percentiles by inverting a tail function P(X > t), which falls monotonically from 1 to 0:
// bracket the root by doubling from a scale (the mean), then bisect. Sixty halvings of the
// bracket reach double precision, far below any latency we report.
const MAX_DOUBLINGS = 200;
const BISECTIONS = 60;

/** Smallest t with P(X > t) <= 1 - p. `scale` is a typical size of X (its mean) to start from. */
export function quantileOfTail(tail: (t: number) => number, p: number, scale: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`percentile must be in (0, 1), got ${p}`);
  const target = 1 - p;
  let lo = 0;
  if (tail(lo) <= target) return 0;
  let hi = scale > 0 && Number.isFinite(scale) ? scale : 1;
  let doublings = 0;
  while (tail(hi) > target) {
    lo = hi;
    hi *= 2;
    if (++doublings > MAX_DOUBLINGS) return Infinity;
  }
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}
