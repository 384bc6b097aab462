import type { QueryState } from '@tanstack/react-query';
import { isTerminalStatus } from '../../../lib/job';
import type { JobDetailResult } from '../api';

/** How often an unfinished job is refetched. Hidden tabs do not poll (query client default). */
export const JOB_DETAIL_POLL_MS = 3_000;

/**
 * Polls while the job can still change. A terminal job changes no more; a job that never
 * loaded (not found, refused) is not polled either: the operator retries by hand.
 */
export function jobDetailRefetchInterval(query: {
  state: Pick<QueryState<JobDetailResult, Error>, 'data' | 'status'>;
}): number | false {
  const data = query.state.data;
  if (!data) return query.state.status === 'error' ? false : JOB_DETAIL_POLL_MS;
  return isTerminalStatus(data.job.metadata.status) ? false : JOB_DETAIL_POLL_MS;
}
