import { describe, expect, it } from 'vitest';
import type { WorkflowJob } from '../../src/contract/index.ts';
import { DEFAULT_CURRENT_USER } from './catalog.ts';
import { testSim } from './testSim.ts';

type Jobs = WorkflowJob[];
const time = (iso: string | null | undefined) => Date.parse(iso ?? '');

describe('GET /jobs/v1/', () => {
  it('pages with skip/limit (default 20), most recently updated first, with no total', async () => {
    const s = testSim();
    const res = await s.request('/jobs/v1/');
    expect(res.headers.get('X-Total-Count')).toBeNull();
    const first = (await res.json()) as Jobs;
    expect(first).toHaveLength(20);
    const second = await s.json<Jobs>('/jobs/v1?skip=20&limit=20');
    const all = await s.json<Jobs>('/jobs/v1/?limit=100');
    expect(all).toHaveLength(60);
    expect([...first, ...second].map((j) => j.jobId)).toEqual(all.slice(0, 40).map((j) => j.jobId));
    const updated = all.map((j) => time(j.metadata.updated));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(await s.json<Jobs>('/jobs/v1/?skip=59&limit=5')).toHaveLength(1);
    expect(await s.json<Jobs>('/jobs/v1/?skip=500')).toEqual([]);
  });

  it('ignores the filters and sort a real Jobs API does not have', async () => {
    const s = testSim();
    const plain = await s.json<Jobs>('/jobs/v1/?limit=100');
    const asked = await s.json<Jobs>(
      '/jobs/v1/?limit=100&status=Active&q=zzz-no-such-job&sort=title&order=asc&workflowId=x',
    );
    expect(asked.map((j) => j.jobId)).toEqual(plain.map((j) => j.jobId));
    expect((await s.request('/jobs/v1/counts')).status).toBe(404);
  });

  it('answers 400 naming a bad skip or limit', async () => {
    const s = testSim();
    for (const [query, name] of [
      ['skip=-1', 'skip'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
    ]) {
      const res = await s.request(`/jobs/v1/?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(`'${name}'`);
    }
  });

  it("lists the current user's jobs at /my/, and one workflow's at /workflow/{id}", async () => {
    const s = testSim();
    const mine = await s.json<Jobs>('/jobs/v1/my/?limit=100');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((j) => j.metadata.username === DEFAULT_CURRENT_USER)).toBe(true);
    const other = testSim({ currentUser: 'grace.mensah@example.com' });
    const theirs = await other.json<Jobs>('/jobs/v1/my?limit=100');
    expect(theirs.every((j) => j.metadata.username === 'grace.mensah@example.com')).toBe(true);
    const workflowId = mine[0]!.metadata.workflowId!;
    const ofWorkflow = await s.json<Jobs>(`/jobs/v1/workflow/${workflowId}?limit=100`);
    expect(ofWorkflow.length).toBeGreaterThan(0);
    expect(ofWorkflow.every((j) => j.metadata.workflowId === workflowId)).toBe(true);
  });

  it('shows each token its own jobs once /__demo/access names tokens', async () => {
    const s = testSim();
    const all = await s.json<Jobs>('/jobs/v1/?limit=100');
    const ann = all[0]!.metadata.username!;
    const bo = all.find((j) => j.metadata.username !== ann)!.metadata.username!;
    await s.send('PUT', '/__demo/access', {
      tokens: {
        'tok-ann': { username: ann, sees: 'own' },
        'tok-lead': { username: bo, sees: 'all' },
      },
    });
    const as = (token: string, path: string) =>
      s.request(path, { headers: { Authorization: `Bearer ${token}` } });
    const annJobs = (await (await as('tok-ann', '/jobs/v1/?limit=100')).json()) as Jobs;
    expect(annJobs.length).toBeGreaterThan(0);
    expect(annJobs.every((j) => j.metadata.username === ann)).toBe(true);
    expect(((await (await as('tok-lead', '/jobs/v1/?limit=100')).json()) as Jobs).length).toBe(60);
    const leadMine = (await (await as('tok-lead', '/jobs/v1/my/?limit=100')).json()) as Jobs;
    expect(leadMine.every((j) => j.metadata.username === bo)).toBe(true);
    const hidden = all.find((j) => j.metadata.username !== ann)!;
    expect((await as('tok-ann', `/jobs/v1/bson/${hidden.jobId}`)).status).toBe(404);
    expect((await as('nobody', '/jobs/v1/')).status).toBe(401);
    expect((await s.request('/jobs/v1/')).status).toBe(401);
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
