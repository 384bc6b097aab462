import { describe, expect, it } from 'vitest';
import { FakeLogServer, gatewayStatus } from '../../../test/fakeLogServer';
import { testLine } from '../testLines';
import { ApiError } from '../../../api/errors';
import { LogStore } from '../store/LogStore';
import {
  IDLE_POLL_INTERVAL_MS,
  LONG_POLL_GAP_MS,
  LONG_POLL_WAIT_SECONDS,
  MAX_ERROR_DELAY_MS,
  POLL_INTERVAL_MS,
  READING_POLL_MS,
  afterCatchUp,
  errorDelay,
  firstRequest,
  initialTail,
  pollDelay,
  requestRecheck,
  type PageRequest,
  type TailState,
} from './tailPolicy';
import { catchUp, type CatchUpResult } from './catchUp';
import { MAX_LOG_WAIT_SECONDS } from '../../../contract';

/** A caught-up answer without a gateway status. */
const ok: CatchUpResult = {
  added: 0,
  requests: 1,
  progress: 'IN_PROGRESS',
  jobFound: true,
  serverLastId: 5,
  caughtUp: true,
  error: null,
  gateway: null,
  longPoll: false,
  epoch: null,
  epochChanged: false,
};

describe('tail state', () => {
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
        const lines = server.lines
          .filter((l) => l.id > after)
          .slice(0, 3)
          .map((l) => testLine(l.id));
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
        return { job: {}, lines: [testLine(1), testLine(2)], lastLogIdHeader: 10 };
      },
    });
    expect(store.size).toBe(2);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.caughtUp).toBe(false);
  });
});

describe('behind the gateway', () => {
  const live = gatewayStatus();
  const answer: CatchUpResult = { ...ok, gateway: live, epoch: 1 };
  const held: CatchUpResult = { ...answer, gateway: { ...live, longPoll: true }, longPoll: true };
  const open = { jobTerminal: false };
  const after = (state: TailState, result: CatchUpResult, now: number) =>
    afterCatchUp(state, result, { now, jobTerminal: false });

  it('asks the next poll to wait once a live gateway answered caught up, then polls again at once', () => {
    expect(LONG_POLL_WAIT_SECONDS).toBeLessThanOrEqual(MAX_LOG_WAIT_SECONDS);
    let state = after(initialTail(0), answer, 10);
    // Not held yet: the usual pause, but the next poll's first request waits.
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
    expect(firstRequest(state, open)).toEqual({ waitSeconds: LONG_POLL_WAIT_SECONDS });
    state = after(state, held, 8_000);
    expect(pollDelay(state)).toBe(LONG_POLL_GAP_MS);
    expect(firstRequest(state, open)).toEqual({ waitSeconds: LONG_POLL_WAIT_SECONDS });
    // Held polls without lines for minutes: no idle growth, the gateway's wait paces the loop.
    for (let now = 16_000; now <= 300_000; now += 8_000) state = after(state, held, now);
    expect(pollDelay(state)).toBe(LONG_POLL_GAP_MS);
    expect(state.interval).toBe(POLL_INTERVAL_MS);
  });

  it('falls back to the interval and idle growth when the gateway answers at once', () => {
    let state = after(initialTail(0), held, 10);
    expect(pollDelay(state)).toBe(LONG_POLL_GAP_MS);
    state = after(state, answer, 70_000);
    expect(pollDelay(state)).toBe(3_000);
    // Without a gateway status: no wait, as without the gateway.
    state = after(state, { ...answer, gateway: null }, 75_000);
    expect(firstRequest(state, open)).toEqual({});
    expect(pollDelay(state)).toBe(4_500);
  });

  it('does not wait after an error, a cut-short catch-up, a backfill or the end', () => {
    const base = after(initialTail(0), held, 10);
    const cases: [TailState, number | false][] = [
      [after(base, { ...held, error: new Error('x'), caughtUp: false }, 20), 1_000],
      [after(base, { ...held, caughtUp: false }, 20), POLL_INTERVAL_MS],
      [afterCatchUp(base, held, { now: 20, jobTerminal: false, backfilling: true }), 50],
      [after(base, { ...held, progress: 'COMPLETED' }, 20), POLL_INTERVAL_MS],
      [after(base, { ...held, gateway: { ...live, state: 'final' } }, 20), POLL_INTERVAL_MS],
    ];
    for (const [state, delay] of cases) {
      expect(firstRequest(state, open)).toEqual({});
      expect(pollDelay(state)).toBe(delay);
    }
    // The Jobs API says the job is over: the final catch-up asks without waiting.
    expect(firstRequest(base, { jobTerminal: true })).toEqual({});
  });

  it('keeps polling every 500 ms while the gateway reads the log, whatever the progress', () => {
    const reading: CatchUpResult = {
      ...answer,
      progress: 'COMPLETED',
      gateway: { ...live, state: 'reading', linesRead: 340_000 },
    };
    let state = initialTail(0);
    for (let now = 0; now <= 120_000; now += 2_000) {
      state = afterCatchUp(state, reading, { now, jobTerminal: true });
    }
    expect(state.done).toBe(false);
    expect(pollDelay(state)).toBe(READING_POLL_MS);
    expect(firstRequest(state, open)).toEqual({});
    state = afterCatchUp(
      state,
      { ...reading, gateway: { ...live, state: 'final' } },
      {
        now: 122_000,
        jobTerminal: true,
      },
    );
    expect(state.done).toBe(true);
  });

  it('behind the gateway, completes only once the gateway has made its final read', () => {
    // The Jobs API reports the end before the gateway's last read of the Job log API.
    let state = after(initialTail(0), answer, 10);
    state = afterCatchUp(
      state,
      { ...answer, progress: 'COMPLETED' },
      { now: 20, jobTerminal: true },
    );
    expect(state.done).toBe(false);
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
    state = afterCatchUp(
      state,
      { ...answer, progress: 'COMPLETED', gateway: { ...live, state: 'final' } },
      { now: 2_020, jobTerminal: true },
    );
    expect(state.done).toBe(true);
    // Without the gateway, the final catch-up is enough.
    const plain = afterCatchUp(
      after(initialTail(0), { ...answer, gateway: null }, 10),
      { ...answer, gateway: null },
      { now: 20, jobTerminal: true },
    );
    expect(plain.done).toBe(true);
  });

  it('stops on a missing log until the operator asks again, then resumes', () => {
    const missing: CatchUpResult = {
      ...answer,
      jobFound: false,
      progress: null,
      serverLastId: null,
      gateway: { ...live, state: 'missing', reason: 'no such job' },
    };
    let state = after(initialTail(0), missing, 10);
    expect(state.done).toBe(true);
    expect(pollDelay(state)).toBe(false);
    state = requestRecheck(state);
    expect(state.done).toBe(false);
    expect(firstRequest(state, open)).toEqual<PageRequest>({ recheck: true });
    // A failed recheck is retried as a recheck.
    state = after(state, { ...missing, error: new Error('x'), caughtUp: false }, 20);
    expect(state.done).toBe(false);
    expect(firstRequest(state, open)).toEqual({ recheck: true });
    state = after(state, missing, 1_100);
    expect(state.done).toBe(true);
    state = after(requestRecheck(state), answer, 2_000);
    expect(state).toMatchObject({ done: false, recheck: false, jobFound: true });
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
  });

  it('without a gateway, an unknown job keeps being polled as before', () => {
    const unknown = { ...answer, jobFound: false, gateway: null };
    const state = after(initialTail(0), unknown, 10);
    expect(state.done).toBe(false);
    expect(pollDelay(state)).toBe(POLL_INTERVAL_MS);
  });
});

describe('catchUp behind the gateway', () => {
  it('sends the first request options with the first request only', async () => {
    const server = new FakeLogServer();
    server.add(1, 2, 3, 4, 5);
    const requests: (PageRequest | undefined)[] = [];
    const result = await catchUp({
      store: new LogStore(),
      first: { waitSeconds: 8 },
      fetchPage: async (after, _signal, request) => {
        requests.push(request);
        const lines = server.lines
          .filter((l) => l.id > after)
          .slice(0, 2)
          .map((l) => testLine(l.id));
        return { job: {}, lines, lastLogIdHeader: 5, gateway: gatewayStatus({ longPoll: true }) };
      },
    });
    expect(requests).toEqual([{ waitSeconds: 8 }, undefined, undefined]);
    expect(result).toMatchObject({ added: 5, longPoll: true, epoch: 1, epochChanged: false });
  });

  it('stops without taking a page of another epoch than the lines held', async () => {
    const store = new LogStore();
    store.append([testLine(1), testLine(2)]);
    let epoch = 1;
    const result = await catchUp({
      store,
      epoch: 1,
      fetchPage: async (after) => {
        const page = {
          job: {},
          lines: [testLine(after + 1)],
          lastLogIdHeader: 10,
          gateway: gatewayStatus({ epoch }),
        };
        epoch = 2;
        return page;
      },
    });
    expect(result).toMatchObject({ requests: 2, added: 1, epoch: 1, epochChanged: true });
    expect(store.maxId).toBe(3);
  });
});
