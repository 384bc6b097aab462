/** The Jobs API as the app uses it: query keys, query options and the abort mutation. */
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest, type QueryValue } from './client';
import { ApiError, isApiError } from './errors';
import {
  bsonJobSchema,
  freshnessSchema,
  jobCountsSchema,
  jobListSchema,
  workflowJobSchema,
  workflowListSchema,
  type Freshness,
  type JobCounts,
  type JobSort,
  type WorkflowJob,
  type WorkflowSummary,
} from './schemas';

export type { JobSort } from './schemas';

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

/** General to specific, so invalidating a prefix reaches everything below it. */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (filters: JobListFilters) => [...jobKeys.lists(), normalizeFilters(filters)] as const,
  allCounts: () => [...jobKeys.all, 'counts'] as const,
  workflows: () => [...jobKeys.all, 'workflows'] as const,
  freshness: () => [...jobKeys.all, 'freshness'] as const,
  counts: (filters: JobListFilters) =>
    [...jobKeys.allCounts(), normalizeFilters(countFilters(filters))] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (jobId: string) => [...jobKeys.details(), jobId] as const,
  logs: (jobId: string) => [...jobKeys.detail(jobId), 'logs'] as const,
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
    queryKey: jobKeys.list(filters),
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
    queryKey: jobKeys.counts(filters),
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
    queryKey: jobKeys.freshness(),
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
    queryKey: jobKeys.workflows(),
    queryFn: ({ signal }) => fetchWorkflows(signal),
  });
}

export interface JobDetailResult {
  job: WorkflowJob;
  /** The job's JSON exactly as received, for a Raw view. */
  raw: unknown;
}

function jobNotFound(jobId: string, detail: string): ApiError {
  return new ApiError({
    api: 'jobs',
    kind: 'not-found',
    status: 404,
    message: `Job "${jobId}" was not found.`,
    detail,
  });
}

/** The bson endpoint answers an array (as documented) or one object (as a known client reads). */
function readBsonJob(value: unknown): { job: WorkflowJob; raw: unknown } | null {
  const parsed = bsonJobSchema.parse(value);
  if (!Array.isArray(parsed)) return { job: parsed, raw: value };
  const first = parsed[0];
  return first ? { job: first, raw: (value as unknown[])[0] } : null;
}

export async function fetchJobDetail(
  jobId: string,
  signal?: AbortSignal,
): Promise<JobDetailResult> {
  const path = `/bson/${encodeURIComponent(jobId)}`;
  try {
    const { data } = await apiRequest('jobs', path, { schema: readBsonJob, signal });
    if (!data) throw jobNotFound(jobId, `GET /jobs/v1${path}\nThe server answered an empty list.`);
    return data;
  } catch (error) {
    if (isApiError(error) && error.kind === 'not-found' && error.status === 404) {
      throw jobNotFound(jobId, error.detail);
    }
    throw error;
  }
}

export function jobDetailOptions(jobId: string) {
  return queryOptions({
    queryKey: jobKeys.detail(jobId),
    queryFn: ({ signal }) => fetchJobDetail(jobId, signal),
  });
}

export const TERMINAL_STATUSES: readonly string[] = ['Completed', 'Aborted'];

/** A terminal job changes no more: polling can stop. */
export function isTerminalStatus(status: string | null | undefined): boolean {
  return status != null && TERMINAL_STATUSES.includes(status);
}

/** Whatever the server answers to an abort: the updated job, a message, or nothing. */
const abortResponseSchema = z.unknown();

/** Aborts a job by its `metadata.clientJobId` ("Only incomplete jobs can be aborted"). */
export async function abortJob(clientJobId: string, signal?: AbortSignal): Promise<unknown> {
  const path = `/${encodeURIComponent(clientJobId)}/abort`;
  const { data } = await apiRequest('jobs', path, {
    method: 'POST',
    schema: abortResponseSchema,
    signal,
  });
  return data;
}

export interface AbortJobVariables {
  jobId: string;
  /** `metadata.clientJobId`; the Jobs API aborts by this id. Falls back to `jobId`. */
  clientJobId?: string | null;
}

export function abortJobMutationOptions(queryClient: QueryClient) {
  return mutationOptions<unknown, Error, AbortJobVariables>({
    mutationKey: [...jobKeys.all, 'abort'],
    mutationFn: ({ jobId, clientJobId }) => abortJob(clientJobId || jobId),
    onSuccess: async (data, { jobId }) => {
      // An answer that is the updated job shows at once; the refetches confirm it.
      const updated = workflowJobSchema.safeParse(data);
      if (updated.success && updated.data.jobId === jobId) {
        queryClient.setQueryData(jobDetailOptions(jobId).queryKey, {
          job: updated.data,
          raw: data,
        });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId), exact: true }),
        queryClient.invalidateQueries({ queryKey: jobKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: jobKeys.allCounts() }),
      ]);
    },
  });
}
