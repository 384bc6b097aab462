import { describe, expect, it } from 'vitest';
import { logEnvelopeSchema, type RawLog } from '../../src/contract/index.ts';
import { testSim, type TestSim } from './testSim.ts';

interface Body {
  status: string;
  payload: { job: { id: string; name: string; progress: string } | null; logs: RawLog[] };
}

const details = async (s: TestSim, jobId: string, after?: number | string) => {
  const res = await s.request(
    `/api/v1/job/${jobId}/details${after === undefined ? '' : `/${after}`}`,
  );
  const body = (await res.json()) as Body;
  return { res, body, ids: body.payload.logs.map((l) => l.id as number) };
};

describe('GET /api/v1/job/{jobId}/details', () => {
  it('answers the documented envelope with the log job and logs oldest first', async () => {
    const s = testSim();
    const job = await s.createJob({ title: 'Log check', historicalLogs: 30, running: false });
    const { res, body, ids } = await details(s, job.jobId);
    expect(logEnvelopeSchema.safeParse(body).success).toBe(true);
    expect(body.status).toBe('SUCCESS');
    expect(body.payload.job).toMatchObject({
      id: job.jobId,
      name: 'Log check',
      progress: 'IN_PROGRESS',
    });
    expect(ids).toHaveLength(30);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The real API says nothing of how many lines a job has.
    expect(res.headers.get('X-Last-Log-Id')).toBeNull();
    for (const log of body.payload.logs) {
      expect(['DEBUG', 'INFO', 'WARN', 'ERROR']).toContain(log.level);
      expect(log.message).toBeTruthy();
      expect(log.creationDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // The same lines read twice read the same.
    expect((await details(s, job.jobId)).body).toEqual(body);
  });

  it('returns every log after lastLogId in one answer, uncapped and streamed', async () => {
    const s = testSim();
    const job = await s.createJob({ historicalLogs: 4321, running: false });
    const { ids, res } = await details(s, job.jobId, 0);
    expect(ids).toHaveLength(4321);
    expect(new Set(ids).size).toBe(4321);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(res.headers.get('X-Last-Log-Id')).toBeNull();
    // A cursor between two ids starts at the next one; the last id brings nothing.
    const middle = ids[1200] as number;
    const after = (await details(s, job.jobId, middle - 1)).ids;
    expect(after[0]).toBe(middle);
    expect(after).toHaveLength(4321 - 1200);
    expect((await details(s, job.jobId, ids.at(-1))).ids).toEqual([]);
  });

  it('numbers logs from one global sequence: increasing per job, with gaps', async () => {
    const s = testSim();
    const a = await s.createJob({ running: false });
    const b = await s.createJob({ running: false });
    const seen: Record<string, number[]> = { a: [], b: [] };
    for (let i = 0; i < 20; i++) {
      for (const [name, job] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const res = await s.send('POST', `/__demo/jobs/${job.jobId}/logs`, { count: 1 + (i % 3) });
        const { firstId, lastId } = (await res.json()) as { firstId: number; lastId: number };
        seen[name]?.push(firstId, lastId);
      }
    }
    const aIds = (await details(s, a.jobId)).ids;
    const bIds = (await details(s, b.jobId)).ids;
    expect(aIds).toEqual([...aIds].sort((x, y) => x - y));
    expect(aIds.filter((id) => bIds.includes(id))).toEqual([]);
    const gaps = aIds.slice(1).map((id, i) => id - (aIds[i] as number));
    expect(gaps.some((gap) => gap > 1)).toBe(true);
    expect(aIds).toEqual(expect.arrayContaining(seen.a ?? []));
  });

  it('answers an unknown job with 200 and a null job (upstream quirk)', async () => {
    const s = testSim();
    const { res, body } = await details(s, 'no-such-job', 0);
    expect(res.status).toBe(200);
    expect(body.payload).toEqual({ job: null, logs: [] });
    expect(res.headers.get('X-Last-Log-Id')).toBeNull();
  });

  it('answers one all-null row for a job with no logs asked from the start only', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false });
    const nullRow = { id: null, level: null, message: null, creationDate: null, lastUpdate: null };
    for (const after of [undefined, 0]) {
      const { res, body } = await details(s, job.jobId, after);
      expect(body.payload.logs).toEqual([nullRow]);
      expect(res.headers.get('X-Last-Log-Id')).toBeNull();
    }
    expect((await details(s, job.jobId, 5)).body.payload.logs).toEqual([]);
  });

  it('answers 400 { context, errors } for a bad lastLogId', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false });
    for (const bad of ['abc', '-1', '1.5', '1e3']) {
      const res = await s.request(`/api/v1/job/${job.jobId}/details/${bad}`);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as { errors: { msg: string; location: string }[] };
      expect(body).toHaveProperty('context');
      expect(body.errors[0]).toMatchObject({
        location: 'params',
        msg: expect.stringContaining('lastLogId'),
      });
    }
  });

  it('creates a 1,000,000-line job and answers it whole, or from the middle', async () => {
    const s = testSim();
    const job = await s.createJob({ title: 'Huge', historicalLogs: 1_000_000, running: false });
    const head = await details(s, job.jobId, 0);
    expect(head.ids).toHaveLength(1_000_000);
    const last = head.ids.at(-1) as number;
    // Ids have gaps, so the millionth line's id exceeds 1,000,000.
    expect(last).toBeGreaterThan(1_000_000);
    const middleCursor = Math.floor((head.ids[0] as number) + (last - (head.ids[0] as number)) / 2);
    const middle = await details(s, job.jobId, middleCursor);
    expect(middle.ids[0]).toBeGreaterThan(middleCursor);
    expect(middle.ids[0]).toBeLessThanOrEqual(middleCursor + 3);
    expect(middle.ids.at(-1)).toBe(last);
    expect(middle.body.payload.logs[0]?.message).toMatch(/\b5\d{5}\b/);
    expect((await details(s, job.jobId, last - 1)).ids).toEqual([last]);
    expect((await details(s, job.jobId, last)).ids).toEqual([]);
  }, 60_000);
});
