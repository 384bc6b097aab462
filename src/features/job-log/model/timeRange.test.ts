import { describe, expect, it } from 'vitest';
import { inTimeRange, readTimeRange, writeTimeRange } from './timeRange';

describe('time range', () => {
  const from = '2026-11-29T14:00:00.000Z';
  const to = '2026-11-29T14:05:00.000Z';

  it('reads the URL and writes it back', () => {
    const range = readTimeRange(from, to)!;
    expect(range).toEqual({ from: Date.parse(from), to: Date.parse(to) });
    expect(writeTimeRange(range)).toEqual({ from, to });
    expect(writeTimeRange(null)).toEqual({ from: '', to: '' });
  });

  it('takes an open end, and ignores an empty, inverted or unreadable range', () => {
    expect(readTimeRange(from, '')).toEqual({ from: Date.parse(from), to: Infinity });
    expect(writeTimeRange(readTimeRange('', to))).toEqual({ from: '', to });
    expect(readTimeRange('', '')).toBeNull();
    expect(readTimeRange(to, from)).toBeNull();
    expect(readTimeRange(from, from)).toBeNull();
    expect(readTimeRange('yesterday', to)).toBeNull();
  });

  it('holds its start, not its end, and never a line without a time', () => {
    const range = readTimeRange(from, to)!;
    expect(inTimeRange(range, Date.parse(from))).toBe(true);
    expect(inTimeRange(range, Date.parse(to) - 1)).toBe(true);
    expect(inTimeRange(range, Date.parse(to))).toBe(false);
    expect(inTimeRange(range, NaN)).toBe(false);
  });
});
