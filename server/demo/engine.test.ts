import { describe, expect, it } from 'vitest';
import type { RawLog, Step, WorkflowJob } from '../../src/contract/index.ts';
import { testSim, type TestSim } from './testSim.ts';

const jobOf = (s: TestSim, id: string) => s.json<WorkflowJob>(`/jobs/v1/${id}`);
const logsOf = async (s: TestSim, id: string) =>
  (
    await s.json<{ payload: { job: { progress: string }; logs: RawLog[] } }>(
      `/api/v1/job/${id}/details`,
    )
  ).payload;
const codes = (step: Step | null | undefined) =>
  Object.entries(step?.timeEvents ?? {})
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
    .map(([, code]) => code);

describe('engine', () => {
  it('advances a step every 4-10 s and writes logs at logRate while Active', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 10, logRate: 4 });
    expect(job.metadata.currentStep?.singleStep?.stepNumber).toBe(1);
    s.tick(3_000);
    expect((await jobOf(s, job.jobId)).metadata.currentStep?.singleStep?.stepNumber).toBe(1);
    s.tick(7_001);
    const later = await jobOf(s, job.jobId);
    expect(later.metadata.currentStep?.singleStep?.stepNumber).toBe(2);
    const done = later.completedSteps?.[0];
    expect(codes(done)).toEqual([0, 2]);
    expect(Date.parse(later.metadata.updated ?? '')).toBeGreaterThan(
      Date.parse(job.metadata.updated ?? ''),
    );
    const logs = await logsOf(s, job.jobId);
    // 10 s at 4 lines a second, plus the step lines.
    expect(logs.logs.length).toBeGreaterThanOrEqual(40);
    expect(
      logs.logs.some(
        (l) => l.message === 'Step 2 started: ' + later.metadata.currentStep?.singleStep?.stepTitle,
      ),
    ).toBe(true);
  });

  it('is lazy as well: a request brings the world up to now without advance()', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 3, logRate: 1 });
    expect((await logsOf(s, job.jobId)).logs).toHaveLength(1); // the null row of an empty log
    s.wait(5_000);
    const logs = (await logsOf(s, job.jobId)).logs;
    expect(logs).toHaveLength(5);
    expect(Date.parse(logs.at(-1)?.creationDate ?? '')).toBe(s.now);
  });

  it('completes a job after its last step, then writes no more logs', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 2, logRate: 2 });
    s.tick(25_000);
    const done = await jobOf(s, job.jobId);
    expect(done.metadata.status).toBe('Completed');
    expect(done.metadata.currentStep).toBeNull();
    expect(done.completedSteps).toHaveLength(2);
    const logs = await logsOf(s, job.jobId);
    expect(logs.job.progress).toBe('COMPLETED');
    expect(logs.logs.at(-1)?.message).toBe('Job completed after 2 steps');
    s.tick(60_000);
    expect((await logsOf(s, job.jobId)).logs).toEqual(logs.logs);
  });

  it('leaves frozen jobs alone', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 3, logRate: 5, running: false });
    s.tick(120_000);
    expect(await jobOf(s, job.jobId)).toEqual(job);
  });

  it('keeps the seeded world moving for an hour: pauses, resumes, failures, fresh jobs, capped', async () => {
    const s = testSim();
    const initial = await s.json<WorkflowJob[]>('/jobs/v1/?limit=100');
    const ids = new Set(initial.map((j) => j.jobId));
    for (let i = 0; i < 360; i++) s.tick(10_000);
    const now = await s.allJobs();
    const total = now.length;
    expect(total).toBeLessThanOrEqual(80);
    // Fresh jobs make room for fresher ones first: most of the seeded history is still there.
    expect(now.filter((j) => ids.has(j.jobId)).length).toBeGreaterThan(50);
    // The kept order survived an hour of changes, additions and removals.
    expect(new Set(now.map((j) => j.jobId)).size).toBe(total);
    const updated = now.map((j) => Date.parse(j.metadata.updated ?? ''));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const fresh = now.filter((j) => !ids.has(j.jobId));
    expect(fresh.length).toBeGreaterThan(0);
    expect(now.some((j) => j.metadata.status === 'Active')).toBe(true);
    const freshAborted = fresh.filter((j) => j.metadata.status === 'Aborted');
    expect(freshAborted.length).toBeGreaterThan(0);
    const failed = freshAborted[0] as WorkflowJob;
    expect(failed.metadata.abandonReason).toBeTruthy();
    const failedLogs = await logsOf(s, failed.jobId);
    expect(failedLogs.job.progress).toBe('FAILED');
    expect(failedLogs.logs.slice(-2).every((l) => l.level === 'ERROR')).toBe(true);
    // Engine pauses show up as a 1 then a 0 in some finished job's steps.
    const steps = fresh.flatMap((j) => j.completedSteps ?? []);
    expect(steps.some((step) => codes(step).join() === '0,1,0,2')).toBe(true);
    // The big-log job is still running.
    const big = (await s.allJobs()).find((j) => /nightly reindex/i.test(j.metadata.jobTitle ?? ''));
    expect(big?.metadata.status).toBe('Active');
  });

  it('writes every level while running', async () => {
    const s = testSim();
    const job = await s.createJob({ steps: 500, logRate: 20 });
    s.tick(30_000);
    const levels = new Set((await logsOf(s, job.jobId)).logs.map((l) => l.level));
    expect([...levels].sort()).toEqual(['DEBUG', 'ERROR', 'INFO', 'WARN']);
  });
});
