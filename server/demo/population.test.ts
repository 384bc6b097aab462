import { describe, expect, it } from 'vitest';
import { jobListSchema, type WorkflowJob } from '../../src/contract/index.ts';
import { STEP_TYPES } from './catalog.ts';
import { testSim } from './testSim.ts';

const allJobs = async (s: ReturnType<typeof testSim>) => {
  const jobs: WorkflowJob[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await s.json<WorkflowJob[]>(`/jobs/v1/?limit=100&skip=${skip}&sort=created`);
    jobs.push(...page);
    if (page.length < 100) return jobs;
  }
};

describe('seeded population', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await allJobs(testSim({ seed: 7 }));
    const b = await allJobs(testSim({ seed: 7 }));
    const c = await allJobs(testSim({ seed: 8 }));
    expect(a).toHaveLength(60);
    expect(b).toEqual(a);
    expect(c.map((j) => j.jobId)).not.toEqual(a.map((j) => j.jobId));
    expect(c.map((j) => j.metadata.jobTitle).sort()).not.toEqual(
      a.map((j) => j.metadata.jobTitle).sort(),
    );
  });

  it('fits the wire schema and covers every status, step type and optional field', async () => {
    const jobs = await allJobs(testSim());
    expect(jobListSchema.safeParse(jobs).success).toBe(true);
    const statuses = new Set(jobs.map((j) => j.metadata.status));
    expect([...statuses].sort()).toEqual(['Aborted', 'Active', 'Completed', 'Paused']);
    const steps = jobs.flatMap((j) => [
      ...(j.completedSteps ?? []),
      ...(j.cancelledSteps ?? []),
      ...(j.metadata.currentStep?.singleStep ? [j.metadata.currentStep.singleStep] : []),
    ]);
    expect(new Set(steps.map((s) => s.stepType))).toEqual(new Set(STEP_TYPES));
    for (const job of jobs) {
      expect(job.jobId).toMatch(/^[0-9a-f]{24}$/);
      expect(job.metadata.clientJobId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(60);
    expect(new Set(jobs.map((j) => j.metadata.workflowId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(jobs.map((j) => j.team)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(jobs.map((j) => j.metadata.username)).size).toBeGreaterThanOrEqual(6);
    expect(jobs.some((j) => j.metadata.metadata?.ScheduledJobId)).toBe(true);
    expect(jobs.some((j) => j.hierarchyStack !== null)).toBe(true);
    expect(jobs.some((j) => j.packetIds !== null)).toBe(true);
    expect(jobs.some((j) => !('jobExclusion' in j))).toBe(true);
    expect(steps.some((s) => Object.values(s.timeEvents ?? {}).includes(1))).toBe(true);
    expect(jobs.some((j) => j.cancelledSteps?.length)).toBe(true);
    const aborted = jobs.filter((j) => j.metadata.status === 'Aborted');
    expect(aborted.every((j) => j.metadata.abandonReason)).toBe(true);
  });

  it('starts with a long-running job holding bigLogLines historical lines', async () => {
    const s = testSim({ bigLogLines: 12_345 });
    const job = (await s.allJobs()).find((j) => /nightly reindex/i.test(j.metadata.jobTitle ?? ''));
    expect(job?.metadata.status).toBe('Active');
    const body = await s.json<{ payload: { logs: { id: number }[] } }>(
      `/api/v1/job/${job?.jobId}/details`,
    );
    expect(body.payload.logs).toHaveLength(12_345);
  });

  it('generates 100,000 jobs', async () => {
    const s = testSim({ jobs: 100_000 });
    expect((await s.json<{ population: number }>('/__demo/state')).population).toBe(100_000);
    expect(await s.json<unknown[]>('/jobs/v1/?skip=99990&limit=100')).toHaveLength(10);
    // Generating is CPU-bound: about 1.6 s on this machine alone, 8-9.5 s while it is shared.
  }, 30_000);
});
