/** Pure reads of a job that more than one page needs. */
import type { WorkflowJob } from '../contract';
import { revealBidi } from './bidi';

export const TERMINAL_STATUSES: readonly string[] = ['Completed', 'Aborted'];

/** A terminal job changes no more: polling can stop. */
export function isTerminalStatus(status: string | null | undefined): boolean {
  return status != null && TERMINAL_STATUSES.includes(status);
}

/** The job's title as shown everywhere, its id when it has none. */
export function jobTitle(job: Pick<WorkflowJob, 'jobId' | 'metadata'>): string {
  return revealBidi(job.metadata.jobTitle?.trim() || job.jobId);
}
