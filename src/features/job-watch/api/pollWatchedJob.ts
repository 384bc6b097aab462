/**
 * One poll of a watched job: its status from the Jobs API and, until its first ERROR was
 * announced, the log lines written since the last poll. Gathers findings only; `decide` in
 * `model/announce.ts` says what they mean.
 *
 * Where the log ended when watching began: the gateway's `X-Last-Log-Id` (the job's highest log
 * id) comes with every log answer, so the first poll asks for the lines after the highest
 * possible id: the gateway answers from its store with no line and the header, however long the
 * log. That is the only cheap way: the Job log API itself has no count, no last id and no
 * paging, and answers every line after the cursor at once. Without the gateway's log cache
 * (`LOG_CACHE=off`, no `gateway` field) nothing says where the log ends, so the first poll reads
 * it once from the start, as the log panel does when it opens, and announces nothing from it.
 */
import type { WorkflowJob } from '../../../contract';
import { jobTitle } from '../../../lib/job';
import type { ErrorLine, LogFindings, PollFindings } from '../model/announce';
import type { WatchedJob } from '../model/watchList';

/** What the poll reads of a log page (the log feature's `LogPageResult`). */
export interface WatchLogPage {
  /** null: the Job log API does not know this job. */
  job: unknown;
  /** Sorted by id, all above the cursor asked after; `severity` is the reader's folded level. */
  lines: readonly { id: number; severity: string; text: string }[];
  lastLogIdHeader: number | null;
  gateway: { state: string } | null;
}

export interface WatchApi {
  fetchJob: (jobId: string, signal?: AbortSignal) => Promise<{ job: WorkflowJob }>;
  fetchLogPage: (
    jobId: string,
    lastLogId: number,
    options: { signal?: AbortSignal },
  ) => Promise<WatchLogPage>;
}

/** After every id: the gateway answers the job and its last id, and no line. */
const PROBE_CURSOR = Number.MAX_SAFE_INTEGER;
/**
 * Pages one poll reads at most (2,000 lines each through the gateway): a job that writes more
 * between two polls is caught up over several, and no poll keeps the browser busy for long.
 */
export const MAX_PAGES_PER_POLL = 10;

/** The log's end when watching began: a cursor, or null to ask again next poll. */
async function learnCursor(
  jobId: string,
  api: WatchApi,
  signal?: AbortSignal,
): Promise<LogFindings> {
  const none: LogFindings = { cursor: null, firstError: null, noLog: false, failed: false };
  const probe = await api.fetchLogPage(jobId, PROBE_CURSOR, { signal });
  if (probe.job === null) return { ...none, noLog: true };
  // The gateway's first read of this log is under way: its last id is not the log's yet.
  if (probe.gateway?.state === 'reading') return none;
  if (probe.gateway) return { ...none, cursor: probe.lastLogIdHeader ?? 0 };
  const whole = await api.fetchLogPage(jobId, 0, { signal });
  return { ...none, cursor: whole.lines.at(-1)?.id ?? 0 };
}

/** Lines after `from`, page by page, until the first ERROR, the log's end or the page budget. */
async function readNewLines(
  jobId: string,
  from: number,
  api: WatchApi,
  signal?: AbortSignal,
): Promise<LogFindings> {
  let cursor = from;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
    let answer: WatchLogPage;
    try {
      answer = await api.fetchLogPage(jobId, cursor, { signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      // The lines read so far held no ERROR: the cursor keeps them, the next poll goes on.
      return { cursor, firstError: null, noLog: false, failed: true };
    }
    if (answer.job === null) return { cursor, firstError: null, noLog: true, failed: false };
    const error = answer.lines.find((line) => line.severity === 'ERROR');
    if (error) {
      const firstError: ErrorLine = { id: error.id, text: error.text };
      return { cursor: error.id, firstError, noLog: false, failed: false };
    }
    const last = answer.lines.at(-1);
    if (!last) break;
    cursor = last.id;
    // While the gateway reads the log, one page a poll (as the log panel does).
    if (answer.gateway?.state === 'reading') break;
    if (answer.lastLogIdHeader !== null && cursor >= answer.lastLogIdHeader) break;
  }
  return { cursor, firstError: null, noLog: false, failed: false };
}

async function readLog(
  entry: WatchedJob,
  api: WatchApi,
  signal?: AbortSignal,
): Promise<LogFindings | null> {
  if (entry.errorAnnounced || entry.noLog) return null;
  if (entry.logCursor !== null) return readNewLines(entry.jobId, entry.logCursor, api, signal);
  try {
    return await learnCursor(entry.jobId, api, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return { cursor: null, firstError: null, noLog: false, failed: true };
  }
}

/**
 * Reads the job and its new log lines side by side. Never throws for a failed request (the
 * findings say what is unknown; the next poll asks again); only an abort rejects.
 */
export async function pollWatchedJob(
  entry: WatchedJob,
  api: WatchApi,
  signal?: AbortSignal,
): Promise<PollFindings> {
  const [job, log] = await Promise.all([
    api.fetchJob(entry.jobId, signal).then(
      (result) => result.job,
      (error: unknown) => {
        if (signal?.aborted) throw error;
        return null;
      },
    ),
    readLog(entry, api, signal),
  ]);
  return {
    status: job?.metadata.status ?? null,
    name: job ? jobTitle(job) : null,
    abandonReason: job?.metadata.abandonReason ?? null,
    log,
  };
}
