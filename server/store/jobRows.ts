/** A job from the Jobs API as the index keeps it: the row the list queries, and its body. */
import { createHash } from 'node:crypto';
import type { JobSummary } from '../../src/contract/index.ts';
import type { JobBodyTable, JobTable } from './schema.ts';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Aborted']);

function time(value: string | null | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  // 0 sorts an unknown time as the oldest, the same on SQLite and PostgreSQL (no NULL order).
  return Number.isFinite(ms) ? ms : 0;
}

/** What `q` matches: title, job id and user name, lower-cased, one per line. */
export function searchTextOf(job: JobSummary): string {
  const { jobTitle, username } = job.metadata;
  return [jobTitle ?? '', job.jobId, username ?? ''].join('\n').toLowerCase();
}

/**
 * The list serves a summary: the job as received without its completed and cancelled steps,
 * which are most of its size (~860 bytes a step) and which only the detail page (bson) shows.
 */
export function listBodyOf(raw: Record<string, unknown>): string {
  const { completedSteps: _done, cancelledSteps: _cancelled, ...summary } = raw;
  return JSON.stringify(summary);
}

export function jobRowOf(
  idx: string,
  job: JobSummary,
  raw: Record<string, unknown>,
  seenPass: number,
  now: number,
): { row: JobTable; body: JobBodyTable } {
  const m = job.metadata;
  const status = m.status ?? '';
  const body = listBodyOf(raw);
  return {
    row: {
      idx,
      job_id: job.jobId,
      client_job_id: m.clientJobId ?? null,
      title_key: (m.jobTitle ?? '').trim().toLowerCase(),
      status,
      workflow_id: m.workflowId || null,
      workflow_name: m.workflowName ?? null,
      user_id: m.userId ?? null,
      user_name: m.username ?? null,
      created: time(m.created),
      updated: time(m.updated ?? m.modified),
      search: searchTextOf(job),
      terminal: TERMINAL_STATUSES.has(status) ? 1 : 0,
      seen_pass: seenPass,
      checked_at: now,
      digest: createHash('sha1').update(body).digest('base64'),
    },
    body: { idx, job_id: job.jobId, body },
  };
}
