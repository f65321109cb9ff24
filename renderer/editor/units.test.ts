// Metric or imperial display: conversions and what a user may type.
import { describe, expect, it } from 'vitest';
import { formatLength, fromDisplay, parseLength, toDisplay } from './units';

describe('lengths at the UI edge', () => {
  it('shows metres or feet (0.3048 m a foot, exact by definition)', () => {
    expect(formatLength(0.6, 'metric')).toBe('0.60 m');
    expect(formatLength(3.048, 'imperial')).toBe('10.00 ft');
    expect(fromDisplay(toDisplay(7.25, 'imperial'), 'imperial')).toBeCloseTo(7.25, 12);
  });

  it('reads typed lengths in the display unit or with a suffix, and refuses the rest', () => {
    const metres = (text: string, units: 'metric' | 'imperial') => { const r = parseLength(text, units); return 'metres' in r ? r.metres : NaN; };
    expect(metres('2', 'imperial')).toBeCloseTo(0.6096, 12);
    expect(metres('600 mm', 'imperial')).toBeCloseTo(0.6, 12);
    expect(metres('24 in', 'metric')).toBeCloseTo(0.6096, 12);
    expect(parseLength('1.5', 'metric')).toEqual({ metres: 1.5 });
    expect(parseLength('abc', 'metric')).toHaveProperty('error');
    expect(parseLength('1.2.3 m', 'metric')).toHaveProperty('error');
  });
});
