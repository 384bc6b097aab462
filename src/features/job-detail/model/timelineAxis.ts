/** The step timeline's time axis: the range shown, zooming it, and where its ticks go. */

export interface TimeRange {
  from: number;
  to: number;
}

/** The smallest range a zoom goes down to. */
export const MIN_RANGE_MS = 1_000;

/** Percent of the axis width at a time (may fall outside 0-100: the caller clips). */
export function percentAt(range: TimeRange, ms: number): number {
  return ((ms - range.from) / Math.max(1, range.to - range.from)) * 100;
}

/** The part of [start, end] inside the range, in percent of the axis; null when outside it. */
export function clipToRange(
  range: TimeRange,
  start: number,
  end: number,
): { left: number; width: number } | null {
  if (end < range.from || start > range.to) return null;
  const left = Math.max(0, percentAt(range, start));
  const right = Math.min(100, percentAt(range, end));
  return { left, width: Math.max(0, right - left) };
}

/** Zooms by `factor` (< 1 in, > 1 out) around `center`, kept inside `whole`. */
export function zoom(
  range: TimeRange,
  whole: TimeRange,
  factor: number,
  center?: number,
): TimeRange {
  const mid = center ?? (range.from + range.to) / 2;
  const wholeSpan = whole.to - whole.from;
  const span = Math.min(wholeSpan, Math.max(MIN_RANGE_MS, (range.to - range.from) * factor));
  let from = mid - span / 2;
  let to = mid + span / 2;
  if (from < whole.from) [from, to] = [whole.from, whole.from + span];
  if (to > whole.to) [from, to] = [whole.to - span, whole.to];
  return { from: Math.max(whole.from, from), to: Math.min(whole.to, to) };
}

/** A range dragged across the axis, from two percentages; null when too small to mean a zoom. */
export function rangeFromDrag(range: TimeRange, a: number, b: number): TimeRange | null {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(100, Math.max(a, b));
  if (hi - lo < 1) return null;
  const span = range.to - range.from;
  const from = range.from + (lo / 100) * span;
  const to = range.from + (hi / 100) * span;
  if (to - from < MIN_RANGE_MS) {
    const mid = (from + to) / 2;
    return { from: mid - MIN_RANGE_MS / 2, to: mid + MIN_RANGE_MS / 2 };
  }
  return { from, to };
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  2 * 24 * HOUR,
  7 * 24 * HOUR,
];

/**
 * Tick times for the range: at round multiples of a step chosen so that about `count` ticks fit
 * (whole minutes, hours... in UTC; time zones off UTC by whole hours or half hours keep them
 * round from the minute step up to the half-hour step).
 */
export function ticks(range: TimeRange, count = 5): { times: number[]; step: number } {
  const span = range.to - range.from;
  const step = STEPS.find((s) => span / s <= count) ?? STEPS[STEPS.length - 1]!;
  const times: number[] = [];
  for (let t = Math.ceil(range.from / step) * step; t <= range.to; t += step) times.push(t);
  return { times, step };
}
