import type { QueryClient } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setFetch } from '../api/client';
import { loadJobDetailPage } from '../features/job-detail';
import { makeJob } from '../features/job-detail/testJob';
import { loadJobListPage } from '../features/job-list';
import { testJob } from '../features/job-list/testJobs';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';
import { createRouter, routes } from './router';
import { answerJob, holdRequests, INDEX_ON, json, logCalls, settle, to } from './testRequests';

let client: QueryClient;

// Each test waits up to 10 s per step (below): a limit past vitest's 5 s default.
vi.setConfig({ testTimeout: 30_000 });

// The pages' modules are transformed once here, so a test waits on its requests, not on that;
// and a loaded machine gets longer than a second to answer.
beforeAll(async () => {
  configure({ asyncUtilTimeout: 10_000 });
  await Promise.all([loadJobDetailPage(), loadJobListPage(), import('../features/job-log')]);
}, 60_000);

afterEach(() => {
  client?.clear();
  setFetch(null);
  vi.restoreAllMocks();
});

/** The whole app on a memory router: each route's loader, then its page on the same cache. */
function renderApp(url: string) {
  client = createQueryClient();
  const hash = new URL(url, 'http://localhost').hash;
  const router = createMemoryRouter(
    routes(client, () => hash),
    { initialEntries: [url] },
  );
  // The layout restores scroll positions, which jsdom does not implement.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('a page after its loader', () => {
  it('joins the job and log requests the loader started instead of asking again', async () => {
    holdRequests();
    renderApp('/jobs/j1?tab=log');
    await waitFor(() => expect(to('/jobs/v1/bson/j1')).toHaveLength(1));
    answerJob(makeJob({ jobId: 'j1' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pump station 4 check' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Job log' })).toBeInTheDocument();
    await waitFor(() => expect(logCalls('j1')).toHaveLength(1));
    await settle();
    expect(logCalls('j1')).toHaveLength(1);
    expect(to('/jobs/v1/bson/j1')).toHaveLength(1);
  });

  it('shows the list the loader fetched without asking for it again', async () => {
    holdRequests();
    renderApp('/jobs?status=Paused&q=pump');
    await waitFor(() => expect(to('/jobs/v1/freshness')).toHaveLength(1));
    to('/jobs/v1/freshness')[0]!.answer(json(INDEX_ON));
    await waitFor(() => expect(to('/jobs/v1/')).toHaveLength(1));
    to('/jobs/v1/')[0]!.answer(json([testJob({ jobId: 'a', title: 'Pump A', status: 'Paused' })]));
    await waitFor(() => expect(to('/jobs/v1/counts')).toHaveLength(1));
    to('/jobs/v1/counts')[0]!.answer(json({ total: 1, statuses: { Paused: 1 } }));
    expect(await screen.findByRole('link', { name: 'Pump A' })).toBeInTheDocument();
    await settle();
    expect(to('/jobs/v1/freshness')).toHaveLength(1);
    expect(to('/jobs/v1/')).toHaveLength(1);
    expect(to('/jobs/v1/counts')).toHaveLength(1);
  });
});

describe('createRouter', () => {
  it("reads a log line's hash from the first load, then from each navigation", async () => {
    holdRequests();
    window.history.replaceState(null, '', '/jobs/j1#L5');
    client = createQueryClient();
    const router = createRouter(client);
    try {
      await waitFor(() => expect(to('/jobs/v1/bson/j1')).toHaveLength(1));
      answerJob(makeJob({ jobId: 'j1' }));
      await waitFor(() => expect(logCalls('j1')).toHaveLength(1));

      void router.navigate('/jobs/j2#L7');
      await waitFor(() => expect(to('/jobs/v1/bson/j2')).toHaveLength(1));
      answerJob(makeJob({ jobId: 'j2' }));
      await waitFor(() => expect(logCalls('j2')).toHaveLength(1));

      // The page being left had a hash; the one navigated to has none, so no log.
      void router.navigate('/jobs/j3');
      await waitFor(() => expect(to('/jobs/v1/bson/j3')).toHaveLength(1));
      answerJob(makeJob({ jobId: 'j3' }));
      await waitFor(() => expect(client.getQueryData(['jobs', 'detail', 'j3'])).toBeDefined());
      await settle();
      expect(logCalls('j3')).toHaveLength(0);
    } finally {
      router.dispose();
      window.history.replaceState(null, '', '/');
    }
  });
});
