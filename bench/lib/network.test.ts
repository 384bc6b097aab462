import { describe, expect, it } from 'vitest';
import {
  countBetween,
  followCost,
  lineBytesOf,
  logResponses,
  wirePerLine,
  type LogResponse,
} from './network.ts';

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

describe('logResponses', () => {
  const body = (ids: number[]) =>
    JSON.stringify({ payload: { logs: ids.map((id) => ({ id, message: 'm' })) } });
  const url = (cursor: number) => `http://h/api/v1/job/j/details/${cursor}?wait=8`;

  it('prices the answers that arrived in the window, wire bytes from their own request', () => {
    const records = [
      { url: url(0), start: 0, end: 5, text: body([1, 2]) },
      { url: url(2), start: 10, end: 15, text: body([]) },
      { url: url(2), start: 20, end: 25, text: body([3]) },
      { url: url(3), start: 30, end: 99, text: body([4]) },
    ];
    const entries = [
      { url: url(2), start: 21, encodedBodySize: 70 },
      { url: url(2), start: 11, encodedBodySize: 50 },
      { url: url(0), start: 1, encodedBodySize: 90 },
    ];
    const out = logResponses(records, entries, 0, 50);
    expect(out.map((r) => [r.at, r.transferBytes, r.lines])).toEqual([
      [5, 90, 2],
      [15, 50, 0],
      [25, 70, 1],
    ]);
    expect(out[0]!.bodyBytes).toBe(body([1, 2]).length);
  });

  it('says NaN for an answer without a timing entry, and no lines for a body that is not JSON', () => {
    const [only] = logResponses([{ url: url(0), start: 0, end: 1, text: 'Bad gateway' }], [], 0, 9);
    expect(only!.transferBytes).toBeNaN();
    expect(only!.lines).toBe(0);
  });
});
