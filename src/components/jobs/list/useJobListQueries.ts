import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { jobCountsOptions, jobListOptions } from '../../../api/jobs';
import type { JobListFilters } from '../../../api/jobs';
import { viewToFilters, type JobListView } from '../../../lib/jobListParams';
import { workflowOptions } from './workflowOptions';

/** Jobs of the team, most recent first: where the workflow filter finds its choices. */
const WORKFLOW_SOURCE = jobListOptions({ limit: 100 });

/**
 * The Jobs API reads `status` as one comma-separated value (a repeated key reaches it as its
 * first value only), while the API client repeats the key for an array: send one joined value.
 */
function requestFilters(view: JobListView): JobListFilters {
  const filters = viewToFilters(view);
  return filters.status ? { ...filters, status: [filters.status.join(',')] } : filters;
}

/**
 * The list, its status counts and the workflow choices. Polling never overlaps: an interval tick
 * while a request is in flight joins it instead of starting another. While polling, a failed
 * request is not retried on its own (the next tick is the retry), so the error shows at once.
 */
export function useJobListQueries(view: JobListView, interval: number | false) {
  const filters = useMemo(() => requestFilters(view), [view]);
  const polling = interval !== false ? { retry: false as const } : {};
  const list = useQuery({
    ...jobListOptions(filters),
    ...polling,
    placeholderData: keepPreviousData,
    refetchInterval: interval,
  });
  // Counts ignore the status filter: each chip tells how many jobs choosing it would show.
  const counts = useQuery({
    ...jobCountsOptions({ ...filters, status: undefined }),
    ...polling,
    placeholderData: keepPreviousData,
    refetchInterval: interval,
  });
  const recent = useQuery({ ...WORKFLOW_SOURCE, staleTime: 60_000 });
  const workflows = useMemo(
    () => workflowOptions(recent.data?.jobs, list.data?.jobs),
    [recent.data, list.data],
  );
  return { list, counts, workflows };
}
