/**
 * What the cache may claim is complete, against a scripted upstream: lines that come out of
 * order, a line that arrives below what was already served, a restart in the middle of a read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogGatewayStatus } from '../../../src/contract/index.ts';
import { openStore, type Store } from '../../store/database.ts';
import { LogLineStore } from '../../store/logLines.ts';
import type { Upstream } from '../upstream.ts';
import { LogCache } from './cache.ts';
import { DEFAULT_LOG_CACHE } from './jobLog.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const encoder = new TextEncoder();

interface Script {
  /** The ids the upstream holds, in the order it sends them. */
  order: number[];
  /** A pause after each chunk of this many rows (ms), to stretch a read out. */
  pauseEvery?: { rows: number; ms: number };
  /** A pause before the answer's first byte (ms). */
  firstByteMs?: number;
  progress?: string;
}

/** A Job log API that sends `order` (filtered by the cursor) as a stream. */
function scripted(
  script: Script,
  token?: string,
): Upstream & { asked: number[]; auth: (string | null)[] } {
  const asked: number[] = [];
  const auth: (string | null)[] = [];
  return {
    api: 'logs',
    base: new URL('http://upstream.test'),
    token,
    asked,
    auth,
    fetch(request) {
      const after = Number(new URL(request.url).pathname.split('/').at(-1));
      asked.push(after);
      auth.push(request.headers.get('x-auth-jwt'));
      const rows = script.order.filter((id) => id > after);
      const job = { id: 'job-1', progress: script.progress ?? 'IN_PROGRESS' };
      return new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            if (script.firstByteMs) await sleep(script.firstByteMs);
            const head = JSON.stringify({ status: 'SUCCESS', payload: { job, logs: [] } });
            controller.enqueue(encoder.encode(head.slice(0, -3)));
            for (let i = 0; i < rows.length; i++) {
              const row = { id: rows[i], level: 'INFO', message: `line ${rows[i]}` };
              controller.enqueue(encoder.encode((i ? ',' : '') + JSON.stringify(row)));
              if (script.pauseEvery && (i + 1) % script.pauseEvery.rows === 0) {
                await sleep(script.pauseEvery.ms);
              }
            }
            controller.enqueue(encoder.encode(']}}'));
            controller.close();
          },
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    },
  };
}

const dirs: string[] = [];
const stores: Store[] = [];
const caches: LogCache[] = [];
afterEach(async () => {
  for (const cache of caches.splice(0)) await cache.stop();
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function cacheOver(upstream: Upstream, dir?: string) {
  const dataDir = dir ?? mkdtempSync(path.join(tmpdir(), 'jobscope-complete-'));
  if (!dir) dirs.push(dataDir);
  const store = await openStore(dataDir);
  stores.push(store);
  const cache = new LogCache({
    store: new LogLineStore(store),
    upstream,
    settings: { ...DEFAULT_LOG_CACHE, pollMs: 30, batchLines: 100 },
    secrets: [],
    resolveLogId: async (jobId) => ({ id: jobId }),
  });
  caches.push(cache);
  const app = new Hono();
  app.get('/api/v1/job/:jobId/details/:after', (c) =>
    cache.handle(c, c.req.param('jobId'), c.req.param('after')),
  );
  return { cache, app, dataDir, store };
}

async function page(app: Hono, after: number) {
  const res = await app.request(`/api/v1/job/job-1/details/${after}`);
  const body = (await res.json()) as {
    payload: { logs: { id: number }[] };
    gateway: LogGatewayStatus;
  };
  return { ids: body.payload.logs.map((l) => l.id), gateway: body.gateway };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('completeness', () => {
  it('serves nothing of an unsorted read until it ends', async () => {
    const order = range(1, 1_000).reverse();
    const upstream = scripted({ order, pauseEvery: { rows: 100, ms: 20 } });
    const { app, cache } = await cacheOver(upstream);
    const first = page(app, 0);
    while (!cache.peek('job-1')?.reading || cache.peek('job-1')!.reading!.lines < 300) {
      await sleep(5);
    }
    // Disorder showed in the first batch: nothing counts as complete before the read ends.
    expect(cache.peek('job-1')!.row.served_to).toBe(0);
    const all = (await first).ids;
    expect(all).toEqual(range(1, 1_000));
  });

  it('bumps the epoch when a line arrives below what was already served', async () => {
    // Ascending, but line 150 comes last: pages up to 1,000 were served before it arrived.
    const order = [...range(1, 1_000).filter((id) => id !== 150), 150];
    // About a second of reading: the first answer (after 300 ms) comes while it goes on.
    const upstream = scripted({ order, pauseEvery: { rows: 100, ms: 100 } });
    const { app, cache } = await cacheOver(upstream);
    const first = await page(app, 0);
    expect(first.gateway.state).toBe('reading');
    expect(first.gateway.epoch).toBe(0);
    expect(first.ids.length).toBeGreaterThan(0);
    expect(first.ids).not.toContain(150);
    await cache.peek('job-1')!.settled();
    const after = await page(app, 0);
    expect(after.gateway.epoch).toBe(1);
    expect(after.ids).toContain(150);
  });

  it('answers a first viewer with lines even when the upstream takes seconds to start', async () => {
    const upstream = scripted({ order: range(1, 50), firstByteMs: 6_000 });
    const { app } = await cacheOver(upstream);
    const first = await page(app, 0);
    expect(first.ids).toEqual(range(1, 50));
  }, 20_000);

  it("reads with the server's token, never a browser's", async () => {
    const upstream = scripted({ order: range(1, 10) }, 'server-token-1');
    const { app } = await cacheOver(upstream);
    const res = await app.request('/api/v1/job/job-1/details/0', {
      headers: { 'x-auth-jwt': 'browser-token' },
    });
    expect(res.status).toBe(200);
    expect(upstream.auth.length).toBeGreaterThan(0);
    expect(new Set(upstream.auth)).toEqual(new Set(['server-token-1']));
  });

  it('serves what it held at once after a restart, and reads on after it', async () => {
    const upstream = scripted({ order: range(1, 500), progress: 'IN_PROGRESS' });
    const first = await cacheOver(upstream);
    expect((await page(first.app, 0)).ids).toEqual(range(1, 500));
    await first.cache.stop();

    const second = await cacheOver(upstream, first.dataDir);
    const asked = upstream.asked.length;
    expect((await page(second.app, 0)).ids).toEqual(range(1, 500));
    // The read that confirmed the credential asked only after what was held.
    expect(upstream.asked.slice(asked)).toEqual([500]);
  });

  it('resumes after a restart in the middle of a read, no line lost or doubled', async () => {
    const order = range(1, 3_000);
    const upstream = scripted({ order, pauseEvery: { rows: 100, ms: 20 } });
    const first = await cacheOver(upstream);
    await page(first.app, 0);
    const log = first.cache.peek('job-1')!;
    while (log.row.served_to < 500) await sleep(10);
    await first.cache.stop();
    const heldAt = log.row.served_to;
    expect(heldAt).toBeLessThan(3_000);

    const second = await cacheOver(upstream, first.dataDir);
    const asked = upstream.asked.length;
    const resumed = await page(second.app, 0);
    expect(resumed.ids[0]).toBe(1);
    expect(upstream.asked[asked]).toBe(heldAt);
    await second.cache.peek('job-1')!.settled();
    const all: number[] = [];
    for (let p = await page(second.app, 0); p.ids.length; p = await page(second.app, all.at(-1)!)) {
      all.push(...p.ids);
    }
    expect(all).toEqual(order);
    expect(second.cache.peek('job-1')!.row.lines).toBe(3_000);
  });
});
