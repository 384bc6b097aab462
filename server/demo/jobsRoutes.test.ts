import { describe, expect, it } from 'vitest';
import { jobCountsSchema, type JobCounts, type WorkflowJob } from '../../src/api/schemas.ts';
import { DEFAULT_CURRENT_USER } from './catalog.ts';
import { testSim } from './testSim.ts';

type Jobs = WorkflowJob[];
const time = (iso: string | null | undefined) => Date.parse(iso ?? '');

describe('GET /jobs/v1/', () => {
  it('pages with skip/limit (default 20) and sends X-Total-Count', async () => {
    const s = testSim();
    const res = await s.request('/jobs/v1/');
    expect(res.headers.get('X-Total-Count')).toBe('60');
    const first = (await res.json()) as Jobs;
    expect(first).toHaveLength(20);
    const second = await s.json<Jobs>('/jobs/v1?skip=20&limit=20');
    const all = await s.json<Jobs>('/jobs/v1/?limit=100');
    expect(all).toHaveLength(60);
    expect([...first, ...second].map((j) => j.jobId)).toEqual(all.slice(0, 40).map((j) => j.jobId));
    expect(await s.json<Jobs>('/jobs/v1/?skip=59&limit=5')).toHaveLength(1);
    expect(await s.json<Jobs>('/jobs/v1/?skip=500')).toEqual([]);
  });

  it('sorts by updated desc by default, and by created, title, status either way', async () => {
    const s = testSim();
    const updated = (await s.json<Jobs>('/jobs/v1/?limit=100')).map((j) =>
      time(j.metadata.updated),
    );
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const created = (await s.json<Jobs>('/jobs/v1/?limit=100&sort=created&order=asc')).map((j) =>
      time(j.metadata.created),
    );
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const titles = (await s.json<Jobs>('/jobs/v1/?limit=100&sort=title&order=desc')).map((j) =>
      (j.metadata.jobTitle ?? '').toLowerCase(),
    );
    expect(titles).toEqual([...titles].sort().reverse());
    const statuses = (await s.json<Jobs>('/jobs/v1/?limit=100&sort=status&order=asc')).map(
      (j) => j.metadata.status ?? '',
    );
    expect(statuses).toEqual([...statuses].sort());
  });

  it('filters by status list, workflowId and q (title, id or user, any case)', async () => {
    const s = testSim();
    const all = await s.json<Jobs>('/jobs/v1/?limit=100');
    const res = await s.request('/jobs/v1/?status=Paused,Aborted&limit=100');
    const some = (await res.json()) as Jobs;
    const expected = all.filter((j) => ['Paused', 'Aborted'].includes(j.metadata.status ?? ''));
    expect(some.map((j) => j.jobId)).toEqual(expected.map((j) => j.jobId));
    expect(res.headers.get('X-Total-Count')).toBe(String(expected.length));
    expect(await s.json<Jobs>('/jobs/v1/?status=paused')).toEqual([]);
    const repeated = await s.json<Jobs>('/jobs/v1/?status=Paused&status=Aborted&limit=100');
    expect(repeated).toEqual(some);

    const workflowId = all[3]?.metadata.workflowId ?? '';
    const ofWorkflow = await s.json<Jobs>(`/jobs/v1/?workflowId=${workflowId}&limit=100`);
    expect(ofWorkflow.length).toBe(all.filter((j) => j.metadata.workflowId === workflowId).length);
    const viaPath = await s.json<Jobs>(`/jobs/v1/workflow/${workflowId}?limit=100`);
    expect(viaPath.map((j) => j.jobId)).toEqual(ofWorkflow.map((j) => j.jobId));

    const target = all[5] as WorkflowJob;
    const byTitle = await s.json<Jobs>(
      `/jobs/v1/?q=${encodeURIComponent(target.metadata.jobTitle?.toUpperCase() ?? '')}`,
    );
    expect(byTitle.map((j) => j.jobId)).toContain(target.jobId);
    expect((await s.json<Jobs>(`/jobs/v1/?q=${target.jobId.slice(4, 16)}`))[0]?.jobId).toBe(
      target.jobId,
    );
    const byUser = await s.json<Jobs>('/jobs/v1/?q=CHEN.WEI&limit=100');
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((j) => j.metadata.username === 'chen.wei@example.com')).toBe(true);
  });

  it('answers 400 naming a bad skip, limit, sort or order', async () => {
    const s = testSim();
    for (const [query, name] of [
      ['skip=-1', 'skip'],
      ['skip=abc', 'skip'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=2.5', 'limit'],
      ['sort=name', 'sort'],
      ['order=up', 'order'],
    ]) {
      const res = await s.request(`/jobs/v1/?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { message: string };
      expect(body.message).toContain(`'${name}'`);
    }
    expect((await s.request('/jobs/v1/my/?limit=0')).status).toBe(400);
  });
});

describe('GET /jobs/v1/my/ and /counts', () => {
  it("lists the current user's jobs", async () => {
    const s = testSim();
    const res = await s.request('/jobs/v1/my/?limit=100');
    const mine = (await res.json()) as Jobs;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((j) => j.metadata.username === DEFAULT_CURRENT_USER)).toBe(true);
    expect(res.headers.get('X-Total-Count')).toBe(String(mine.length));
    const other = testSim({ currentUser: 'grace.mensah@example.com' });
    const theirs = await other.json<Jobs>('/jobs/v1/my?limit=100');
    expect(theirs.every((j) => j.metadata.username === 'grace.mensah@example.com')).toBe(true);
  });

  it('counts jobs per status under the same filters, ignoring paging', async () => {
    const s = testSim();
    const all = await s.json<Jobs>('/jobs/v1/?limit=100');
    const counts = await s.json<JobCounts>('/jobs/v1/counts?skip=5&limit=1');
    expect(jobCountsSchema.parse(counts)).toEqual(counts);
    expect(counts.total).toBe(60);
    for (const status of ['Active', 'Paused', 'Completed', 'Aborted']) {
      expect(counts.statuses[status]).toBe(all.filter((j) => j.metadata.status === status).length);
    }
    const mine = (await s.json<Jobs>('/jobs/v1/my/?limit=100')).length;
    expect((await s.json<JobCounts>('/jobs/v1/counts?mine=true')).total).toBe(mine);
    expect((await s.json<JobCounts>('/jobs/v1/my/counts')).total).toBe(mine);
    expect(mine).toBeLessThan(60);
    const filtered = await s.json<JobCounts>('/jobs/v1/counts?status=Active&q=at');
    expect(filtered.total).toBe(filtered.statuses.Active);
    expect(filtered.statuses.Paused).toBe(0);
  });
});

describe('one job, and abort', () => {
  it('finds a job by jobId (bson: array of one) and by clientJobId', async () => {
    const s = testSim();
    const [job] = await s.json<Jobs>('/jobs/v1/?limit=1');
    const bson = await s.json<Jobs>(`/jobs/v1/bson/${job?.jobId}`);
    expect(bson).toEqual([job]);
    expect(await s.json(`/jobs/v1/${job?.metadata.clientJobId}`)).toEqual(job);
  });

  it('answers 404 { message, error } for unknown jobs', async () => {
    const s = testSim();
    for (const [method, path] of [
      ['GET', '/jobs/v1/bson/000000000000000000000000'],
      ['GET', '/jobs/v1/no-such-job'],
      ['POST', '/jobs/v1/no-such-job/abort'],
    ] as const) {
      const res = await s.request(path, { method });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'Not Found', message: expect.any(String) });
    }
  });

  it('aborts an incomplete job once, then refuses', async () => {
    const s = testSim();
    const job = await s.createJob({ status: 'Active', steps: 4, currentStep: 2, running: false });
    const id = job.metadata.clientJobId;
    const res = await s.request(`/jobs/v1/${id}/abort`, { method: 'POST' });
    expect(res.status).toBe(200);
    const aborted = (await res.json()) as WorkflowJob;
    expect(aborted.metadata.status).toBe('Aborted');
    expect(aborted.metadata.abandonReason).toBe('Aborted from Jobscope');
    expect(aborted.metadata.currentStep).toBeNull();
    expect(aborted.cancelledSteps?.[0]?.stepNumber).toBe(2);
    expect(aborted.cancelledSteps?.[0]?.cancelled).toBeTruthy();
    const logs = await s.json<{
      payload: { job: { progress: string }; logs: { message: string }[] };
    }>(`/api/v1/job/${job.jobId}/details`);
    expect(logs.payload.job.progress).toBe('FAILED');
    expect(logs.payload.logs.at(-1)?.message).toContain('Aborted from Jobscope');

    const again = await s.request(`/jobs/v1/${id}/abort`, { method: 'POST' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ message: 'Only incomplete jobs can be aborted' });
    const done = await s.createJob({ status: 'Completed', running: false });
    expect((await s.request(`/jobs/v1/${done.jobId}/abort`, { method: 'POST' })).status).toBe(400);
  });
});
