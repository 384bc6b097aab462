/**
 * How often watched jobs are polled. Modest on purpose: an announcement a few seconds late is
 * fine, and each watched job costs a Jobs API read and a log read per poll (the gateway also
 * keeps reading the log upstream while it is asked for it).
 *
 * Unlike the pages' own polling, this goes on in a hidden tab: telling an operator who looks
 * elsewhere is the point. Browsers slow a hidden tab's timers further (Chrome: at most once a
 * minute after five minutes hidden), so a background announcement can come that much later.
 */

export const WATCH_POLL_MS = 10_000;
export const WATCH_POLL_HIDDEN_MS = 30_000;

/**
 * For end-to-end tests only: a number of milliseconds in this localStorage key, read once when
 * the watcher's code loads, replaces both intervals (from 250 ms to 10 minutes).
 */
export const WATCH_POLL_OVERRIDE_KEY = 'jobscope.test.watchPollMs';

export function readPollOverride(read: () => string | null): number | null {
  let raw: string | null;
  try {
    raw = read();
  } catch {
    return null;
  }
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const ms = Number(raw);
  return ms >= 250 && ms <= 600_000 ? ms : null;
}

/** The delay until a job's next poll. */
export function watchPollDelay(hidden: boolean, override: number | null): number {
  if (override !== null) return override;
  return hidden ? WATCH_POLL_HIDDEN_MS : WATCH_POLL_MS;
}
