/** Pure time helpers. Every timestamp in the app goes through these, in the chosen time zone. */

export type TimeZonePreference = 'local' | 'utc';

/** Parses an ISO timestamp; null for missing or invalid input (upstream data can hold either). */
export function parseTime(value: string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: TimeZonePreference): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA gives an ISO-like "2026-11-24, 22:31:05"; the comma is removed below.
    f = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: timeZone === 'utc' ? 'UTC' : undefined,
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-11-24 22:31:05 UTC" or "2026-11-24 23:31:05" (local); "unknown time" when invalid. */
export function formatAbsolute(ms: number | null, timeZone: TimeZonePreference): string {
  if (ms == null || !Number.isFinite(ms)) return 'unknown time';
  const text = formatter(timeZone).format(ms).replace(',', '');
  return timeZone === 'utc' ? `${text} UTC` : text;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "42 s ago", "2 min ago", "3 h ago", "5 d ago", or "in 2 min" for the future. */
export function formatRelative(ms: number | null, now: number): string {
  if (ms == null || !Number.isFinite(ms)) return 'unknown';
  const diff = now - ms;
  const abs = Math.abs(diff);
  let text: string;
  if (abs < 5_000) return 'just now';
  if (abs < MINUTE) text = `${Math.floor(abs / 1000)} s`;
  else if (abs < HOUR) text = `${Math.floor(abs / MINUTE)} min`;
  else if (abs < DAY) text = `${Math.floor(abs / HOUR)} h`;
  else if (abs < 365 * DAY) text = `${Math.floor(abs / DAY)} d`;
  else text = `${Math.floor(abs / (365 * DAY))} y`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** A duration for people: "45 s", "3 m 12 s", "1 h 02 m", "2 d 3 h". Negative counts as 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} m`;
  if (m > 0) return `${m} m ${s} s`;
  return `${s} s`;
}
