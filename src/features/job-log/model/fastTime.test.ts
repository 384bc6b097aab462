import { describe, expect, it } from 'vitest';
import { formatAbsolute } from '../../../lib/time';
import { fastAbsolute } from './fastTime';

const samples = [
  0,
  Date.UTC(2026, 10, 24, 22, 31, 5),
  Date.UTC(2026, 0, 1, 0, 0, 0),
  Date.UTC(2026, 2, 29, 1, 30, 0),
  Date.UTC(2026, 9, 25, 0, 59, 59, 999),
  Date.UTC(1999, 11, 31, 23, 59, 59),
  Date.UTC(999, 5, 1),
  Date.UTC(12000, 5, 1),
  -1,
  Number.NaN,
];

describe('fastAbsolute', () => {
  it.each(['local', 'utc'] as const)('reads exactly as formatAbsolute (%s)', (zone) => {
    for (const ms of samples) expect(fastAbsolute(ms, zone)).toBe(formatAbsolute(ms, zone));
    // Every hour of a year, across both daylight-saving changes where the zone has them.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000 + 17_000) {
      expect(fastAbsolute(ms, zone)).toBe(formatAbsolute(ms, zone));
    }
  });

  it("keeps formatAbsolute's text for a missing time", () => {
    expect(fastAbsolute(null, 'utc')).toBe(formatAbsolute(null, 'utc'));
  });
});
