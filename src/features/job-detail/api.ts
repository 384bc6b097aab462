/** The job detail's queries: one job by id, and the abort mutation. */
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiRequest } from '../../api/client';
import { ApiError, isApiError } from '../../api/errors';
import { jobKeys } from '../../api/queryKeys';
import { bsonJobSchema, workflowJobSchema, type WorkflowJob } from '../../contract';

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
        queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) }),
        queryClient.invalidateQueries({ queryKey: jobKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: jobKeys.allCounts() }),
      ]);
    },
  });
}
