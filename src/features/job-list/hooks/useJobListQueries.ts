import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  freshnessOptions,
  jobCountsOptions,
  jobListOptions,
  workflowsOptions,
  type JobListFilters,
} from '../api';
import { viewToFilters, type JobListView } from '../model/listParams';
import { applicableView, capabilitiesOf, type ListCapabilities } from '../model/listCapabilities';
import type { WorkflowOption } from '../components/WorkflowSelect';

/**
 * What the server is asked for: everything the view says when the job index applies it; only a
 * page (and "My jobs", which the Jobs API has itself) when the list is the upstream's own pages.
 * `status` goes as one comma-separated value.
 */
function requestFilters(view: JobListView, caps: ListCapabilities): JobListFilters {
  const filters = viewToFilters(view);
  if (!caps.index) return { skip: filters.skip, limit: filters.limit, mine: filters.mine };
  return filters.status ? { ...filters, status: [filters.status.join(',')] } : filters;
}

const NO_WORKFLOWS: WorkflowOption[] = [];

/**
 * The list, its status counts, the workflow choices and the index's freshness. The list waits
 * for the freshness answer (one small request): it says which filters the server applies.
 * Polling never overlaps: an interval tick while a request is in flight joins it instead of
 * starting another. While polling, a failed request is not retried on its own (the next tick is
 * the retry), so the error shows at once.
 */
export function useJobListQueries(view: JobListView, interval: number | false) {
  const polling = interval !== false ? { retry: false as const } : {};
  const freshness = useQuery({
    ...freshnessOptions(),
    ...polling,
    refetchInterval: interval,
  });
  const known = freshness.isSuccess || freshness.isError;
  const caps = capabilitiesOf(freshness.data);
  const { view: applied, dropped } = useMemo(() => applicableView(view, caps), [view, caps]);
  const filters = useMemo(() => requestFilters(applied, caps), [applied, caps]);
  const list = useQuery({
    ...jobListOptions(filters),
    ...polling,
    enabled: known,
    placeholderData: keepPreviousData,
    refetchInterval: interval,
  });
  // Counts ignore the status filter: each chip tells how many jobs choosing it would show.
  const counts = useQuery({
    ...jobCountsOptions({ ...filters, status: undefined }),
    ...polling,
    enabled: known && caps.index,
    placeholderData: keepPreviousData,
    refetchInterval: interval,
  });
  const workflowList = useQuery({
    ...workflowsOptions(),
    enabled: known && caps.index,
    staleTime: 30_000,
  });
  const workflows = useMemo(
    () =>
      workflowList.data
        ?.map((w) => ({ id: w.workflowId, name: w.name?.trim() || w.workflowId, jobs: w.jobs }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)) ?? NO_WORKFLOWS,
    [workflowList.data],
  );
  return { list, counts, workflows, freshness, caps, applied, dropped };
}
