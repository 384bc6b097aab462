/**
 * What one poll of a watched job means: which announcements to make and what to remember. Pure:
 * the poll (`api/pollWatchedJob.ts`) gathers the findings, this decides, the watcher shows.
 */
import { paths } from '../../../config/paths';
import { isTerminalStatus } from '../../../lib/job';
import type { WatchedJob } from './watchList';

export type AnnouncementKind = 'completed' | 'aborted' | 'error';

export interface Announcement {
  kind: AnnouncementKind;
  jobId: string;
  name: string;
  title: string;
  body: string;
  /** Where a click leads: the job, or its log at the first ERROR. */
  href: string;
}

export interface ErrorLine {
  id: number;
  /** The line as shown (escape sequences resolved). */
  text: string;
}

export interface LogFindings {
  /** Where the log stands after this poll; null while its end at watch time is not known. */
  cursor: number | null;
  /** The first ERROR line above the cursor the watch held, if this poll read one. */
  firstError: ErrorLine | null;
  /** The Job log API has no log for this job. */
  noLog: boolean;
  /** A request failed: what was read before it counts, the rest waits for the next poll. */
  failed: boolean;
}

export interface PollFindings {
  /** The Jobs API's status; null when the job could not be read this time. */
  status: string | null;
  /** The job's title now, when it was read. */
  name: string | null;
  abandonReason: string | null;
  /** null: the log was not read (already announced, no log). */
  log: LogFindings | null;
}

export interface Decision {
  /** The watch to keep, or null: the job ended and was announced. */
  next: WatchedJob | null;
  announcements: Announcement[];
}

/** Long messages are cut: a notification shows a few lines at most. */
const BODY_MAX = 200;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_MAX ? `${flat.slice(0, BODY_MAX - 1)}…` : flat;
}

function endAnnouncement(
  entry: WatchedJob,
  name: string,
  status: string,
  findings: PollFindings,
  lastError: ErrorLine | null,
): Announcement {
  const aborted = status !== 'Completed';
  const reason = aborted && findings.abandonReason ? `Reason: ${clip(findings.abandonReason)}` : '';
  const error = lastError ? `First ERROR: ${clip(lastError.text)}` : '';
  return {
    kind: aborted ? 'aborted' : 'completed',
    jobId: entry.jobId,
    name,
    title: aborted ? `Job aborted: ${name}` : `Job completed: ${name}`,
    body: [`Status: ${status}`, reason, error].filter(Boolean).join('\n'),
    href: paths.job(entry.jobId),
  };
}

/**
 * The job ended: announce it (with a first ERROR the same poll found folded in, one notice
 * rather than two) and let the watch go. Else a first ERROR is announced once and the log is
 * not read again. A cursor never moves back, and a failed read keeps what was read before it.
 */
export function decide(entry: WatchedJob, findings: PollFindings): Decision {
  const name = findings.name ?? entry.name;
  const log = findings.log;
  const newError = !entry.errorAnnounced && log?.firstError ? log.firstError : null;
  if (findings.status !== null && isTerminalStatus(findings.status)) {
    return {
      next: null,
      announcements: [endAnnouncement(entry, name, findings.status, findings, newError)],
    };
  }
  const cursor =
    log?.cursor == null
      ? entry.logCursor
      : Math.max(log.cursor, entry.logCursor ?? Number.NEGATIVE_INFINITY);
  const next: WatchedJob = {
    ...entry,
    name,
    logCursor: cursor,
    errorAnnounced: entry.errorAnnounced || newError !== null,
    noLog: entry.noLog || (log?.noLog ?? false),
  };
  const unchanged =
    next.name === entry.name &&
    next.logCursor === entry.logCursor &&
    next.errorAnnounced === entry.errorAnnounced &&
    next.noLog === entry.noLog;
  const announcements: Announcement[] = newError
    ? [
        {
          kind: 'error',
          jobId: entry.jobId,
          name,
          title: `ERROR logged: ${name}`,
          body: clip(newError.text) || '(an empty ERROR line)',
          href: paths.jobLogLine(entry.jobId, newError.id),
        },
      ]
    : [];
  return { next: unchanged ? entry : next, announcements };
}
