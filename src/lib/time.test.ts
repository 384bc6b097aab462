import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatDuration, formatRelative, parseTime } from './time';

describe('parseTime', () => {
  it('parses ISO timestamps and rejects missing or invalid ones', () => {
    expect(parseTime('2020-11-04T12:53:42.266Z')).toBe(Date.UTC(2020, 10, 4, 12, 53, 42, 266));
    expect(parseTime(null)).toBeNull();
    expect(parseTime(undefined)).toBeNull();
    expect(parseTime('')).toBeNull();
    expect(parseTime('not a date')).toBeNull();
  });
});

describe('formatAbsolute', () => {
  it('formats in UTC with a suffix', () => {
    expect(formatAbsolute(Date.UTC(2020, 10, 4, 12, 53, 42), 'utc')).toBe(
      '2020-11-04 12:53:42 UTC',
    );
  });
  it('formats local time without a suffix', () => {
    const text = formatAbsolute(Date.UTC(2020, 10, 4, 12, 53, 42), 'local');
    expect(text).toMatch(/^2020-11-0[45] \d\d:53:42$/);
  });
  it('says so when the time is unknown', () => {
    expect(formatAbsolute(null, 'utc')).toBe('unknown time');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    [now - 2_000, 'just now'],
    [now - 42_000, '42 s ago'],
    [now - 2 * 60_000 - 5_000, '2 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 5 * 86_400_000, '5 d ago'],
    [now - 800 * 86_400_000, '2 y ago'],
    [now + 2 * 60_000, 'in 2 min'],
    [null, 'unknown'],
  ])('%s -> %s', (ms, expected) => {
    expect(formatRelative(ms, now)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5_000, '0 s'],
    [45_900, '45 s'],
    [192_000, '3 m 12 s'],
    [3_720_000, '1 h 02 m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2 d 3 h'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
