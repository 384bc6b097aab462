/**
 * The jobs an operator asked to be told about, as this device remembers them: pure functions
 * over an immutable list (newest watch first) and its stored form.
 */
import { z } from 'zod/mini';

/** At most this many jobs are watched; watching one more lets go of the oldest watch. */
export const WATCH_LIMIT = 50;

export interface WatchedJob {
  readonly jobId: string;
  /** The job's title as shown: notifications name the job by it. */
  readonly name: string;
  /** When watching began (ms since the epoch): tells one watch of a job from the next. */
  readonly since: number;
  /**
   * Log lines with an id above this are new since watching began. null until the first poll
   * learns where the log ended when watching began.
   */
  readonly logCursor: number | null;
  /** The first ERROR since watching began was announced: the log is not read again. */
  readonly errorAnnounced: boolean;
  /** The Job log API has no log for this job: only its status is watched. */
  readonly noLog: boolean;
}

export interface JobToWatch {
  jobId: string;
  name: string;
}

export function isWatched(list: readonly WatchedJob[], jobId: string): boolean {
  return list.some((entry) => entry.jobId === jobId);
}

export interface Added {
  list: readonly WatchedJob[];
  /** The oldest watch let go to stay within WATCH_LIMIT, if any. */
  dropped: WatchedJob | null;
}

/** The list with `job` watched from `now` on; a job already watched keeps its watch. */
export function addWatch(list: readonly WatchedJob[], job: JobToWatch, now: number): Added {
  if (isWatched(list, job.jobId)) return { list, dropped: null };
  const entry: WatchedJob = {
    jobId: job.jobId,
    name: job.name,
    since: now,
    logCursor: null,
    errorAnnounced: false,
    noLog: false,
  };
  const next = [entry, ...list];
  const dropped = next.length > WATCH_LIMIT ? next[WATCH_LIMIT]! : null;
  return { list: dropped ? next.slice(0, WATCH_LIMIT) : next, dropped };
}

export function removeWatch(list: readonly WatchedJob[], jobId: string): readonly WatchedJob[] {
  return isWatched(list, jobId) ? list.filter((entry) => entry.jobId !== jobId) : list;
}

/**
 * The list with a poll's outcome for one watch: `next` replaces it, null drops it. A watch that
 * was stopped (or stopped and started again) while the poll ran is left as it is now, so a late
 * answer never brings back a job the operator let go.
 */
export function applyPoll(
  list: readonly WatchedJob[],
  polled: WatchedJob,
  next: WatchedJob | null,
): readonly WatchedJob[] {
  const index = list.findIndex(
    (entry) => entry.jobId === polled.jobId && entry.since === polled.since,
  );
  if (index === -1) return list;
  if (next === null) return list.filter((_, i) => i !== index);
  if (next === list[index]) return list;
  return list.map((entry, i) => (i === index ? next : entry));
}

const storedEntrySchema = z.object({
  jobId: z.string().check(z.minLength(1)),
  name: z.string(),
  since: z.number(),
  logCursor: z.nullable(z.number()),
  errorAnnounced: z.boolean(),
  noLog: z.boolean(),
});

/**
 * The stored list, read tolerantly: storage written by hand or by another version gives up only
 * the entries it cannot read (and repeats of a job), never the whole list or the page.
 */
export function parseWatchList(raw: string | null): readonly WatchedJob[] {
  if (raw === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const list: WatchedJob[] = [];
  for (const item of value) {
    const parsed = storedEntrySchema.safeParse(item);
    if (parsed.success && !isWatched(list, parsed.data.jobId)) list.push(parsed.data);
    if (list.length === WATCH_LIMIT) break;
  }
  return list;
}

export function serializeWatchList(list: readonly WatchedJob[]): string {
  return JSON.stringify(list);
}
