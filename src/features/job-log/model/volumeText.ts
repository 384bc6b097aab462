/** What the volume histogram says in words: a bar, the whole chart, the time filter. */
import type { TimeZonePreference } from '../../../lib/time';
import { fastAbsolute } from './fastTime';
import { formatCount } from './formatCount';
import { LOG_LEVELS } from './logLine';
import type { TimeRange } from './timeRange';
import type { VolumeSeries } from '../store/volumeHistogram';

/** "100 ms", "30 s", "5 min", "6 h", "7 d". */
export function widthText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  if (ms < 86_400_000) return `${ms / 3_600_000} h`;
  return `${ms / 86_400_000} d`;
}

/** A time to the second, or to the millisecond when bars are narrower than a second. */
export function timeText(ms: number, timeZone: TimeZonePreference, width: number): string {
  const text = fastAbsolute(ms, timeZone);
  if (width >= 1000) return text;
  const fraction = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return text.replace(/(\d\d:\d\d:\d\d)/, `$1.${fraction}`);
}

const lines = (n: number) => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;
export const untimedText = lines;

/** "2026-11-29 14:02:00 to 14:02:30: 1,203 lines (12 ERROR, 40 WARN, 1,151 INFO)". */
export function barText(series: VolumeSeries, k: number, timeZone: TimeZonePreference): string {
  const { width } = series;
  const start = series.starts[k]!;
  const from = timeText(start, timeZone, width);
  const to = timeText(start + width, timeZone, width);
  const total = series.totals[k]!;
  const parts = LOG_LEVELS.flatMap((level, i) => {
    const n = series.levels[i]![k]!;
    return n > 0 ? [`${formatCount(n)} ${level}`] : [];
  });
  return `${from} to ${to}: ${lines(total)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** The chart as a whole: lines, bar width, the span, lines without a time, what is unknown. */
export function summaryText(
  series: VolumeSeries,
  timeZone: TimeZonePreference,
  complete: boolean,
): string {
  const { starts, width, untimed } = series;
  const timed = series.lines - untimed;
  const parts = [`${lines(timed)}, ${widthText(width)} per bar`];
  if (starts.length > 0) {
    const from = timeText(starts[0]!, timeZone, width);
    const to = timeText(starts[starts.length - 1]! + width, timeZone, width);
    parts.push(`${from} to ${to}`);
  }
  if (untimed > 0) parts.push(`${lines(untimed)} without a time, not drawn`);
  return `${parts.join(', ')}${complete ? '' : ' (loaded so far)'}`;
}

/** "14:02:00 to 14:05:30", "from 14:02:00", "until 14:05:30"; milliseconds when not whole. */
export function rangeText(range: TimeRange, timeZone: TimeZonePreference): string {
  const text = (ms: number) =>
    Number.isFinite(ms) ? timeText(ms, timeZone, ms % 1000 === 0 ? 1000 : 1) : null;
  const from = text(range.from);
  const to = text(range.to);
  if (from && to) return `${from} to ${to}`;
  return from ? `from ${from}` : `until ${to}`;
}

/** Bars marked with Shift and the arrow keys: "14:02:00 to 14:05:00 marked: 3,400 lines". */
export function markedText(
  series: VolumeSeries,
  first: number,
  last: number,
  timeZone: TimeZonePreference,
): string {
  const { width } = series;
  const from = timeText(series.starts[first]!, timeZone, width);
  const to = timeText(series.starts[last]! + width, timeZone, width);
  let total = 0;
  for (let k = first; k <= last; k++) total += series.totals[k]!;
  return `${from} to ${to} marked: ${lines(total)}; Enter shows only these`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * A tick's label, 24-hour as the rows show times: "15:32:05.500" (bars under a second),
 * "15:32:05", "15:32", "11-29 15:00" (over a day), "2026-11-29" (over a year).
 */
export function tickText(ms: number, utc: boolean, width: number, span: number): string {
  const d = new Date(ms);
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = two((utc ? d.getUTCMonth() : d.getMonth()) + 1);
  const day = two(utc ? d.getUTCDate() : d.getDate());
  if (span > 365 * 86_400_000) return `${year}-${month}-${day}`;
  const hm = utc
    ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
    : `${two(d.getHours())}:${two(d.getMinutes())}`;
  if (span > 86_400_000) return `${month}-${day} ${hm}`;
  if (width >= 60_000) return hm;
  const hms = `${hm}:${two(utc ? d.getUTCSeconds() : d.getSeconds())}`;
  return width >= 1000 ? hms : `${hms}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}
