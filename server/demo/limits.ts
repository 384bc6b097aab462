import type { Context } from 'hono';
import { jobsError } from './errors.ts';

/**
 * What one /__demo call may create, and what the simulator holds in all. Without them a few
 * calls grew the server past 850 MB (appended lines are stored; derived history is not), and
 * jobs of 10,000 completed steps made one list page 173 MB.
 */
export const DEMO_LIMITS = {
  /** Lines appended by one call (`count`, or `entries`). */
  linesPerCall: 100_000,
  /** A created job's derived history (costs no memory; a page of it is computed when read). */
  historyLinesPerJob: 1_000_000,
  /** Appended lines held across the world (~85 bytes each). */
  storedLines: 2_000_000,
  /** Jobs created through /__demo (and the hostile set) since the last reset. */
  createdJobs: 10_000,
  stepsPerJob: 500,
  /** Lines one `GET /__demo/jobs/{id}/logs` answers (tests read a job's whole log with it). */
  linesPerRead: 200_000,
} as const;

export const limitMessage = (what: string, limit: number, detail = '') =>
  `Limit: ${what} is at most ${limit.toLocaleString('en-US')}${detail}`;

/**
 * 413 when `adding` more jobs to the `held` ones (the world's `createdJobs`) would pass the cap
 * on created jobs; null when they fit.
 */
export function createdJobsRefusal(c: Context, held: number, adding: number): Response | null {
  if (held + adding <= DEMO_LIMITS.createdJobs) return null;
  const detail = ` since the last reset (${held.toLocaleString('en-US')} made); POST /__demo/reset`;
  return jobsError(c, 413, limitMessage('jobs created', DEMO_LIMITS.createdJobs, detail));
}
