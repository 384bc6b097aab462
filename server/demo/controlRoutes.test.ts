import { describe, expect, it } from 'vitest';
import {
  workflowJobSchema,
  type RawLog,
  type Step,
  type WorkflowJob,
} from '../../src/contract/index.ts';
import type { DemoState } from './spec.ts';
import { testSim, type TestSim } from './testSim.ts';

const codes = (step: Step | null | undefined) =>
  Object.entries(step?.timeEvents ?? {})
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
    .map(([, code]) => code);
const logsOf = async (s: TestSim, id: string) =>
  (await s.json<{ payload: { logs: RawLog[] } }>(`/api/v1/job/${id}/details`)).payload.logs;

describe('/__demo control routes', () => {
  it('reports state and resets to a new seed and size, clearing faults', async () => {
    const s = testSim();
    const state = await s.json<DemoState>('/__demo/state');
    expect(state).toMatchObject({
      seed: 42,
      jobs: 60,
      population: 60,
      faults: { jobs: {}, logs: {}, byJob: {} },
    });
    expect(state.currentUser).toMatch(/@/);
    expect(state.now).toBe(new Date(s.now).toISOString());
    await s.send('PUT', '/__demo/faults', { jobs: { errorRate: 1 } });
    const reset = await s.send('POST', '/__demo/reset', { seed: 9, jobs: 5, bigLogLines: 10 });
    expect(await reset.json()).toMatchObject({ seed: 9, jobs: 5, faults: { jobs: {}, logs: {} } });
    expect(await s.allJobs()).toHaveLength(5);
    // An empty reset goes back to the configured population.
    await s.send('POST', '/__demo/reset');
    expect(await s.allJobs()).toHaveLength(60);
  });

  it('spreads completed steps over the time asked for, so a long history falls in steps', async () => {
    const s = testSim();
    const job = await s.createJob({
      steps: 4,
      currentStep: 4,
      stepSeconds: 600,
      historicalLogs: 100,
      running: false,
    });
    const starts = (job.completedSteps ?? []).map((step) => Date.parse(step.started!));
    expect(starts.slice(1).map((t, i) => t - starts[i]!)).toEqual([600_000, 600_000]);
    expect(Date.parse(job.completedSteps![0]!.completed!) - starts[0]!).toBe(600_000);
  });

  it('creates jobs to order, with any status string', async () => {
    const s = testSim();
    const job = await s.createJob({
      title: 'Made to order',
      status: 'Quarantined',
      steps: 5,
      currentStep: 3,
      stepType: 'Hologram',
      username: 'tester@example.com',
      team: 'qa',
      workflowId: 'wf-custom',
      progress: 'SCHEDULED',
      running: false,
    });
    expect(workflowJobSchema.safeParse(job).success).toBe(true);
    expect(job.metadata).toMatchObject({
      jobTitle: 'Made to order',
      status: 'Quarantined',
      username: 'tester@example.com',
      workflowId: 'wf-custom',
    });
    expect(job.team).toBe('qa');
    expect(job.completedSteps?.map((step) => step.stepNumber)).toEqual([1, 2]);
    expect(job.metadata.currentStep?.singleStep).toMatchObject({
      stepNumber: 3,
      stepType: 'Hologram',
    });
    const listed = (await s.allJobs()).filter((j) => j.metadata.status === 'Quarantined');
    expect(listed.map((j) => j.jobId)).toEqual([job.jobId]);
    const completed = await s.createJob({ status: 'Completed', steps: 3 });
    expect(completed.metadata.currentStep).toBeNull();
    expect(completed.completedSteps).toHaveLength(3);
    const paused = await s.createJob({ status: 'Paused' });
    expect(codes(paused.metadata.currentStep?.singleStep)).toEqual([0, 1]);
  });

  it('appends logs by count or by entries, from the global sequence', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false, historicalLogs: 3 });
    const counted = await (
      await s.send('POST', `/__demo/jobs/${job.jobId}/logs`, { count: 4 })
    ).json();
    expect(counted).toMatchObject({ appended: 4 });
    const res = await s.send('POST', `/__demo/jobs/${job.jobId}/logs`, {
      entries: [
        { level: 'ERROR', message: 'Disk full' },
        { level: 'TRACE', message: 'An unknown level' },
      ],
    });
    const added = (await res.json()) as { appended: number; firstId: number; lastId: number };
    expect(added.appended).toBe(2);
    expect(added.firstId).toBeGreaterThan((counted as { lastId: number }).lastId);
    const logs = await logsOf(s, job.jobId);
    expect(logs).toHaveLength(9);
    expect(logs.slice(-2)).toMatchObject([
      { id: added.firstId, level: 'ERROR', message: 'Disk full' },
      { id: added.lastId, level: 'TRACE', message: 'An unknown level' },
    ]);
  });

  it("reads a job's log as the upstream holds it, without faults, and counts API requests", async () => {
    const s = testSim();
    const job = await s.createJob({ historicalLogs: 300, running: false });
    await s.send('PUT', '/__demo/faults', { logs: { shuffle: true, duplicates: true } });
    const held = await s.json<{ logs: RawLog[] }>(`/__demo/jobs/${job.jobId}/logs`);
    const ids = held.logs.map((l) => l.id as number);
    expect(ids).toHaveLength(300);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await s.json(`/__demo/jobs/${job.jobId}/logs?summary=1`)).toEqual({
      lines: 300,
      firstId: ids[0],
      lastId: ids.at(-1),
      reads: 0,
    });
    const before = (await s.json<DemoState>('/__demo/state')).requests;
    await logsOf(s, job.jobId);
    expect((await s.json<DemoState>('/__demo/state')).requests).toEqual({
      jobs: before.jobs,
      logs: before.logs + 1,
    });
    expect(
      (await s.json<{ reads: number }>(`/__demo/jobs/${job.jobId}/logs?summary=1`)).reads,
    ).toBe(1);
    const huge = await s.createJob({ historicalLogs: 200_001, running: false });
    expect((await s.request(`/__demo/jobs/${huge.jobId}/logs`)).status).toBe(413);
  });

  it('pauses, resumes and advances, recording 1, then 0, then 2', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 2, running: false });
    const post = async (action: string) => s.send('POST', `/__demo/jobs/${job.jobId}/${action}`);
    s.wait(1000);
    const paused = (await (await post('pause')).json()) as WorkflowJob;
    expect(paused.metadata.status).toBe('Paused');
    expect(codes(paused.metadata.currentStep?.singleStep)).toEqual([0, 1]);
    expect((await post('pause')).status).toBe(400);
    expect((await post('advance')).status).toBe(400);
    // Same millisecond: the events still both survive.
    const resumed = (await (await post('resume')).json()) as WorkflowJob;
    expect(resumed.metadata.status).toBe('Active');
    expect(codes(resumed.metadata.currentStep?.singleStep)).toEqual([0, 1, 0]);
    expect((await post('resume')).status).toBe(400);
    const advanced = (await (await post('advance')).json()) as WorkflowJob;
    expect(codes(advanced.completedSteps?.[0])).toEqual([0, 1, 0, 2]);
    expect(advanced.metadata.currentStep?.singleStep?.stepNumber).toBe(2);
    const finished = (await (await post('advance')).json()) as WorkflowJob;
    expect(finished.metadata.status).toBe('Completed');
    expect((await post('advance')).status).toBe(400);
    const messages = (await logsOf(s, job.jobId)).map((l) => l.message);
    expect(messages).toEqual([
      'Job paused at step 1',
      'Job resumed at step 1',
      expect.stringMatching(/^Step 1 completed/),
      expect.stringMatching(/^Step 2 started/),
      expect.stringMatching(/^Step 2 completed/),
      'Job completed after 2 steps',
    ]);
  });

  it('sets status, progress and abandonReason', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false });
    const res = await s.send('POST', `/__demo/jobs/${job.jobId}/status`, {
      status: 'Aborted',
      progress: 'FAILED',
      abandonReason: 'Test abort',
    });
    const changed = (await res.json()) as WorkflowJob;
    expect(changed.metadata).toMatchObject({ status: 'Aborted', abandonReason: 'Test abort' });
    expect(changed.cancelledSteps).toHaveLength(1);
    const log = await s.json<{ payload: { job: { progress: string } } }>(
      `/api/v1/job/${job.jobId}/details`,
    );
    expect(log.payload.job.progress).toBe('FAILED');
  });

  it('rejects malformed or wrong-typed bodies with 400 { message }, unknown jobs with 404', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false });
    const raw = (path: string, body: string, method = 'POST') =>
      s.request(path, { method, body, headers: { 'content-type': 'application/json' } });
    const bad: [string, string, string?][] = [
      ['/__demo/jobs', '{"title": '],
      ['/__demo/jobs', '{"steps": "five"}'],
      ['/__demo/jobs', '{"color": "red"}'],
      ['/__demo/jobs', '[1, 2]'],
      ['/__demo/reset', '{"jobs": 100001}'],
      [`/__demo/jobs/${job.jobId}/logs`, '{"count": -1}'],
      [`/__demo/jobs/${job.jobId}/logs`, '{"entries": [{"level": "INFO"}]}'],
      [`/__demo/jobs/${job.jobId}/status`, '{"status": 3}'],
      ['/__demo/faults', '{"jobs": {"errorRate": 2}}', 'PUT'],
      ['/__demo/faults', '{"jobs": {"shuffle": true}}', 'PUT'],
      ['/__demo/faults', 'null', 'PUT'],
    ];
    for (const [path, body, method] of bad) {
      const res = await raw(path, body, method);
      expect(res.status, `${path} ${body}`).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
    for (const action of ['logs', 'status', 'pause', 'resume', 'advance']) {
      const res = await s.send('POST', `/__demo/jobs/nope/${action}`, {});
      expect(res.status, action).toBe(404);
    }
  });
});
