// Round axis steps and tick positions (1, 2, 5 x 10^k), and the number formats of the report:
// every value is printed with its unit, thousands separated, at a sensible precision.

/** The smallest of 1, 2, 5 x 10^k that is >= raw (raw > 0). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  for (const m of [1, 2, 5, 10]) if (m * base >= raw * (1 - 1e-9)) return m * base;
  return 10 * base;
}

/** Ticks from 0 (or below min) to at least max, about `count` of them, on a round step. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) max = min + 1;
  const step = niceStep((max - min) / count);
  const start = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v < max + step - 1e-9 * step; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** A number with thousands separators and at most `digits` decimals; '-' for null/NaN. */
export function fmt(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Power in the unit a reader expects: kW up to 10 MW, MW above. */
export function fmtPower(kw: number): string {
  return Math.abs(kw) >= 10_000 ? `${fmt(kw / 1000, 1)} MW` : `${fmt(kw, 1)} kW`;
}

/** Money with two decimals and the ISO currency code. */
export function fmtMoney(v: number, currency: string): string {
  return `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** Milliseconds, switching to seconds above 10 s. */
export function fmtMs(v: number): string {
  if (!Number.isFinite(v)) return 'unbounded (saturated)';
  return v >= 10_000 ? `${fmt(v / 1000, 1)} s` : `${fmt(v, v < 10 ? 2 : 0)} ms`;
}
