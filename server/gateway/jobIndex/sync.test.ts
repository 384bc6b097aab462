/** The job index against the plain simulator in-process: a faithful double of the Jobs API. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Freshness, JobCounts, WorkflowJob } from '../../../src/contract/index.ts';
import { testGateway, type TestGateway } from '../../testGateway.ts';
import { MAX_BROWSER_INDEXES } from './registry.ts';

let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.stop();
  gw = undefined;
});

const start = async (options: Parameters<typeof testGateway>[0] = {}) =>
  (gw = await testGateway(options));

async function list(g: TestGateway, query = '', headers: Record<string, string> = {}) {
  const response = await g.app.request(`/jobs/v1/${query}`, { headers });
  if (!response.ok) throw new Error(`list ${query}: ${response.status} ${await response.text()}`);
  return {
    jobs: (await response.json()) as WorkflowJob[],
    total: Number(response.headers.get('X-Total-Count')),
  };
}
const freshness = async (g: TestGateway, headers: Record<string, string> = {}) =>
  (await (await g.app.request('/jobs/v1/freshness', { headers })).json()) as Extract<
    Freshness,
    { index: 'on' }
  >;

describe('sync', () => {
  it('pages through the upstream list and serves filters, sort, totals and counts', async () => {
    const g = await start({ sync: { pageSize: 7 } });
    await g.passes(1);
    const all = (await (await g.sim.app.request('/jobs/v1/?limit=100')).json()) as WorkflowJob[];
    const { jobs, total } = await list(g, '?limit=100');
    expect(total).toBe(60);
    expect(new Set(jobs.map((j) => j.jobId))).toEqual(new Set(all.map((j) => j.jobId)));

    const active = all.filter((j) => j.metadata.status === 'Active');
    const filtered = await list(g, '?status=Active&limit=100');
    expect(filtered.total).toBe(active.length);
    expect(filtered.jobs.every((j) => j.metadata.status === 'Active')).toBe(true);
    const byTitle = await list(g, '?sort=title&order=asc&limit=100');
    const titles = byTitle.jobs.map((j) => (j.metadata.jobTitle ?? '').toLowerCase());
    expect(titles).toEqual([...titles].sort());
    const one = all[7]!;
    const found = await list(g, `?q=${encodeURIComponent(one.metadata.jobTitle!.toUpperCase())}`);
    expect(found.jobs.map((j) => j.jobId)).toContain(one.jobId);
    expect((await list(g, '?q=zzz-no-such-job')).total).toBe(0);

    const counts = (await (await g.app.request('/jobs/v1/counts')).json()) as JobCounts;
    expect(counts.total).toBe(60);
    expect(counts.statuses.Active).toBe(active.length);

    const workflows = (await (await g.app.request('/jobs/v1/workflows')).json()) as {
      workflowId: string;
      jobs: number;
    }[];
    expect(workflows.reduce((sum, w) => sum + w.jobs, 0)).toBe(60);

    const fresh = await freshness(g);
    expect(fresh).toMatchObject({ index: 'on', jobs: 60, firstPass: false, lastError: null });
    expect(Date.parse(fresh.lastPassAt!)).toBeGreaterThan(0);
  });

  it('list bodies are the upstream jobs without their completed and cancelled steps', async () => {
    const g = await start();
    await g.passes(1);
    const [job] = (await list(g, '?limit=1')).jobs;
    const [upstream] = (await (
      await g.sim.app.request(`/jobs/v1/bson/${job!.jobId}`)
    ).json()) as WorkflowJob[];
    const { completedSteps: _c, cancelledSteps: _x, ...summary } = upstream!;
    expect(job).toEqual(summary);
  });

  it('re-reads unfinished jobs, so a status change shows within a hot tick', async () => {
    const g = await start({ sync: { passIntervalMs: 60_000, hotIntervalMs: 50 } });
    await g.passes(1);
    const job = (await list(g, '?status=Active&limit=1')).jobs[0]!;
    await g.demo('POST', `/__demo/jobs/${job.jobId}/status`, { status: 'Completed' });
    await vi.waitFor(
      async () => {
        const completed = await list(g, `?status=Completed&limit=100`);
        expect(completed.jobs.map((j) => j.jobId)).toContain(job.jobId);
      },
      { timeout: 5_000 },
    );
  }, 30_000);

  it('takes in new jobs from the first page between passes', async () => {
    const g = await start({ sync: { passIntervalMs: 60_000, hotIntervalMs: 50 } });
    await g.passes(1);
    const made = await g.demo<WorkflowJob>('POST', '/__demo/jobs', {
      title: 'Fresh off the line',
      running: false,
    });
    await vi.waitFor(
      async () => expect((await list(g, '?q=fresh%20off')).jobs[0]?.jobId).toBe(made.jobId),
      {
        timeout: 5_000,
      },
    );
  }, 30_000);

  it('drops jobs two complete passes no longer list, never on one missed pass', async () => {
    const g = await start({ sync: { hotIntervalMs: 60_000 } });
    await g.passes(1);
    await g.demo('POST', '/__demo/reset', { seed: 9, jobs: 5 });
    await g.passes(2);
    // One pass without them: kept (a shifting list can hide a job once).
    expect((await list(g, '?limit=100')).total).toBe(65);
    await g.passes(3);
    expect((await list(g, '?limit=100')).total).toBe(5);
  });

  it('keeps everything through a failing pass, says so, and recovers by itself', async () => {
    const g = await start({ sync: { pageSize: 10, hotIntervalMs: 60_000 } });
    await g.passes(1);
    await g.demo('PUT', '/__demo/faults', { jobs: { errorRate: 1, errorStatus: 503 } });
    await vi.waitFor(async () => expect((await freshness(g)).lastError?.message).toBeTruthy(), {
      timeout: 5_000,
    });
    expect((await list(g, '?limit=100')).total).toBe(60);
    expect((await freshness(g)).lastError!.message).toContain('Simulated failure');
    await g.demo('DELETE', '/__demo/faults');
    await vi.waitFor(async () => expect((await freshness(g)).lastError).toBeNull(), {
      timeout: 10_000,
    });
    expect((await list(g, '?limit=100')).total).toBe(60);
  }, 30_000);

  it('counts and skips jobs that fail the contract, names them, and removes nothing', async () => {
    const g = await start({ sync: { hotIntervalMs: 60_000 } });
    await g.passes(1);
    await g.demo('PUT', '/__demo/faults', { jobs: { schemaRate: 1 } });
    const before = g.shared.passCount;
    await g.passes(before + 3);
    const fresh = await freshness(g);
    expect(fresh.skipped).toBe(1);
    expect(fresh.lastError?.message).toMatch(
      /does not fit the contract and was left out \(jobId: /,
    );
    // Three passes saw none of the 60 jobs, but each left one out: nothing was swept.
    expect((await list(g, '?limit=100')).total).toBe(60);
  });

  it('serves what it holds at once after a restart, then resumes', async () => {
    const g = await start({ sync: { hotIntervalMs: 60_000 } });
    await g.passes(2);
    const dataDir = g.runtime.config.dataDir;
    await g.runtime.stop();
    const again = await testGateway({
      config: { dataDir },
      sync: { passIntervalMs: 60_000, hotIntervalMs: 60_000 },
    });
    try {
      // Before the new pass ends, the index from before is there, and says how old it is.
      const fresh = await freshness(again);
      expect(fresh.jobs).toBe(60);
      expect(fresh.firstPass).toBe(false);
      expect((await list(again, '?limit=100')).total).toBe(60);
    } finally {
      await again.stop();
    }
  });

  it('stops a pass whose upstream ignores skip, instead of looping', async () => {
    const g = await start({ sync: { pageSize: 10, hotIntervalMs: 60_000 } });
    // A double that answers every page with the first ten jobs.
    const page = await (await g.sim.app.request('/jobs/v1/?limit=10')).text();
    const original = g.sim.app.fetch.bind(g.sim.app);
    vi.spyOn(g.sim.app, 'fetch').mockImplementation((request: Request, ...rest) =>
      new URL(request.url).pathname === '/jobs/v1/'
        ? new Response(page, { headers: { 'Content-Type': 'application/json' } })
        : original(request, ...rest),
    );
    await vi.waitFor(async () =>
      expect((await freshness(g)).lastError?.message).toContain('does not seem to page by skip'),
    );
  });
});

describe('faults at two places', () => {
  it('edge faults fail the answers to the browser while the index syncs on', async () => {
    const g = await start({ sync: { hotIntervalMs: 50 } });
    await g.passes(1);
    await g.demo('PUT', '/__demo/faults', { edge: { jobs: { errorRate: 1, errorStatus: 503 } } });
    expect((await g.app.request('/jobs/v1/')).status).toBe(503);
    // The upstream is fine: the index goes on reading it.
    const before = g.shared.passCount;
    await g.passes(before + 1);
    expect(g.shared.lastError).toBeNull();
    await g.demo('DELETE', '/__demo/faults');
    expect((await g.app.request('/jobs/v1/')).status).toBe(200);
  });

  it('upstream faults fail the sync while the browser is served what the index holds', async () => {
    const g = await start({ sync: { hotIntervalMs: 50 } });
    await g.passes(1);
    await g.demo('PUT', '/__demo/faults', { jobs: { errorRate: 1, errorStatus: 503 } });
    await vi.waitFor(() => expect(g.shared.lastError).not.toBeNull());
    const answer = await g.app.request('/jobs/v1/');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('X-Total-Count')).toBe('60');
  });
});

describe('credentials', () => {
  it('keeps an index per browser token: nobody sees a job their token could not list', async () => {
    const g = await start();
    await g.passes(1);
    const all = (await list(g, '?limit=100')).jobs;
    const ann = all[0]!.metadata.username!;
    const bo = all.find((j) => j.metadata.username !== ann)!.metadata.username!;
    await g.demo('PUT', '/__demo/access', {
      tokens: {
        'tok-ann': { username: ann, sees: 'own' },
        'tok-bo': { username: bo, sees: 'own' },
      },
    });
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const annJobs = await list(g, '?limit=100', as('tok-ann'));
    const boJobs = await list(g, '?limit=100', as('tok-bo'));
    expect(annJobs.total).toBeGreaterThan(0);
    expect(annJobs.jobs.every((j) => j.metadata.username === ann)).toBe(true);
    expect(boJobs.jobs.every((j) => j.metadata.username === bo)).toBe(true);
    const annCounts = (await (
      await g.app.request('/jobs/v1/counts', { headers: as('tok-ann') })
    ).json()) as JobCounts;
    expect(annCounts.total).toBe(annJobs.total);
    // "My jobs" is the caller's, as /my/ told for that token.
    const mine = await g.app.request('/jobs/v1/my/?limit=100', { headers: as('tok-bo') });
    const boMine = (await mine.json()) as WorkflowJob[];
    expect(boMine.length).toBe(boJobs.total);
    // No token, or a token the upstream refuses: the upstream's 401, so the app asks for one.
    await vi.waitFor(async () => expect((await g.app.request('/jobs/v1/')).status).toBe(401));
    const keys = async () => (await g.runtime.jobIndexes!.options.store.indexKeys()).length;
    const before = await keys();
    const wrong = await g.app.request('/jobs/v1/', { headers: as('tok-nobody') });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('tok-nobody');
    // A token the upstream refused outright leaves no index behind.
    expect(await keys()).toBe(before);
  });

  it("drops a browser token's index once it goes unused, and never keeps the token", async () => {
    const g = await start();
    await g.passes(1);
    const auth = { Authorization: 'Bearer tok-idle-a1b2c3' };
    expect((await list(g, '?limit=1', auth)).total).toBe(60);
    const store = g.runtime.jobIndexes!.options.store;
    const keys = (await store.indexKeys()).map((k) => k.key);
    const tokenKey = keys.find((k) => k.startsWith('token:'))!;
    expect(tokenKey).toBeDefined();
    expect(keys.join()).not.toContain('tok-idle');
    expect(await store.size(tokenKey)).toBe(60);
    await g.runtime.jobIndexes!.dropIdle(Date.now() + 120_000);
    expect((await store.indexKeys()).map((k) => k.key)).not.toContain(tokenKey);
    expect(await store.size(tokenKey)).toBe(0);
    // The shared index stays.
    expect((await list(g, '?limit=1')).total).toBe(60);
  });

  it('keeps at most MAX_BROWSER_INDEXES browser indexes, dropping the least recently used', async () => {
    const g = await start({ sync: { hotIntervalMs: 60_000, passIntervalMs: 60_000 } });
    await g.passes(1);
    for (let i = 0; i <= MAX_BROWSER_INDEXES; i++) {
      expect((await list(g, '?limit=1', { Authorization: `Bearer tok-${i}` })).total).toBe(60);
    }
    const keys = (await g.runtime.jobIndexes!.options.store.indexKeys()).map((k) => k.key);
    expect(keys.filter((k) => k.startsWith('token:'))).toHaveLength(MAX_BROWSER_INDEXES);
  }, 30_000);

  it('with a server token, shares one index and hides My jobs with its reason', async () => {
    const upstream = await testGateway();
    const { listen } = await import('../../listen.ts');
    const { createApp } = await import('../../app.ts');
    const served = await listen(
      createApp(upstream.runtime.config, { distDir: '/nonexistent', ...upstream.runtime }),
      0,
      '127.0.0.1',
    );
    const g = await start({
      config: {
        jobs: { url: new URL(`http://127.0.0.1:${served.port}`), token: 'server-secret' },
      },
    });
    try {
      await upstream.demo('PUT', '/__demo/access', {
        tokens: { 'server-secret': { username: 'svc@example.com', sees: 'all' } },
      });
      await vi.waitFor(async () => expect((await list(g, '?limit=100')).total).toBeGreaterThan(0), {
        timeout: 10_000,
      });
      const mine = await g.app.request('/jobs/v1/my/');
      expect(mine.status).toBe(400);
      expect(await mine.text()).toContain('My jobs needs your own sign-in');
      expect((await freshness(g)).mine).toEqual({
        available: false,
        reason: expect.stringContaining('JOBS_API_TOKEN'),
      });
    } finally {
      await served.close();
      await upstream.stop();
    }
  }, 30_000);
});

describe('bad input', () => {
  it.each([
    ['?limit=0', 'limit must be an integer from 1 to 100'],
    ['?limit=101', 'limit must be an integer from 1 to 100'],
    ['?skip=2000000', 'skip must be an integer from 0 to 1000000'],
    ['?sort=password', 'query parameter "sort" has an invalid value'],
  ])('%s is a 400 naming the parameter', async (query, message) => {
    const g = await start();
    const response = await g.app.request(`/jobs/v1/${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });
});
