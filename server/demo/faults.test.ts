import { describe, expect, it } from 'vitest';
import {
  bsonJobSchema,
  jobListSchema,
  logEnvelopeSchema,
  type RawLog,
  type WorkflowJob,
} from '../../src/contract/index.ts';
import { testSim, type TestSim } from './testSim.ts';

const setFaults = async (s: TestSim, patch: unknown) => {
  const res = await s.send('PUT', '/__demo/faults', patch);
  expect(res.status).toBe(200);
};
const logs = async (s: TestSim, jobId: string, after = 0) =>
  (await s.json<{ payload: { logs: RawLog[] } }>(`/api/v1/job/${jobId}/details/${after}`)).payload
    .logs;

describe('faults', () => {
  it('echoRequest quotes the request, credentials included, in error answers only', async () => {
    const s = testSim();
    await setFaults(s, {
      jobs: { errorRate: 1, echoRequest: true },
      logs: { token: 'log-secret', echoRequest: true },
    });
    const jobs = await s.request('/jobs/v1/', { headers: { Authorization: 'Bearer jobs-secret' } });
    expect(await jobs.json()).toMatchObject({
      message: 'Simulated failure (the request was sent with Bearer jobs-secret)',
      error: 'Internal Server Error',
      request: {
        method: 'GET',
        path: '/jobs/v1/',
        headers: { authorization: 'Bearer jobs-secret' },
      },
    });
    const refused = await s.request('/api/v1/job/x/details', {
      headers: { 'x-auth-jwt': 'wrong' },
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      errors: [
        { msg: 'Invalid or missing token (the request was sent with wrong)', location: 'Security' },
      ],
      request: { headers: { 'x-auth-jwt': 'wrong' } },
    });
    const ok = await s.request('/api/v1/job/x/details', {
      headers: { 'x-auth-jwt': 'log-secret' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain('log-secret');
  });

  // Tokens each encoding writes differently: `"` and `\` for JSON, `/` for `\/`, `+` for URLs.
  const tokens = [
    // Raw on the wire (JSON leaves it alone), `\/`-escaped, URL-encoded.
    ['tok/en+plain-1', ['tok/en+plain-1', 'tok\\/en+plain-1', 'tok%2Fen%2Bplain-1']],
    // JSON-escaped, JSON- and `\/`-escaped, URL-encoded.
    [
      'tok"en\\quoted/2',
      ['tok\\"en\\\\quoted/2', 'tok\\"en\\\\quoted\\/2', 'tok%22en%5Cquoted%2F2'],
    ],
  ] as const;

  it.each([
    ['jobs', '/jobs/v1/bson/x', 'authorization', 'Bearer '],
    ['logs', '/api/v1/job/x/details', 'x-auth-jwt', ''],
  ] as const)(
    'echoRequest writes the %s credential in every form a body can carry it',
    async (api, path, header, prefix) => {
      const s = testSim();
      await setFaults(s, { [api]: { errorRate: 1, echoRequest: true } });
      for (const [token, forms] of tokens) {
        const credential = `${prefix}${token}`;
        const res = await s.request(path, { headers: { [header]: credential } });
        expect(res.status).toBe(500);
        expect(res.headers.get('content-type')).toContain('application/json');
        const text = await res.text();
        for (const form of forms) expect(text).toContain(form);
        // Still one JSON document, every copy decoding to the credential as sent.
        const body = JSON.parse(text) as {
          message?: string;
          errors?: { msg: string }[];
          request: { headers: Record<string, string>; query: string };
          debug: Record<string, string>;
        };
        expect(body.message ?? body.errors?.[0]?.msg).toBe(
          `Simulated failure (the request was sent with ${credential})`,
        );
        expect(body.request.headers[header]).toBe(credential);
        expect(body.debug[header]).toBe(credential);
        expect(new URLSearchParams(body.request.query).get(header)).toBe(credential);
      }
    },
  );

  it("errorRate fails that share of requests with errorStatus in the API's error shape", async () => {
    const s = testSim();
    await setFaults(s, { jobs: { errorRate: 1, errorStatus: 503 }, logs: { errorRate: 1 } });
    const jobs = await s.request('/jobs/v1/');
    expect(jobs.status).toBe(503);
    expect(await jobs.json()).toMatchObject({
      message: expect.any(String),
      error: 'Service Unavailable',
    });
    const log = await s.request('/api/v1/job/x/details');
    expect(log.status).toBe(500);
    expect(await log.json()).toMatchObject({ errors: [{ msg: expect.any(String) }] });
    // Control routes are never affected.
    expect((await s.request('/__demo/state')).status).toBe(200);

    await setFaults(s, { jobs: { errorRate: 0.5 } });
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) statuses.add((await s.request('/jobs/v1/')).status);
    expect([...statuses].sort()).toEqual([200, 503]);
    await s.send('DELETE', '/__demo/faults');
    expect((await s.request('/jobs/v1/')).status).toBe(200);
  });

  it('decides the same way for the same seed', async () => {
    const run = async () => {
      const s = testSim({ seed: 3 });
      await setFaults(s, { jobs: { errorRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await s.request('/jobs/v1/')).status);
      return out;
    };
    expect(await run()).toEqual(await run());
  });

  it('latencyMs delays answers', async () => {
    const s = testSim();
    await setFaults(s, { logs: { latencyMs: 60 } });
    const started = performance.now();
    expect((await s.request('/api/v1/job/x/details')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('malformedRate answers 200 with truncated JSON', async () => {
    const s = testSim();
    await setFaults(s, { jobs: { malformedRate: 1 }, logs: { malformedRate: 1 } });
    for (const path of ['/jobs/v1/', '/api/v1/job/x/details']) {
      const res = await s.request(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text.length).toBeGreaterThan(0);
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it('schemaRate answers well-formed JSON that breaks the schema', async () => {
    const s = testSim();
    const [job] = await s.json<WorkflowJob[]>('/jobs/v1/?limit=1');
    await setFaults(s, { jobs: { schemaRate: 1 }, logs: { schemaRate: 1 } });
    const parse = async (path: string) => (await s.request(path)).json();
    expect(jobListSchema.safeParse(await parse('/jobs/v1/')).success).toBe(false);
    expect(bsonJobSchema.safeParse(await parse(`/jobs/v1/bson/${job?.jobId}`)).success).toBe(false);
    const envelope = await parse(`/api/v1/job/${job?.jobId}/details`);
    expect(logEnvelopeSchema.safeParse(envelope).success).toBe(false);
  });

  it("token requires the API's auth header, else 401 with its 401 body; null clears", async () => {
    const s = testSim();
    await setFaults(s, { jobs: { token: 'j-secret' }, logs: { token: 'l-secret' } });
    const jobs = await s.request('/jobs/v1/');
    expect(jobs.status).toBe(401);
    expect(await jobs.json()).toMatchObject({ error: 'Unauthorized', message: expect.any(String) });
    const wrong = await s.request('/jobs/v1/', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const ok = await s.request('/jobs/v1/', { headers: { authorization: 'Bearer j-secret' } });
    expect(ok.status).toBe(200);
    const log = await s.request('/api/v1/job/x/details');
    expect(log.status).toBe(401);
    expect(await log.json()).toMatchObject({ errors: [{ location: 'Security' }] });
    expect(
      (await s.request('/api/v1/job/x/details', { headers: { 'x-auth-jwt': 'l-secret' } })).status,
    ).toBe(200);
    await setFaults(s, { jobs: { token: null } });
    expect((await s.request('/jobs/v1/')).status).toBe(200);
    expect((await s.request('/api/v1/job/x/details')).status).toBe(401);
  });

  it('scopes faults to one job when jobId is given', async () => {
    const s = testSim();
    const a = await s.createJob({ running: false });
    const b = await s.createJob({ running: false });
    await setFaults(s, {
      jobId: a.metadata.clientJobId,
      jobs: { errorRate: 1 },
      logs: { errorRate: 1 },
    });
    expect((await s.request(`/jobs/v1/bson/${a.jobId}`)).status).toBe(500);
    expect((await s.request(`/jobs/v1/${a.metadata.clientJobId}`)).status).toBe(500);
    expect((await s.request(`/api/v1/job/${a.jobId}/details`)).status).toBe(500);
    expect((await s.request(`/jobs/v1/bson/${b.jobId}`)).status).toBe(200);
    expect((await s.request(`/api/v1/job/${b.jobId}/details`)).status).toBe(200);
    expect((await s.request('/jobs/v1/')).status).toBe(200);
    const state = await s.json<{ faults: { byJob: Record<string, unknown> } }>('/__demo/state');
    expect(Object.keys(state.faults.byJob)).toEqual([a.jobId]);
  });

  it('bson switches between the documented array and a bare object', async () => {
    const s = testSim();
    const [job] = await s.json<WorkflowJob[]>('/jobs/v1/?limit=1');
    await setFaults(s, { jobs: { bson: 'object' } });
    expect(await s.json(`/jobs/v1/bson/${job?.jobId}`)).toEqual(job);
    await setFaults(s, { jobs: { bson: 'array' } });
    expect(await s.json(`/jobs/v1/bson/${job?.jobId}`)).toEqual([job]);
  });

  it('duplicates repeats logs already sent, shuffle reorders, nullRow adds a null row', async () => {
    const s = testSim();
    const job = await s.createJob({ running: false, historicalLogs: 50 });
    const clean = await logs(s, job.jobId);
    const cursor = clean[29]?.id as number;
    await setFaults(s, { logs: { duplicates: true } });
    const dup = await logs(s, job.jobId, cursor);
    const ids = dup.map((l) => l.id as number);
    expect(ids.some((id) => id <= cursor)).toBe(true);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(new Set(ids)).toEqual(
      new Set([...ids.filter((id) => id <= cursor), ...clean.slice(30).map((l) => l.id)]),
    );

    await s.send('DELETE', '/__demo/faults');
    await setFaults(s, { logs: { shuffle: true } });
    const shuffled = await logs(s, job.jobId);
    expect(shuffled.map((l) => l.id)).not.toEqual(clean.map((l) => l.id));
    expect([...shuffled].sort((x, y) => (x.id as number) - (y.id as number))).toEqual(clean);

    await setFaults(s, { logs: { shuffle: false, nullRow: true } });
    const withNull = await logs(s, job.jobId);
    expect(withNull).toHaveLength(51);
    expect(withNull.filter((l) => l.id === null)).toEqual([
      { id: null, level: null, message: null, creationDate: null, lastUpdate: null },
    ]);
  });

  it("envelope: messages switches to the newer server's envelope", async () => {
    const s = testSim();
    const job = await s.createJob({ running: false, historicalLogs: 2 });
    await setFaults(s, { logs: { envelope: 'messages' } });
    const body = await s.json<Record<string, unknown>>(`/api/v1/job/${job.jobId}/details`);
    expect(body).not.toHaveProperty('status');
    expect(body.messages).toEqual([{ status: 'SUCCESS', message: expect.any(String) }]);
    expect(logEnvelopeSchema.safeParse(body).success).toBe(true);
  });
});
