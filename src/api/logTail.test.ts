import { QueryClient, QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setFetch } from './client';
import { ApiError } from './errors';
import { logTailOptions, type LogTailData } from './logs';
import { LogStore } from './logStore';
import {
  IDLE_POLL_INTERVAL_MS,
  MAX_ERROR_DELAY_MS,
  POLL_INTERVAL_MS,
  afterCatchUp,
  catchUp,
  errorDelay,
  initialTail,
  pollDelay,
  type CatchUpResult,
} from './logTail';
import type { LogLine } from './schemas';

function line(id: number): LogLine {
  return { id, level: 'INFO', message: `m${id}`, creationDate: null };
}

/** A Job log API in memory: pages of `cap`, `X-Last-Log-Id`, scripted failures. */
class FakeLogServer {
  lines: LogLine[] = [];
  progress = 'IN_PROGRESS';
  cap = 3;
  failNext = 0;
  cursors: number[] = [];

  add(...ids: number[]) {
    this.lines.push(...ids.map(line));
  }

  fetch = async (input: string): Promise<Response> => {
    const cursor = Number(/details\/(\d+)/.exec(input)?.[1]);
    this.cursors.push(cursor);
    if (this.failNext > 0) {
      this.failNext--;
      return new Response('{"message":"boom"}', { status: 503 });
    }
    const logs = this.lines.filter((l) => l.id > cursor).slice(0, this.cap);
    const body = { status: 'SUCCESS', message: '', payload: { job: this.job(), logs } };
    const last = this.lines[this.lines.length - 1];
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (last) headers['X-Last-Log-Id'] = String(last.id);
    return new Response(JSON.stringify(body), { status: 200, headers });
  };

  private job() {
    return { id: 'j1', name: 'Job', status: 'ENABLED', progress: this.progress };
  }
}

describe('tail state', () => {
  const ok: CatchUpResult = {
    added: 0,
    requests: 1,
    progress: 'IN_PROGRESS',
    jobFound: true,
    serverLastId: 5,
    caughtUp: true,
    error: null,
  };

  it('polls every 2 s, then backs off gradually to 10 s after a minute without lines', () => {
    let state = initialTail(0);
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
    state = afterCatchUp(state, ok, { now: 30_000, jobTerminal: false });
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
    const delays: number[] = [];
    for (let now = 60_000; now < 120_000; now += 5_000) {
      state = afterCatchUp(state, ok, { now, jobTerminal: false });
      delays.push(pollDelay(state) as number);
    }
    expect(delays[0]).toBe(3_000);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
    expect(delays[delays.length - 1]).toBe(IDLE_POLL_INTERVAL_MS);
    state = afterCatchUp(state, { ...ok, added: 4 }, { now: 130_000, jobTerminal: false });
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
  });

  it('backs off exponentially on errors to 30 s, and resets on success', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(errorDelay)).toEqual([
      1_000,
      2_000,
      4_000,
      8_000,
      16_000,
      MAX_ERROR_DELAY_MS,
      MAX_ERROR_DELAY_MS,
    ]);
    let state = initialTail(0);
    const failed = { ...ok, requests: 1, caughtUp: false, error: new Error('x') };
    state = afterCatchUp(state, failed, { now: 1, jobTerminal: false });
    state = afterCatchUp(state, failed, { now: 2, jobTerminal: false });
    expect(state.errorAttempt).toBe(2);
    expect(pollDelay(state)).toBe(2_000);
    state = afterCatchUp(state, ok, { now: 3, jobTerminal: false });
    expect(state.errorAttempt).toBe(0);
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
  });

  it('stops after one more catch-up once the log says the job is over', () => {
    let state = initialTail(0);
    state = afterCatchUp(state, ok, { now: 1, jobTerminal: false });
    state = afterCatchUp(state, { ...ok, progress: 'COMPLETED' }, { now: 2, jobTerminal: false });
    expect(state.done).toBe(false);
    state = afterCatchUp(state, { ...ok, progress: 'COMPLETED' }, { now: 3, jobTerminal: false });
    expect(state.done).toBe(true);
    expect(pollDelay(state)).toBe(false);
  });

  it('waits for the operator when a token was declined', () => {
    const unauthorized = new ApiError({
      api: 'logs',
      kind: 'unauthorized',
      status: 401,
      message: 'x',
    });
    const state = afterCatchUp(
      initialTail(0),
      { ...ok, error: unauthorized, caughtUp: false },
      { now: 1, jobTerminal: false },
    );
    expect(pollDelay(state)).toBe(false);
  });
});

describe('catchUp', () => {
  it('asks again at once while pages bring lines, each time after the highest id held', async () => {
    const server = new FakeLogServer();
    server.add(2, 5, 9, 14, 20, 31, 40);
    const store = new LogStore();
    const cursors: number[] = [];
    const result = await catchUp({
      store,
      fetchPage: async (after) => {
        cursors.push(after);
        const lines = server.lines.filter((l) => l.id > after).slice(0, 3);
        return { job: { progress: 'IN_PROGRESS' }, lines, lastLogIdHeader: null };
      },
    });
    expect(cursors).toEqual([0, 9, 31, 40]);
    expect(result).toMatchObject({ added: 7, requests: 4, caughtUp: true, error: null });
  });

  it('keeps the lines of earlier pages when a later request fails', async () => {
    const store = new LogStore();
    let calls = 0;
    const result = await catchUp({
      store,
      fetchPage: async () => {
        if (calls++ === 1) throw new Error('network');
        return { job: {}, lines: [line(1), line(2)], lastLogIdHeader: 10 };
      },
    });
    expect(store.size).toBe(2);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.caughtUp).toBe(false);
  });
});

describe('the tail on a fake clock', () => {
  let server: FakeLogServer;
  let client: QueryClient;
  let terminal = false;
  let unsubscribe: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeLogServer();
    setFetch(server.fetch);
    client = new QueryClient();
    client.mount();
    terminal = false;
  });

  afterEach(() => {
    unsubscribe?.();
    client.clear();
    client.unmount();
    setFetch(null);
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  function start() {
    const options = logTailOptions('j1', terminal);
    const observer = new QueryObserver(client, {
      ...options,
      enabled: (q) => !q.state.data?.tail.done,
    });
    unsubscribe = observer.subscribe(() => {});
  }

  const data = () => client.getQueryData<LogTailData>(['jobs', 'detail', 'j1', 'logs'])!;
  const held = () => {
    const ids: number[] = [];
    data().store.forEach(0, data().store.size, (l) => ids.push(l.id));
    return ids;
  };

  it('catches up at once, then polls every 2 s from the highest id held', async () => {
    server.add(3, 4, 8, 11, 12);
    start();
    await vi.advanceTimersByTimeAsync(10);
    expect(server.cursors).toEqual([0, 8]);
    expect(held()).toEqual([3, 4, 8, 11, 12]);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(server.cursors).toHaveLength(2);
    server.add(15);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.cursors).toEqual([0, 8, 12]);
    expect(held()).toEqual([3, 4, 8, 11, 12, 15]);
  });

  it('retries failures with growing delays and resumes from the highest id held', async () => {
    server.add(1, 2);
    start();
    await vi.advanceTimersByTimeAsync(10);
    server.failNext = 3;
    server.add(7);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(data().tail.errorAttempt).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(data().tail.errorAttempt).toBe(2);
    // The second failure came at 3 s, so the third request waits until 5 s.
    await vi.advanceTimersByTimeAsync(1_980);
    expect(data().tail.errorAttempt).toBe(2);
    await vi.advanceTimersByTimeAsync(20);
    expect(data().tail.errorAttempt).toBe(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(data().tail.errorAttempt).toBe(0);
    expect(held()).toEqual([1, 2, 7]);
    expect(server.cursors.slice(-4)).toEqual([2, 2, 2, 2]);
  });

  it('makes one final request after the job ends, then none', async () => {
    server.add(1);
    start();
    await vi.advanceTimersByTimeAsync(10);
    server.add(2);
    server.progress = 'COMPLETED';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(data().tail.done).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(data().tail.done).toBe(true);
    const count = server.cursors.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.cursors).toHaveLength(count);
    expect(held()).toEqual([1, 2]);
  });

  it('stops after one catch-up when the Jobs API already says the job is over', async () => {
    server.add(1, 2, 3, 4);
    terminal = true;
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.cursors).toEqual([0, 3]);
    expect(data().tail.done).toBe(true);
  });

  it('asks nothing while the tab is hidden and catches up when it returns', async () => {
    server.add(1);
    start();
    await vi.advanceTimersByTimeAsync(10);
    focusManager.setFocused(false);
    server.add(2, 3);
    const count = server.cursors.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.cursors).toHaveLength(count);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(server.cursors.slice(count)).toEqual([1]);
    expect(held()).toEqual([1, 2, 3]);
  });
});
