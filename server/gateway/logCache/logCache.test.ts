/** The log cache against the plain simulator in-process: a faithful double of the Job log API. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogGatewayStatus, RawLog } from '../../../src/contract/index.ts';
import { testGateway, type TestGateway } from '../../testGateway.ts';
import type { ServerConfig } from '../../config.ts';
import { DEFAULT_LOG_CACHE } from './jobLog.ts';

let gw: TestGateway | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await gw?.stop();
  gw = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const settings = (patch: Partial<typeof DEFAULT_LOG_CACHE> = {}) => ({
  ...DEFAULT_LOG_CACHE,
  pollMs: 50,
  progressMs: 2_000,
  ...patch,
});

const start = async (config: Partial<ServerConfig> = {}) =>
  (gw = await testGateway({ config: { logSettings: settings(), ...config } }));

interface Page {
  status: number;
  ids: number[];
  last: number | null;
  gateway: LogGatewayStatus;
  job: { id: string; progress?: string } | null;
  body: { message?: string; payload?: { logs: RawLog[] } };
}

async function page(
  g: TestGateway,
  jobId: string,
  after = 0,
  query = '',
  headers: Record<string, string> = {},
): Promise<Page> {
  const res = await g.app.request(
    `/api/v1/job/${encodeURIComponent(jobId)}/details/${after}${query}`,
    { headers },
  );
  const body = (await res.json()) as Page['body'] & {
    gateway: LogGatewayStatus;
    payload?: { job: Page['job']; logs: RawLog[] };
  };
  const header = res.headers.get('X-Last-Log-Id');
  return {
    status: res.status,
    ids: body.payload?.logs.map((l) => l.id as number) ?? [],
    last: header === null ? null : Number(header),
    gateway: body.gateway,
    job: body.payload?.job ?? null,
    body,
  };
}

/** Reads the whole log as the app does: pages after the cursor until one brings nothing. */
async function readAll(g: TestGateway, jobId: string, headers: Record<string, string> = {}) {
  const ids: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const p = await page(g, jobId, ids.at(-1) ?? 0, '', headers);
    if (p.status !== 200) throw new Error(`${p.status} ${JSON.stringify(p.body)}`);
    expect(p.ids.length).toBeLessThanOrEqual(2_000);
    ids.push(...p.ids);
    if (p.ids.length === 0 && p.gateway.state !== 'reading') return { ids, last: p };
    if (p.ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the log never settled');
}

/** Every id the simulator holds for the job, straight from the upstream double (faults or not). */
async function truth(g: TestGateway, jobId: string): Promise<number[]> {
  const res = await g.sim.app.request(`/api/v1/job/${encodeURIComponent(jobId)}/details/0`);
  const body = (await res.json()) as { payload: { logs: RawLog[] } };
  const ids = body.payload.logs.flatMap((l) => (l.id === null ? [] : [Number(l.id)]));
  return [...new Set(ids)].sort((a, b) => a - b);
}

const createJob = (g: TestGateway, spec: Record<string, unknown>) =>
  g.demo<{ jobId: string }>('POST', '/__demo/jobs', { running: false, ...spec });

const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the log cache', () => {
  it('serves every line once and in id order, whatever the upstream sends', async () => {
    const g = await start();
    const job = await createJob(g, { historicalLogs: 5_000 });
    const expected = await truth(g, job.jobId);
    expect(expected).toHaveLength(5_000);
    await g.demo('PUT', '/__demo/faults', {
      logs: { shuffle: true, duplicates: true, nullRow: true },
    });
    const { ids, last } = await readAll(g, job.jobId);
    expect(ids).toEqual(expected);
    expect(last.last).toBe(expected.at(-1));
    expect(last.gateway).toMatchObject({ state: 'live', epoch: 0, logJobId: job.jobId });

    // Lines written later arrive after the cursor, still once and in order.
    await g.demo('POST', `/__demo/jobs/${job.jobId}/logs`, { count: 300 });
    const all = await truth(g, job.jobId);
    await until(async () => (await page(g, job.jobId, expected.at(-1))).ids.length === 300);
    expect((await readAll(g, job.jobId)).ids).toEqual(all);
  });

  it('costs the upstream one tail for five viewers', async () => {
    const g = await start({ logSettings: settings({ pollMs: 300 }) });
    const job = await createJob(g, { historicalLogs: 100 });
    const cache = g.runtime.logCache!;
    const held = (await readAll(g, job.jobId)).ids;
    const before = cache.upstreamReads.tail;
    const began = Date.now();
    let requests = 0;
    // Five viewers asking as fast as they can, while lines keep coming.
    const viewer = async () => {
      let cursor = held.at(-1)!;
      while (Date.now() - began < 1_200) {
        const p = await page(g, job.jobId, cursor);
        requests++;
        cursor = p.ids.at(-1) ?? cursor;
        // In-process requests never leave the microtask queue; a socket would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const appender = (async () => {
      while (Date.now() - began < 1_200) {
        await g.demo('POST', `/__demo/jobs/${job.jobId}/logs`, { count: 3 });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await Promise.all([viewer(), viewer(), viewer(), viewer(), viewer(), appender]);
    const elapsed = Date.now() - began;
    const reads = cache.upstreamReads.tail - before;
    expect(requests).toBeGreaterThan(10 * reads);
    // One read at a time, one per poll interval: never more, however many viewers ask.
    expect(reads).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);
    expect(reads).toBeGreaterThan(1);
    const expected = await truth(g, job.jobId);
    await until(async () => (await readAll(g, job.jobId)).ids.length === expected.length);
    expect((await readAll(g, job.jobId)).ids).toEqual(expected);
  });

  it('keeps serving what it holds, marked stale, while the upstream fails', async () => {
    const g = await start({ logSettings: settings({ confirmMs: 50 }) });
    const job = await createJob(g, { historicalLogs: 40 });
    const held = (await readAll(g, job.jobId)).ids;
    await g.demo('PUT', '/__demo/faults', { logs: { errorRate: 1 } });
    // Past the remembered confirmation, and past a failed read.
    await until(async () => (await page(g, job.jobId)).gateway.reason !== null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stale = await page(g, job.jobId);
    expect(stale.status).toBe(200);
    expect(stale.ids).toEqual(held);
    expect(stale.gateway).toMatchObject({ state: 'live' });
    expect(stale.gateway.reason).toMatch(/^The Job log API answered 500/);
    // A refusal is another matter: nothing is served to a credential the upstream refuses.
    await g.demo('PUT', '/__demo/faults', { logs: { errorRate: 0, token: 'needed-now' } });
    await until(async () => (await page(g, job.jobId)).status === 401);
    expect((await page(g, job.jobId)).ids).toEqual([]);
  });

  it('holds a poll until new lines arrive (long poll)', async () => {
    const g = await start();
    const job = await createJob(g, { historicalLogs: 10 });
    const { ids } = await readAll(g, job.jobId);
    const waiting = page(g, job.jobId, ids.at(-1), '?wait=5');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await g.demo('POST', `/__demo/jobs/${job.jobId}/logs`, { count: 2 });
    const answer = await waiting;
    expect(answer.ids).toHaveLength(2);
    expect(answer.gateway.longPoll).toBe(true);
    expect(answer.ids[0]).toBeGreaterThan(ids.at(-1)!);
  });

  it('stops reading after one final read once the job is over', async () => {
    const g = await start();
    const job = await createJob(g, { historicalLogs: 10 });
    const cache = g.runtime.logCache!;
    await readAll(g, job.jobId);
    await g.demo('POST', `/__demo/jobs/${job.jobId}/status`, { status: 'Completed' });
    await until(async () => (await page(g, job.jobId)).gateway.state === 'final');
    expect((await page(g, job.jobId)).job?.progress).toBe('COMPLETED');
    const reads = cache.upstreamReads.tail;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page(g, job.jobId);
    expect(cache.upstreamReads.tail).toBe(reads);
  });

  it('says when the log API has no log for a job, and asks again only when told', async () => {
    const g = await start();
    const cache = g.runtime.logCache!;
    const first = await page(g, 'no-such-job');
    expect(first.status).toBe(200);
    expect(first.job).toBeNull();
    expect(first.ids).toEqual([]);
    expect(first.last).toBeNull();
    expect(first.gateway).toMatchObject({
      state: 'missing',
      logJobId: 'no-such-job',
      reason: 'The Job log API has no log for this job (id no-such-job).',
    });
    const reads = cache.upstreamReads.tail;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await page(g, 'no-such-job')).gateway.state).toBe('missing');
    expect(cache.upstreamReads.tail).toBe(reads);
    expect((await page(g, 'no-such-job', 0, '?recheck=1')).gateway.state).toBe('missing');
    expect(cache.upstreamReads.tail).toBe(reads + 1);
  });

  it('finds a log under the id LOG_JOB_ID_FROM names', async () => {
    const g = await start({ logJobIdFrom: ['metadata', 'metadata', 'FuyukoJobId'] });
    const mapped = await createJob(g, { historicalLogs: 30, logJobId: 'fuyuko-77' });
    const plain = await createJob(g, { historicalLogs: 5 });
    await g.passes(2);
    const { ids, last } = await readAll(g, mapped.jobId);
    expect(ids).toEqual(await truth(g, 'fuyuko-77'));
    expect(ids).toHaveLength(30);
    expect(last.gateway.logJobId).toBe('fuyuko-77');
    const none = await page(g, plain.jobId);
    expect(none.gateway).toMatchObject({ state: 'missing', logJobId: null });
    expect(none.gateway.reason).toContain('metadata.metadata.FuyukoJobId');
    // The Jobs API's id means nothing to the log API when the job's log lives elsewhere.
    expect(await truth(g, mapped.jobId)).toEqual([]);
  });

  it("never serves one token's cached lines to a token the upstream refuses", async () => {
    const g = await start();
    const job = await createJob(g, { historicalLogs: 50, username: 'ana' });
    await g.demo('PUT', '/__demo/access', {
      tokens: { A: { username: 'ana', sees: 'own' }, B: { username: 'ben', sees: 'own' } },
    });
    const a = await readAll(g, job.jobId, { 'x-auth-jwt': 'A' });
    expect(a.ids).toHaveLength(50);
    const b = await page(g, job.jobId, 0, '', { 'x-auth-jwt': 'B' });
    expect(b.status).toBe(403);
    expect(b.ids).toEqual([]);
    expect(JSON.stringify(b.body)).not.toContain('"id"');
    const none = await page(g, job.jobId, 0, '', {});
    expect(none.status).toBe(401);
    expect(none.ids).toEqual([]);
    // A is still served, from the cache, with its confirmation remembered.
    const cache = g.runtime.logCache!;
    const reads = cache.upstreamReads.confirm;
    expect((await page(g, job.jobId, 0, '', { 'x-auth-jwt': 'A' })).ids).toHaveLength(50);
    expect(cache.upstreamReads.confirm).toBe(reads);
  });

  it('forgets what it held of a simulated world at each start and each reset', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jobscope-logs-'));
    dirs.push(dataDir);
    const sim = { seed: 5, jobs: 3, bigLogLines: 3_000 };
    let g = (gw = await testGateway({ sim, config: { dataDir, logSettings: settings() } }));
    const bigId = async () =>
      (await g.demo<{ bigLogJobId: string }>('GET', '/__demo/state')).bigLogJobId;
    const jobId = await bigId();
    expect((await readAll(g, jobId)).ids).toHaveLength(3_000);
    await g.stop();

    // The same seed makes the same job ids, but the new world's log is another one.
    g = gw = await testGateway({ sim, config: { dataDir, logSettings: settings() } });
    expect(g.runtime.logCache!.peek(jobId)).toBeUndefined();
    await g.demo('POST', `/__demo/jobs/${jobId}/logs`, { count: 100 });
    expect((await readAll(g, jobId)).ids).toEqual(await truth(g, jobId));

    await g.demo('POST', '/__demo/reset', { bigLogLines: 500 });
    await until(() => g.runtime.logCache!.peek(jobId) === undefined);
    const fresh = await bigId();
    expect((await readAll(g, fresh)).ids).toEqual(await truth(g, fresh));
    expect(await truth(g, fresh)).toHaveLength(500);
  });

  it('evicts whole jobs least recently viewed when over its cap, and reads them again', async () => {
    const g = await start({ logSettings: settings({ maxBytes: 600_000, viewTtlMs: 100 }) });
    const a = await createJob(g, { historicalLogs: 3_000, status: 'Completed' });
    const b = await createJob(g, { historicalLogs: 3_000 });
    const aIds = (await readAll(g, a.jobId)).ids;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await readAll(g, b.jobId);
    const cache = g.runtime.logCache!;
    await until(() => cache.peek(a.jobId) === undefined);
    // Read again from the upstream when viewed.
    expect((await readAll(g, a.jobId)).ids).toEqual(aIds);
  });
});
