import { describe, expect, it } from 'vitest';
import { countBetween, followCost, lineBytesOf, wirePerLine, type LogResponse } from './network.ts';

const response = (lineBytes: number, overhead: number): LogResponse => ({
  at: 0,
  transferBytes: lineBytes + overhead,
  bodyBytes: lineBytes + overhead,
  lineBytes,
  lines: lineBytes / 100,
});

describe('followCost', () => {
  it('prices a refetch of everything held at each poll against what was sent', () => {
    const cost = followCost([response(1000, 100), response(0, 100), response(500, 100)]);
    expect(cost.requests).toBe(3);
    expect(cost.lines).toBe(15);
    expect(cost.bodyBytes).toBe(1800);
    expect(cost.lineBytes).toBe(1500);
    // 1000+100, then 1000+100, then 1500+100.
    expect(cost.refetchAllBytes).toBe(3800);
    expect(cost.overhead).toBeCloseTo(1.2);
  });

  it('has no overhead figure when no lines came', () => {
    expect(followCost([response(0, 100)]).overhead).toBeNaN();
  });
});

describe('wirePerLine', () => {
  it('divides what crossed the wire by the lines it brought', () => {
    const cost = followCost([{ ...response(1000, 100), transferBytes: 300 }, response(0, 100)]);
    // 300 + 100 bytes for 10 lines.
    expect(wirePerLine(cost)).toBe(40);
  });

  it('is NaN when no line came', () => {
    expect(wirePerLine(followCost([response(0, 100)]))).toBeNaN();
  });
});

describe('lineBytesOf', () => {
  it('measures the JSON of the real lines, skipping the all-null row', () => {
    const lines = [
      { id: 1, level: 'INFO', message: 'a', creationDate: 'x', lastUpdate: 'x' },
      { id: 2, level: 'WARN', message: 'b', creationDate: 'y', lastUpdate: 'y' },
    ];
    const body = { status: 'SUCCESS', payload: { job: {}, logs: [...lines, { id: null }] } };
    expect(lineBytesOf(body)).toEqual({
      bytes: JSON.stringify(lines).length - 2,
      lines: 2,
    });
  });

  it('is zero for an empty or foreign body', () => {
    expect(lineBytesOf({ payload: { logs: [] } })).toEqual({ bytes: 0, lines: 0 });
    expect(lineBytesOf(null)).toEqual({ bytes: 0, lines: 0 });
  });
});

describe('countBetween', () => {
  it('counts times in a half-open window', () => {
    expect(countBetween([0, 5, 10, 15], 5, 15)).toBe(2);
  });
});
