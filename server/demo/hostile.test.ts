import { describe, expect, it } from 'vitest';
import { jobListSchema, logEnvelopeSchema, type WorkflowJob } from '../../src/contract/index.ts';
import { HOSTILE_STRINGS, LONG_WORD, MEGA_LINE_BYTES, MEGA_LINE_END } from './hostileCorpus.ts';
import type { HostileSet } from './hostileJobs.ts';
import { testSim, type TestSim } from './testSim.ts';

async function hostileSet(s: TestSim): Promise<HostileSet> {
  const res = await s.send('POST', '/__demo/hostile');
  expect(res.status).toBe(201);
  return (await res.json()) as HostileSet;
}

const byRole = (set: HostileSet, role: string) => set.jobs.find((j) => j.role === role)!;

async function bson(s: TestSim, jobId: string): Promise<WorkflowJob> {
  const [job] = await s.json<WorkflowJob[]>(`/jobs/v1/bson/${jobId}`);
  return job!;
}

describe('POST /__demo/hostile', () => {
  it('adds the hostile jobs on top of the list, each a valid job for the client', async () => {
    const s = testSim();
    const set = await hostileSet(s);
    expect(set.jobs.map((j) => j.role)).toEqual([
      'markup',
      'text',
      'dates',
      'empty-ids',
      'blank-job-id',
    ]);
    const list = jobListSchema.parse(await s.allJobs());
    expect(list).toHaveLength(65);
    const titles = list.map((j) => j.metadata.jobTitle);
    expect(titles).toContain(byRole(set, 'markup').title);
    // The blank-id job shows in lists with an empty id; the empty-ids job with an empty title.
    expect(list.some((j) => j.jobId === '')).toBe(true);
    expect(titles).toContain('');
  });

  it('puts every corpus string in step notes and metadata keys and values', async () => {
    const s = testSim();
    const set = await hostileSet(s);
    const job = await bson(s, byRole(set, 'markup').jobId);
    expect(job.metadata.status).toBe('<b>Quarantined</b>');
    const notes = (job.completedSteps ?? []).map((step) => step.note);
    const meta = job.metadata.metadata ?? {};
    for (const { value } of HOSTILE_STRINGS) {
      expect(notes).toContain(value);
      expect(Object.values(meta)).toContain(value);
      expect(Object.keys(meta).some((key) => key.includes(value.slice(0, 80)))).toBe(true);
    }
    expect(meta['']).toBe('value of an empty key');
  });

  it('sends odd dates, numbers as strings and empty ids', async () => {
    const s = testSim();
    const set = await hostileSet(s);
    const dates = await bson(s, byRole(set, 'dates').jobId);
    expect(dates.metadata).toMatchObject({
      created: '2999-12-31T23:59:59.000Z',
      updated: '0001-01-01T00:00:00.000Z',
      modified: 'not a date',
    });
    const steps = dates.completedSteps ?? [];
    expect(steps.every((step) => typeof step.stepNumber === 'string')).toBe(true);
    expect(steps[1]).not.toHaveProperty('started');
    expect(steps[0]?.timeEvents).toEqual({
      'not a date': 0,
      '2999-01-01T00:00:00Z': '1',
      '': null,
    });
    const empty = await bson(s, byRole(set, 'empty-ids').jobId);
    expect(empty.metadata).toMatchObject({ clientJobId: '', workflowId: '', jobTitle: '' });
    expect(empty.metadata.currentStep?.singleStep?.stepId).toBe('');
    const text = await bson(s, byRole(set, 'text').jobId);
    expect(text.metadata.jobTitle).toContain(LONG_WORD);
  });

  it('writes every corpus string and one 1 MB line to the log, in id order', async () => {
    const s = testSim();
    const set = await hostileSet(s);
    const envelope = logEnvelopeSchema.parse(
      await s.json(`/api/v1/job/${set.megaLineJobId}/details`),
    );
    const logs = envelope.payload.logs ?? [];
    const messages = logs.map((l) => l.message);
    expect(messages.slice(0, HOSTILE_STRINGS.length)).toEqual(HOSTILE_STRINGS.map((h) => h.value));
    const mega = messages.find((m) => m?.endsWith(MEGA_LINE_END));
    expect(mega?.length).toBe(MEGA_LINE_BYTES);
    expect(envelope.payload.job?.name).toBe(byRole(set, 'markup').title);
    const ids = logs.map((l) => Number(l.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('leaves ordinary jobs untouched and is gone after a reset', async () => {
    const s = testSim();
    const before = await s.json<WorkflowJob[]>('/jobs/v1/?limit=100');
    const set = await hostileSet(s);
    const after = await s.json<WorkflowJob[]>('/jobs/v1/?limit=100');
    const ordinary = after.filter((j) => !set.jobs.some((h) => h.jobId === j.jobId));
    expect(ordinary.filter((j) => j.jobId !== '')).toEqual(before);
    await s.send('POST', '/__demo/reset');
    const res = await s.request(`/jobs/v1/bson/${byRole(set, 'markup').jobId}`);
    expect(res.status).toBe(404);
  });
});
