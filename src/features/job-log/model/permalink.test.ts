import { describe, expect, it } from 'vitest';
import { formatLineHash, inRange, parseLineHash } from './permalink';

describe('line permalinks', () => {
  it('reads one line or a range in either order', () => {
    expect(parseLineHash('#L42')).toEqual({ from: 42, to: 42 });
    expect(parseLineHash('#L20-L10')).toEqual({ from: 10, to: 20 });
    expect(parseLineHash('#L3-9')).toEqual({ from: 3, to: 9 });
    expect(parseLineHash('#top')).toBeNull();
    expect(parseLineHash('')).toBeNull();
  });

  it('writes the hash back and tests membership', () => {
    expect(formatLineHash({ from: 5, to: 5 })).toBe('#L5');
    expect(formatLineHash({ from: 5, to: 8 })).toBe('#L5-L8');
    expect(inRange({ from: 5, to: 8 }, 8)).toBe(true);
    expect(inRange(null, 8)).toBe(false);
  });
});
