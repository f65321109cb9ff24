import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity } from './number';

describe('formatNumber', () => {
  it('keeps about three significant digits', () => {
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(123.45)).toBe('123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(0.012345)).toBe('0.012');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('formatQuantity', () => {
  it('promotes kW to MW past a thousand', () => {
    expect(formatQuantity(1064, 'kW')).toEqual({ value: '1.06', unit: 'MW' });
    expect(formatQuantity(950, 'kW')).toEqual({ value: '950', unit: 'kW' });
  });
  it('shows temperatures with one decimal', () => {
    expect(formatQuantity(27, 'C')).toEqual({ value: '27.0', unit: '°C' });
  });
  it('never shows a negative zero', () => {
    expect(formatQuantity(-0.004, '%')).toEqual({ value: '0.0', unit: '%' });
    expect(formatQuantity(-0.3, '%')).toEqual({ value: '-0.3', unit: '%' });
  });
});
