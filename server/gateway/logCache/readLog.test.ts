/** One streaming read of the Job log API: progress timeouts, bad answers, a million lines. */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredLine } from '../../store/logLines.ts';
import { testGateway, type TestGateway } from '../../testGateway.ts';
import type { Upstream } from '../upstream.ts';
import { DEFAULT_LOG_CACHE } from './jobLog.ts';
import { readLog, type ReadLogCall } from './readLog.ts';

const encoder = new TextEncoder();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An upstream that answers with `chunks`, waiting `gaps[i]` ms before chunk i. */
function trickling(chunks: string[], gaps: number[], status = 200, type = 'application/json') {
  const upstream: Upstream = {
    api: 'logs',
    base: new URL('http://upstream.test'),
    token: undefined,
    fetch: () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            for (const [i, chunk] of chunks.entries()) {
              await sleep(gaps[i] ?? 0);
              controller.enqueue(encoder.encode(chunk));
            }
            controller.close();
          },
        }),
        { status, headers: { 'Content-Type': type } },
      ),
  };
  return upstream;
}

function call(patch: Partial<ReadLogCall> = {}) {
  const lines: StoredLine[] = [];
  return {
    lines,
    call: {
      logJobId: 'job-1',
      after: 0,
      auth: undefined,
      progressMs: 300,
      batchLines: 2,
      secrets: ['s3cret-token'],
      onLines: (batch: StoredLine[]) => void lines.push(...batch),
      ...patch,
    } satisfies ReadLogCall,
  };
}

const answer = (logs: unknown[]) =>
  JSON.stringify({ status: 'SUCCESS', message: 'ok', payload: { job: { id: 'job-1' }, logs } });

describe('readLog', () => {
  it('limits the time between bytes, not the whole answer', async () => {
    const body = answer([1, 2, 3, 4, 5].map((id) => ({ id, level: 'INFO', message: `m${id}` })));
    const chunks = body.match(/.{1,20}/gs)!;
    const { call: c, lines } = call();
    // Each gap is under the 300 ms limit; together they take several times as long.
    const outcome = await readLog(
      trickling(
        chunks,
        chunks.map(() => 120),
      ),
      c,
    );
    expect(chunks.length * 120).toBeGreaterThan(3 * 300);
    expect(outcome).toMatchObject({ ok: true, lines: 5, job: { id: 'job-1' } });
    expect(lines.map((l) => l.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fails when the upstream sends nothing for the progress limit', async () => {
    const body = answer([{ id: 1, level: 'INFO', message: 'one' }]);
    const { call: c } = call();
    const outcome = await readLog(trickling([body.slice(0, 30), body.slice(30)], [0, 700]), c);
    expect(outcome).toEqual({
      ok: false,
      status: 504,
      message: 'The Job log API sent nothing for 0.3 s.',
    });
  });

  it('refuses a cut-short answer, one that is not JSON, and one without an envelope', async () => {
    const body = answer([{ id: 1, level: 'INFO', message: 'one' }]);
    for (const upstream of [
      trickling([body.slice(0, body.length - 5)], [0]),
      trickling(['<html>hi</html>'], [0], 200, 'text/html'),
      trickling([JSON.stringify({ payload: { job: null, logs: [] } })], [0]),
    ]) {
      const outcome = await readLog(upstream, call().call);
      expect(outcome).toMatchObject({ ok: false, status: 502 });
      expect(!outcome.ok && outcome.message).toMatch(/cannot read/);
    }
  });

  it("passes the upstream's refusal on, scrubbed of the token", async () => {
    const refusal = JSON.stringify({
      errors: [{ msg: 'Invalid token s3cret-token', location: 'Security' }],
    });
    const outcome = await readLog(trickling([refusal], [0], 401), call().call);
    expect(outcome).toEqual({
      ok: false,
      status: 401,
      message: 'The Job log API answered 401: Invalid token [token].',
    });
  });

  it('reads rows of any id form, skips the all-null row and counts what is not a line', async () => {
    const body = answer([
      { id: null, level: null, message: null, creationDate: null, lastUpdate: null },
      { id: '7', level: 'WARN', message: 42 },
      { id: 9, level: 'INFO', message: 'nine', creationDate: '2026-11-29T00:00:00Z' },
      ['not', 'a', 'row'],
      { id: -3, level: 'INFO', message: 'bad id' },
    ]);
    const { call: c, lines } = call();
    const outcome = await readLog(trickling([body], [0]), c);
    expect(outcome).toMatchObject({ ok: true, lines: 2, skipped: 2 });
    expect(lines).toEqual([
      { id: 7, level: 'WARN', message: '42', creationDate: null, lastUpdate: null },
      {
        id: 9,
        level: 'INFO',
        message: 'nine',
        creationDate: '2026-11-29T00:00:00Z',
        lastUpdate: null,
      },
    ]);
  });
});

describe('the first read of a 1,000,000-line answer', () => {
  let gw: TestGateway | undefined;
  afterEach(async () => {
    await gw?.stop();
    gw = undefined;
  });

  // Not timed: it checks what the read holds in memory, and that every line arrives.
  it('is stored in batches with bounded memory, first lines served before it ends', async () => {
    const g = (gw = await testGateway({
      sim: { jobs: 3, bigLogLines: 10 },
      config: { logSettings: { ...DEFAULT_LOG_CACHE, pollMs: 1_000, progressMs: 30_000 } },
    }));
    const job = await g.demo<{ jobId: string }>('POST', '/__demo/jobs', {
      running: false,
      historicalLogs: 1_000_000,
    });
    globalThis.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const first = await g.app.request(`/api/v1/job/${job.jobId}/details/0`);
      const body = (await first.json()) as {
        payload: { logs: { id: number }[] };
        gateway: { state: string; linesRead: number | null };
      };
      // The first answer comes while the read goes on, with the lines stored so far.
      expect(body.gateway.state).toBe('reading');
      expect(body.payload.logs.length).toBeGreaterThan(0);
      const cache = g.runtime.logCache!;
      await cache.peek(job.jobId)!.settled();
      const row = cache.peek(job.jobId)!.row;
      expect(row.lines).toBe(1_000_000);
      const tail = await g.app.request(`/api/v1/job/${job.jobId}/details/${row.served_to - 1}`);
      expect(((await tail.json()) as { payload: { logs: unknown[] } }).payload.logs).toHaveLength(
        1,
      );
    } finally {
      clearInterval(sampler);
    }
    const grewMb = (peak - base) / 1024 / 1024;
    console.log(`1,000,000-line read: resident memory grew by ${grewMb.toFixed(0)} MB`);
    // The answer is ~190 MB of JSON; reading it whole would hold that and its parse, ~600 MB.
    expect(grewMb).toBeLessThan(250);
  }, 180_000);
});
