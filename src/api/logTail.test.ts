import { describe, expect, it } from 'vitest';
import { FakeLogServer, line } from '../test/fakeLogServer';
import { ApiError } from './errors';
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
