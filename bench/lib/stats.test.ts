import { describe, expect, it } from 'vitest';
import { median, percentile, perMinute, ratio, summarize } from './stats.ts';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([5, 1, 3], 0)).toBe(1);
    expect(percentile([5, 1, 3], 100)).toBe(5);
  });

  it('is NaN without values and does not reorder its input', () => {
    expect(percentile([], 50)).toBeNaN();
    const input = [3, 1, 2];
    expect(median(input)).toBe(2);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('ignores runs that produced no figure', () => {
    expect(summarize([4, NaN, 2, 9])).toEqual({ median: 4, min: 2, max: 9, n: 3 });
    expect(summarize([NaN]).n).toBe(0);
  });
});

describe('ratio', () => {
  it('is NaN when a side is missing or the divisor is 0', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(undefined, 2)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });
});

describe('perMinute', () => {
  it('scales a count over a window to a minute', () => {
    expect(perMinute(10, 20)).toBe(30);
    expect(perMinute(29, 60)).toBe(29);
    expect(perMinute(3, 0)).toBeNaN();
  });
});
