import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../../server/testGateway.ts';
import { setFetch } from '../../api/client';
import { caught, serveGateway } from '../../test/apiGateway';
import { jobKeys } from '../../api/queryKeys';
import type { WorkflowJob } from '../../contract';
import { isTerminalStatus } from '../../lib/job';
import { abortJobMutationOptions, fetchJobDetail, jobDetailOptions } from './api';

let gw: TestGateway;

const demo = <T = unknown>(method: string, path: string, body?: unknown) =>
  gw.demo<T>(method, path, body);

beforeEach(async () => {
  gw = await serveGateway();
  await gw.passes(1);
});

afterEach(async () => {
  setFetch(null);
  await gw.stop();
});

/** The first job the gateway lists, through the same route the list page reads. */
async function firstJob(query = ''): Promise<WorkflowJob> {
  const response = await gw.app.request(`/jobs/v1/?limit=1${query}`);
  const jobs = (await response.json()) as WorkflowJob[];
  return jobs[0]!;
}

describe('job detail', () => {
  it('reads the documented array answer and keeps the raw JSON', async () => {
    const id = (await firstJob()).jobId;
    const { job, raw } = await fetchJobDetail(id);
    expect(job.jobId).toBe(id);
    // Fields the schema does not name survive in the raw copy.
    expect(raw).toMatchObject({ jobId: id, metadata: { jobTitle: job.metadata.jobTitle } });
    expect(Array.isArray(raw)).toBe(false);
  });

  it('reads a bare object answer too', async () => {
    await demo('PUT', '/__demo/faults', { jobs: { bson: 'object' } });
    const first = await firstJob();
    const { job } = await fetchJobDetail(first.jobId);
    expect(job.jobId).toBe(first.jobId);
  });

  it('reports an unknown job as not found', async () => {
    const error = await caught(fetchJobDetail('no such/job'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, api: 'jobs' });
    expect(error.message).toBe('Job "no such/job" was not found.');
    expect(error.detail).toContain('/jobs/v1/bson/no%20such%2Fjob');
  });

  it('reports an empty array as not found', async () => {
    setFetch(async () => new Response('[]', { status: 200 }));
    const error = await caught(fetchJobDetail('gone'));
    expect(error.kind).toBe('not-found');
  });
});

describe('abort', () => {
  it('aborts an active job and refreshes its detail and the lists', async () => {
    const created = await demo<WorkflowJob>('POST', '/__demo/jobs', { status: 'Active' });
    const client = new QueryClient();
    await client.fetchQuery(jobDetailOptions(created.jobId));
    client.setQueryData([...jobKeys.lists(), {}], { jobs: [], total: 0 });

    const observer = new MutationObserver(client, abortJobMutationOptions(client));
    await observer.mutate({ jobId: created.jobId, clientJobId: created.metadata.clientJobId });

    expect(client.getQueryData(jobDetailOptions(created.jobId).queryKey)?.job.metadata.status).toBe(
      'Aborted',
    );
    expect(client.getQueryState([...jobKeys.lists(), {}])?.isInvalidated).toBe(true);
    const fresh = await fetchJobDetail(created.jobId);
    expect(fresh.job.metadata.status).toBe('Aborted');
    expect(isTerminalStatus(fresh.job.metadata.status)).toBe(true);
  });

  it("surfaces the server's reason when the job is already complete", async () => {
    const job = await firstJob('&status=Completed');
    const client = new QueryClient();
    const observer = new MutationObserver(client, abortJobMutationOptions(client));
    const error = await caught(
      observer.mutate({ jobId: job.jobId, clientJobId: job.metadata.clientJobId }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.message).toBe(
      'The Jobs API refused the request: Only incomplete jobs can be aborted',
    );
  });
});
