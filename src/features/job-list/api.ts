/** The job list's queries: the list page, counts per status, workflows and the index's freshness. */
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, type QueryValue } from '../../api/client';
import { isApiError } from '../../api/errors';
import { jobKeys } from '../../api/queryKeys';
import {
  freshnessSchema,
  jobCountsSchema,
  jobListSchema,
  workflowListSchema,
  type Freshness,
  type JobCounts,
  type JobSort,
  type WorkflowJob,
  type WorkflowSummary,
} from '../../contract';

export type { JobSort } from '../../contract';

export interface JobListFilters {
  status?: string[];
  workflowId?: string;
  q?: string;
  sort?: JobSort;
  order?: 'asc' | 'desc';
  skip?: number;
  limit?: number;
  /** Only the caller's jobs (`/jobs/v1/my/`). */
  mine?: boolean;
}

/** Drops empty filters so `{}` and `{ q: '' }` share one cache entry. */
function normalizeFilters(filters: JobListFilters): JobListFilters {
  const out: JobListFilters = {};
  if (filters.status?.length) out.status = [...filters.status];
  if (filters.workflowId) out.workflowId = filters.workflowId;
  if (filters.q?.trim()) out.q = filters.q.trim();
  if (filters.sort) out.sort = filters.sort;
  if (filters.order) out.order = filters.order;
  if (filters.skip) out.skip = filters.skip;
  if (filters.limit !== undefined) out.limit = filters.limit;
  if (filters.mine) out.mine = true;
  return out;
}

/** The list's keys, under the shared roots so an abort elsewhere can invalidate them. */
export const jobListKeys = {
  list: (filters: JobListFilters) => [...jobKeys.lists(), normalizeFilters(filters)] as const,
  counts: (filters: JobListFilters) =>
    [...jobKeys.allCounts(), normalizeFilters(countFilters(filters))] as const,
  workflows: () => [...jobKeys.all, 'workflows'] as const,
  freshness: () => [...jobKeys.all, 'freshness'] as const,
};

/** Counts ignore paging and order: they describe the whole filtered population. */
function countFilters({ status, workflowId, q, mine }: JobListFilters): JobListFilters {
  return { status, workflowId, q, mine };
}

function filterQuery(filters: JobListFilters): Record<string, QueryValue> {
  const { status, workflowId, q, sort, order, skip, limit } = normalizeFilters(filters);
  return { status, workflowId, q, sort, order, skip, limit };
}

export interface JobListResult {
  jobs: WorkflowJob[];
  /** From `X-Total-Count`; null when the server does not say (upstream). */
  total: number | null;
}

function parseCount(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

export async function fetchJobList(
  filters: JobListFilters,
  signal?: AbortSignal,
): Promise<JobListResult> {
  const { data, headers } = await apiRequest('jobs', filters.mine ? '/my/' : '/', {
    schema: jobListSchema,
    query: filterQuery(filters),
    signal,
  });
  return { jobs: data, total: parseCount(headers.get('X-Total-Count')) };
}

export function jobListOptions(filters: JobListFilters) {
  return queryOptions({
    queryKey: jobListKeys.list(filters),
    queryFn: ({ signal }) => fetchJobList(filters, signal),
  });
}

/** Jobs per status; null when the server has no counts endpoint (the upstream has none). */
export async function fetchJobCounts(
  filters: JobListFilters,
  signal?: AbortSignal,
): Promise<JobCounts | null> {
  const { status, workflowId, q } = filterQuery(countFilters(filters));
  try {
    const { data } = await apiRequest('jobs', '/counts', {
      schema: jobCountsSchema,
      query: { status, workflowId, q, mine: filters.mine ? true : undefined },
      signal,
    });
    return data;
  } catch (error) {
    if (isApiError(error) && error.kind === 'not-found') return null;
    throw error;
  }
}

export function jobCountsOptions(filters: JobListFilters) {
  return queryOptions({
    queryKey: jobListKeys.counts(filters),
    queryFn: ({ signal }) => fetchJobCounts(filters, signal),
  });
}

/** What the list can honestly claim: the gateway's job index, on or off, and how fresh. */
export async function fetchFreshness(signal?: AbortSignal): Promise<Freshness> {
  const { data } = await apiRequest('jobs', '/freshness', { schema: freshnessSchema, signal });
  return data;
}

export function freshnessOptions() {
  return queryOptions({
    queryKey: jobListKeys.freshness(),
    queryFn: ({ signal }) => fetchFreshness(signal),
  });
}

/** Every workflow the job index holds, with its name and number of jobs. */
export async function fetchWorkflows(signal?: AbortSignal): Promise<WorkflowSummary[]> {
  const { data } = await apiRequest('jobs', '/workflows', { schema: workflowListSchema, signal });
  return data;
}

export function workflowsOptions() {
  return queryOptions({
    queryKey: jobListKeys.workflows(),
    queryFn: ({ signal }) => fetchWorkflows(signal),
  });
}
