// Numbers at the UI edge: SI inside, readable here. Precision follows magnitude so a column of
// figures stays short (1.23 MW, 48.2 kW, 0.93) and large power is shown in the larger unit.

/** Significant digits for a figure: three, without trailing zeros noise on integers. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e6) return value.toExponential(2);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** Fixed decimals without a negative zero: -0.004 % reads as a sign error, not as zero. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Value and unit, promoting kW to MW (and W to kW) when that reads better. */
export function formatQuantity(value: number, unit: string): { value: string; unit: string } {
  if (unit === 'kW' && Math.abs(value) >= 1000) return { value: formatNumber(value / 1000), unit: 'MW' };
  if (unit === 'W' && Math.abs(value) >= 1000) return { value: formatNumber(value / 1000), unit: 'kW' };
  if (unit === '°C' || unit === 'C') return { value: fixed(value, 1), unit: '°C' };
  if (unit === '' || unit === '-' || unit === 'ratio') return { value: fixed(value, value < 10 ? 2 : 1), unit: '' };
  if (unit === '%') return { value: fixed(value, 1), unit: '%' };
  return { value: formatNumber(value), unit };
}

export function formatInput(value: number | string, unit: string): string {
  if (typeof value === 'string') return unit === '' ? value : `${value} ${unit}`;
  const q = formatQuantity(value, unit);
  return q.unit === '' ? q.value : `${q.value} ${q.unit}`;
}
