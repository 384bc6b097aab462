/**
 * The log's time filter: lines written in [from, to), kept in the URL as `from` and `to` (ISO
 * times, so a shared link reads plainly). Lines without a readable time are outside any range.
 */
export interface TimeRange {
  /** ms since the epoch, inclusive. */
  from: number;
  /** ms since the epoch, exclusive. */
  to: number;
}

/** The range the URL names; null when it names none, or an empty or unreadable one. */
export function readTimeRange(from: string, to: string): TimeRange | null {
  if (!from && !to) return null;
  const start = from ? Date.parse(from) : -Infinity;
  const end = to ? Date.parse(to) : Infinity;
  if (Number.isNaN(start) || Number.isNaN(end) || start >= end) return null;
  return { from: start, to: end };
}

/** The URL's `from` and `to` for a range; empty strings clear them. */
export function writeTimeRange(range: TimeRange | null): { from: string; to: string } {
  if (!range) return { from: '', to: '' };
  const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');
  return { from: iso(range.from), to: iso(range.to) };
}

export function inTimeRange(range: TimeRange, time: number): boolean {
  // NaN (no time) fails both comparisons.
  return time >= range.from && time < range.to;
}
