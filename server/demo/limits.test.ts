import { describe, expect, it } from 'vitest';
import { DEMO_LIMITS } from './limits.ts';
import { testSim } from './testSim.ts';

const messageOf = async (response: Response) =>
  ((await response.json()) as { message: string }).message;

describe('what one /__demo call may create', () => {
  it.each([
    ['/__demo/jobs', { steps: DEMO_LIMITS.stepsPerJob + 1 }, 'steps per job is at most 500'],
    ['/__demo/jobs', { currentStep: 10_000 }, 'steps per job is at most 500'],
    [
      '/__demo/jobs',
      { historicalLogs: DEMO_LIMITS.historyLinesPerJob + 1 },
      'historicalLogs per job is at most 1,000,000',
    ],
    ['/__demo/reset', { bigLogLines: 10_000_000 }, 'bigLogLines is at most 1,000,000'],
  ])('POST %s %j is a 400 naming the limit', async (path, body, message) => {
    const s = testSim();
    const response = await s.send('POST', path, body);
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain(message);
  });

  it('refuses more appended lines in one call than the limit, naming it', async () => {
    const s = testSim();
    const job = (await (await s.send('POST', '/__demo/jobs', { running: false })).json()) as {
      jobId: string;
    };
    const response = await s.send('POST', `/__demo/jobs/${job.jobId}/logs`, {
      count: 2_000_000,
    });
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toContain('lines per call is at most 100,000');
  });

  it('refuses lines past the total held with a 413 until a reset', async () => {
    const s = testSim();
    const job = (await (await s.send('POST', '/__demo/jobs', { running: false })).json()) as {
      jobId: string;
    };
    const path = `/__demo/jobs/${job.jobId}/logs`;
    const fits = DEMO_LIMITS.storedLines / DEMO_LIMITS.linesPerCall;
    let accepted = 0;
    let last: Response;
    for (;;) {
      last = await s.send('POST', path, { count: DEMO_LIMITS.linesPerCall });
      if (last.status !== 200) break;
      accepted += 1;
    }
    // Exactly up to the cap: this world's own jobs have written nothing yet (its clock stands).
    expect(accepted).toBe(fits);
    expect(last.status).toBe(413);
    expect(await messageOf(last)).toBe(
      'Limit: log lines held is at most 2,000,000 (2,000,000 held); POST /__demo/reset',
    );
    expect((await s.send('POST', path, { count: 1 })).status).toBe(413);
    // A reset frees them.
    await s.send('POST', '/__demo/reset');
    const fresh = (await (await s.send('POST', '/__demo/jobs', { running: false })).json()) as {
      jobId: string;
    };
    expect((await s.send('POST', `/__demo/jobs/${fresh.jobId}/logs`, { count: 10 })).status).toBe(
      200,
    );
  });

  it('refuses jobs past the created-jobs cap with a 413 until a reset', async () => {
    const s = testSim();
    for (let i = 0; i < DEMO_LIMITS.createdJobs; i += 5) {
      const response = await s.send('POST', '/__demo/hostile');
      if (response.status !== 201) throw new Error(`hostile set ${i}: ${response.status}`);
    }
    const refused = await s.send('POST', '/__demo/jobs', { running: false });
    expect(refused.status).toBe(413);
    expect(await messageOf(refused)).toContain('jobs created is at most 10,000');
    await s.send('POST', '/__demo/reset');
    expect((await s.send('POST', '/__demo/jobs', { running: false })).status).toBe(201);
  }, 60_000);
});
