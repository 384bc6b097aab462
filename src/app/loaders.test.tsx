import type { QueryClient } from '@tanstack/react-query';
import { configure, waitFor } from '@testing-library/react';
import type { LoaderFunctionArgs } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setFetch } from '../api/client';
import { jobKeys, logKeys } from '../api/queryKeys';
import { makeJob } from '../features/job-detail/testJob';
import { logTailOptions } from '../features/job-log';
import type * as JobLog from '../features/job-log';
import { jobDetailLoader, jobListLoader, startJobDetail, startJobList } from './loaders';
import { createQueryClient } from './queryClient';
import {
  answerJob,
  calls,
  holdRequests,
  INDEX_OFF,
  INDEX_ON,
  json,
  logCalls,
  settle,
  to,
} from './testRequests';

function detailArgs(url: string): LoaderFunctionArgs {
  const { pathname } = new URL(url, 'http://localhost');
  const jobId = decodeURIComponent(pathname.split('/').at(-1)!);
  return { params: { jobId }, request: new Request(new URL(url, 'http://localhost')) } as never;
}

// The tail's options are the log feature's; this watches what the loader asks of them.
vi.mock('../features/job-log', async (importOriginal) => {
  const actual = await importOriginal<typeof JobLog>();
  return { ...actual, logTailOptions: vi.fn(actual.logTailOptions) };
});

let client: QueryClient;

// The log's module loads on demand, as in the browser: transformed once here, so each test
// waits on its requests, not on that; and a loaded machine gets longer than a second to answer.
beforeAll(async () => {
  configure({ asyncUtilTimeout: 10_000 });
  await import('../features/job-log');
}, 60_000);
function freshClient() {
  client = createQueryClient();
  return client;
}

afterEach(() => {
  client?.clear();
  setFetch(null);
  vi.mocked(logTailOptions).mockClear();
});

describe('the job detail loader', () => {
  it('starts the job and returns at once, without waiting for it', () => {
    holdRequests();
    const result = jobDetailLoader(freshClient(), () => '')(detailArgs('/jobs/j1'));
    expect(result).toBeNull();
    expect(to('/jobs/v1/bson/j1')).toHaveLength(1);
    expect(client.isFetching({ queryKey: jobKeys.detail('j1') })).toBe(1);
  });

  it('starts no log for a tab other than the log', async () => {
    holdRequests();
    startJobDetail(freshClient(), { jobId: 'j1', search: '?tab=steps', hash: '#L12' });
    answerJob(makeJob({ jobId: 'j1' }));
    await waitFor(() => expect(client.getQueryData(jobKeys.detail('j1'))).toBeDefined());
    await settle();
    expect(client.getQueryState(logKeys.job('j1'))).toBeUndefined();
    expect(logCalls('j1')).toHaveLength(0);
  });

  it.each([
    ['?tab=log', ''],
    ['', '#L12'],
    ['', '#L12-L40'],
  ])('for %s%s starts the log beside the job, without waiting for it', async (search, hash) => {
    holdRequests();
    const result = jobDetailLoader(freshClient(), () => hash)(detailArgs(`/jobs/j1${search}`));
    expect(result).toBeNull();
    // The job's request is still unanswered: the log does not wait for it.
    await waitFor(() => expect(logCalls('j1')).toHaveLength(1));
    expect(to('/jobs/v1/bson/j1')).toHaveLength(1);
    expect(client.getQueryState(jobKeys.detail('j1'))?.status).toBe('pending');
    const state = client.getQueryCache().find({ queryKey: logKeys.job('j1'), exact: true });
    expect(state?.state.fetchStatus).toBe('fetching');
    // Whether the job has ended is not known yet: the panel tells the tail when it is.
    expect(logTailOptions).toHaveBeenLastCalledWith('j1', false);
  });

  it('asks nothing again for a job and a log already held', async () => {
    holdRequests();
    startJobDetail(freshClient(), { jobId: 'j1', search: '?tab=log', hash: '' });
    answerJob(makeJob({ jobId: 'j1' }));
    await waitFor(() => expect(logCalls('j1')).toHaveLength(1));
    startJobDetail(client, { jobId: 'j1', search: '?tab=log', hash: '' });
    await settle();
    expect(to('/jobs/v1/bson/j1')).toHaveLength(1);
    expect(logCalls('j1')).toHaveLength(1);
  });

  it('never throws for a job or a log that fails: the page shows the error from its query', async () => {
    holdRequests();
    const result = jobDetailLoader(freshClient(), () => '')(detailArgs('/jobs/gone?tab=log'));
    expect(result).toBeNull();
    await waitFor(() => expect(logCalls('gone')).toHaveLength(1));
    for (const call of to('/jobs/v1/bson/gone')) call.answer(json({ message: 'nope' }, 404));
    for (const call of logCalls('gone')) call.answer(json({ message: 'nope' }, 500));
    await waitFor(() => expect(client.getQueryState(jobKeys.detail('gone'))?.status).toBe('error'));
    await waitFor(() => expect(client.isFetching({ queryKey: logKeys.job('gone') })).toBe(0));
    // The tail keeps a failed poll in its state (lines stay, the next poll backs off).
    const tail = client.getQueryData<{ tail: { errorAttempt: number } }>(logKeys.job('gone'));
    expect(tail?.tail.errorAttempt).toBe(1);
  });
});

describe('the job list loader', () => {
  const listArgs = (url: string) =>
    ({ params: {}, request: new Request(new URL(url, 'http://localhost')) }) as never;

  it('asks for the freshness at once, then the list and counts of the view in the URL', async () => {
    holdRequests();
    const result = jobListLoader(freshClient())(
      listArgs('/jobs?status=Paused,Failed&q=pump&sort=title&order=asc&page=2&limit=50'),
    );
    expect(result).toBeNull();
    expect(calls.map((c) => c.url.pathname)).toEqual(['/jobs/v1/freshness']);
    to('/jobs/v1/freshness')[0]!.answer(json(INDEX_ON));
    await waitFor(() => expect(to('/jobs/v1/')).toHaveLength(1));
    expect(Object.fromEntries(to('/jobs/v1/')[0]!.url.searchParams)).toEqual({
      status: 'Paused,Failed',
      q: 'pump',
      sort: 'title',
      order: 'asc',
      skip: '50',
      limit: '50',
    });
    await waitFor(() => expect(to('/jobs/v1/counts')).toHaveLength(1));
    expect(to('/jobs/v1/counts')[0]!.url.searchParams.get('status')).toBeNull();
    expect(to('/jobs/v1/counts')[0]!.url.searchParams.get('q')).toBe('pump');
  });

  it('asks only for a page when the server has no job index', async () => {
    holdRequests();
    startJobList(freshClient(), { search: '?q=pump&page=3' });
    to('/jobs/v1/freshness')[0]!.answer(json(INDEX_OFF));
    await waitFor(() => expect(to('/jobs/v1/')).toHaveLength(1));
    expect(Object.fromEntries(to('/jobs/v1/')[0]!.url.searchParams)).toEqual({
      skip: '40',
      limit: '20',
    });
    await settle();
    expect(to('/jobs/v1/counts')).toHaveLength(0);
  });

  it('asks for the list when the freshness fails, as the page does, and never throws', async () => {
    holdRequests();
    startJobList(freshClient(), { search: '' });
    to('/jobs/v1/freshness')[0]!.answer(json({ message: 'down' }, 500));
    await waitFor(() => expect(to('/jobs/v1/')).toHaveLength(1));
    to('/jobs/v1/')[0]!.answer(json({ message: 'down' }, 500));
    await waitFor(() => expect(to('/jobs/v1/counts')).toHaveLength(1));
    to('/jobs/v1/counts')[0]!.answer(json({ message: 'down' }, 500));
    await settle();
    expect(to('/jobs/v1/freshness')).toHaveLength(1);
    expect(to('/jobs/v1/')).toHaveLength(1);
  });
});
