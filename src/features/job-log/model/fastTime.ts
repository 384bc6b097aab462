/**
 * `formatAbsolute`'s text built from Date's getters. The log formats every row that scrolls into
 * view; Intl.DateTimeFormat#format costs about ten times as much per line. Years it would print
 * differently (outside 1000-9999) and invalid times go through `formatAbsolute` itself.
 */
import { formatAbsolute, type TimeZonePreference } from '../../../lib/time';

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function fastAbsolute(ms: number | null, timeZone: TimeZonePreference): string {
  if (ms == null || !Number.isFinite(ms)) return formatAbsolute(ms, timeZone);
  const d = new Date(ms);
  const utc = timeZone === 'utc';
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  if (year < 1000 || year > 9999) return formatAbsolute(ms, timeZone);
  const month = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const hours = utc ? d.getUTCHours() : d.getHours();
  const minutes = utc ? d.getUTCMinutes() : d.getMinutes();
  const seconds = utc ? d.getUTCSeconds() : d.getSeconds();
  const text = `${year}-${pad(month + 1)}-${pad(day)} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return utc ? `${text} UTC` : text;
}
