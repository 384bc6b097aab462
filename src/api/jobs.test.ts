import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testGateway, type TestGateway } from '../../server/testGateway.ts';
import { setFetch } from './client';
import { ApiError } from './errors';
import {
  abortJobMutationOptions,
  fetchJobCounts,
  fetchJobDetail,
  fetchJobList,
  isTerminalStatus,
  jobDetailOptions,
  jobKeys,
  jobListOptions,
} from './jobs';
import type { WorkflowJob } from './schemas';

let gw: TestGateway;

const demo = <T = unknown>(method: string, path: string, body?: unknown) =>
  gw.demo<T>(method, path, body);

/** The API module against the gateway in-process, over the simulator, as in production. */
async function serveGateway(options: Parameters<typeof testGateway>[0] = {}) {
  gw = await testGateway(options);
  setFetch(async (input, init) =>
    gw.app.fetch(new Request(new URL(input, 'http://localhost'), init)),
  );
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(async () => {
  await serveGateway();
  await gw.passes(1);
});

afterEach(async () => {
  setFetch(null);
  await gw.stop();
});

describe('job keys', () => {
  it('go from general to specific', () => {
    expect(jobKeys.all).toEqual(['jobs']);
    expect(jobKeys.list({ q: 'pump' }).slice(0, 2)).toEqual(jobKeys.lists());
    expect(jobKeys.logs('a').slice(0, 3)).toEqual(jobKeys.detail('a'));
    expect(jobKeys.detail('a').slice(0, 2)).toEqual(jobKeys.details());
  });

  it('ignore empty filters, and counts ignore paging', () => {
    expect(jobKeys.list({ q: '', status: [], skip: 0 })).toEqual(jobKeys.list({}));
    expect(jobKeys.counts({ q: 'x', skip: 40, sort: 'title' })).toEqual(jobKeys.counts({ q: 'x' }));
  });
});

describe('job lists', () => {
  it('filters, sorts, pages and reads X-Total-Count', async () => {
    const all = await fetchJobList({ limit: 100 });
    expect(all.total).toBe(all.jobs.length);

    const completed = all.jobs.filter((j) => j.metadata.status === 'Completed').length;
    expect(completed).toBeGreaterThan(2);
    const page = await fetchJobList({
      status: ['Completed'],
      sort: 'title',
      order: 'asc',
      limit: 2,
    });
    expect(page.total).toBe(completed);
    expect(page.jobs).toHaveLength(2);
    expect(page.jobs.every((j) => j.metadata.status === 'Completed')).toBe(true);
    const titles = page.jobs.map((j) => j.metadata.jobTitle ?? '');
    expect([...titles].sort((a, b) => a.localeCompare(b))).toEqual(titles);

    const next = await fetchJobList({
      status: ['Completed'],
      sort: 'title',
      order: 'asc',
      skip: 2,
      limit: 2,
    });
    expect(next.jobs[0]?.jobId).not.toBe(page.jobs[0]?.jobId);
  });

  it("reads the caller's jobs from /my/", async () => {
    const { currentUser } = await demo<{ currentUser: string }>('GET', '/__demo/state');
    const mine = await fetchJobList({ mine: true, limit: 100 });
    expect(mine.jobs.length).toBeGreaterThan(0);
    expect(mine.jobs.every((j) => j.metadata.username === currentUser)).toBe(true);
  });

  it('says null when the server sends no total (the job index is off)', async () => {
    await gw.stop();
    await serveGateway({ config: { jobsIndex: false } });
    const page = await fetchJobList({ limit: 5 });
    expect(page.jobs).toHaveLength(5);
    expect(page.total).toBeNull();
  });

  it('is what jobListOptions fetches', async () => {
    const client = new QueryClient();
    const result = await client.fetchQuery(jobListOptions({ limit: 3 }));
    expect(result.jobs).toHaveLength(3);
    expect(client.getQueryData(jobKeys.list({ limit: 3 }))).toBe(result);
  });
});

describe('job counts', () => {
  it('counts jobs per status for the filters', async () => {
    const counts = await fetchJobCounts({});
    expect(counts?.total).toBe(60);
    const sum = Object.values(counts?.statuses ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBe(60);
  });

  it('is null when the server has no counts (the job index is off)', async () => {
    await gw.stop();
    await serveGateway({ config: { jobsIndex: false } });
    expect(await fetchJobCounts({})).toBeNull();
  });
});

describe('job detail', () => {
  it('reads the documented array answer and keeps the raw JSON', async () => {
    const { jobs } = await fetchJobList({ limit: 1 });
    const id = jobs[0]!.jobId;
    const { job, raw } = await fetchJobDetail(id);
    expect(job.jobId).toBe(id);
    // Fields the schema does not name survive in the raw copy.
    expect(raw).toMatchObject({ jobId: id, metadata: { jobTitle: job.metadata.jobTitle } });
    expect(Array.isArray(raw)).toBe(false);
  });

  it('reads a bare object answer too', async () => {
    await demo('PUT', '/__demo/faults', { jobs: { bson: 'object' } });
    const { jobs } = await fetchJobList({ limit: 1 });
    const { job } = await fetchJobDetail(jobs[0]!.jobId);
    expect(job.jobId).toBe(jobs[0]!.jobId);
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
    await client.fetchQuery(jobListOptions({}));

    const observer = new MutationObserver(client, abortJobMutationOptions(client));
    await observer.mutate({ jobId: created.jobId, clientJobId: created.metadata.clientJobId });

    expect(client.getQueryData(jobDetailOptions(created.jobId).queryKey)?.job.metadata.status).toBe(
      'Aborted',
    );
    expect(client.getQueryState(jobKeys.list({}))?.isInvalidated).toBe(true);
    const fresh = await fetchJobDetail(created.jobId);
    expect(fresh.job.metadata.status).toBe('Aborted');
    expect(isTerminalStatus(fresh.job.metadata.status)).toBe(true);
  });

  it("surfaces the server's reason when the job is already complete", async () => {
    const { jobs } = await fetchJobList({ status: ['Completed'], limit: 1 });
    const job = jobs[0]!;
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

describe('isTerminalStatus', () => {
  it('knows Completed and Aborted only', () => {
    expect(isTerminalStatus('Completed')).toBe(true);
    expect(isTerminalStatus('Aborted')).toBe(true);
    expect(isTerminalStatus('Active')).toBe(false);
    expect(isTerminalStatus('Paused')).toBe(false);
    expect(isTerminalStatus(null)).toBe(false);
  });
});
