import { describe, expect, it } from 'vitest';
import { gatewayStatus } from '../../../test/fakeLogServer';
import { LogStore } from '../store/LogStore';
import { afterCatchUp, initialTail, pollDelay, type TailState } from './tailPolicy';
import type { PageResult } from './catchUp';
import type { LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import { backfillDone, type Backfill } from './backfillPlan';
import { runPoll } from './runPoll';

/** A Job log API in memory: ids `step` apart, pages of `cap` (0: all), a fake clock. */
class FakeServer {
  ids: number[] = [];
  clock = 0;
  inFlight = 0;
  maxInFlight = 0;
  cursors: number[] = [];
  failing = new Set<number>();
  /** The gateway epoch sent with each answer; null: no gateway status. */
  epoch: number | null = null;
  /** Called as each request begins. */
  observe: (() => void) | null = null;
  constructor(
    lines: number,
    private readonly step = 3,
    private readonly cap = 2000,
    private readonly header = true,
  ) {
    this.append(lines);
  }
  append(n: number) {
    const last = this.ids.at(-1) ?? 0;
    for (let i = 1; i <= n; i++) this.ids.push(last + i * this.step);
  }
  fetchPage = async (cursor: number, signal?: AbortSignal): Promise<PageResult> => {
    this.observe?.();
    const request = this.cursors.push(cursor);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    this.clock += 100;
    this.inFlight--;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.failing.has(request)) throw new Error(`HTTP 500 on request ${request}`);
    let lo = 0;
    while (lo < this.ids.length && this.ids[lo]! <= cursor) lo++;
    const end = this.cap === 0 ? this.ids.length : Math.min(this.ids.length, lo + this.cap);
    const lines: LogLine[] = this.ids
      .slice(lo, end)
      .map((id) => testLine(id, id % 7 ? 'INFO' : 'ERROR', `m${id}`));
    const last = this.ids.at(-1);
    return {
      job: { progress: 'IN_PROGRESS' },
      lines,
      lastLogIdHeader: this.header && last !== undefined ? last : null,
      gateway: this.epoch === null ? null : gatewayStatus({ epoch: this.epoch }),
    };
  };
}

interface Run {
  store: LogStore;
  tail: TailState;
  backfill: Backfill | null;
  /** Index into `cursors` where each poll began. */
  pollStarts: number[];
}

/** Polls the way the query does: a poll, then `pollDelay` on the clock, then the next. */
async function poll(server: FakeServer, run: Run, opts: { hidden?: () => boolean } = {}) {
  run.pollStarts.push(server.cursors.length);
  const result = await runPoll({
    fetchPage: server.fetchPage,
    store: run.store,
    backfill: run.backfill,
    isHidden: opts.hidden,
    now: () => server.clock,
  });
  run.backfill = result.backfill;
  run.tail = afterCatchUp(run.tail, result.catchUp, {
    now: server.clock,
    jobTerminal: false,
    backfilling: !backfillDone(run.backfill),
  });
  const delay = pollDelay(run.tail);
  if (delay !== false) server.clock += delay;
  return result;
}

function newRun(): Run {
  return { store: new LogStore(), tail: initialTail(0), backfill: null, pollStarts: [] };
}

function held(store: LogStore): number[] {
  const out: number[] = [];
  store.forEach(0, store.size, (line) => out.push(line.id));
  return out;
}

async function untilDone(server: FakeServer, run: Run, each?: () => void) {
  for (let i = 0; i < 200 && (run.tail.backfilling || run.pollStarts.length === 0); i++) {
    await poll(server, run);
    each?.();
  }
}

describe('runPoll: tail first, then backfill', () => {
  it('asks /0, then a window before the last id, shows the tail, then fills in exactly', async () => {
    const server = new FakeServer(30_000);
    const run = newRun();
    const last = server.ids.at(-1)!;
    let heldAtThirdRequest = 0;
    server.observe = () => {
      if (server.cursors.length === 2) heldAtThirdRequest = run.store.maxId;
    };
    const first = await poll(server, run);
    expect(server.cursors[0]).toBe(0);
    // The second request is near the tail: it brings ~1,250 lines ending at the last id.
    const second = server.cursors[1]!;
    expect((last - second) / 3).toBeGreaterThan(1000);
    expect((last - second) / 3).toBeLessThan(1500);
    // The tail was held before any older line was asked for.
    expect(heldAtThirdRequest).toBe(last);
    expect(server.cursors[2]).toBeLessThan(second);
    expect(first.backfill).not.toBeNull();
    // Only 0.1 s per request: the slice of 2 s fits the whole 26,750-line gap (14 pages).
    expect(first.older).toBe(30_000 - 2000 - 1250);
    await untilDone(server, run);
    expect(held(run.store)).toEqual(server.ids);
    expect(server.maxInFlight).toBe(1);
    expect(run.tail.backfilling).toBe(false);
    expect(run.store.counts.ERROR + run.store.counts.INFO).toBe(30_000);
  });

  it('asks the tail first in every poll while a long backfill runs in slices', async () => {
    const server = new FakeServer(200_000, 2);
    const run = newRun();
    await untilDone(server, run, () => server.append(5));
    await poll(server, run);
    expect(run.pollStarts.length).toBeGreaterThan(3);
    for (const start of run.pollStarts.slice(1)) {
      // Each poll's first request asks after the highest id held: the live tail.
      const cursor = server.cursors[start]!;
      expect(cursor).toBeGreaterThan(run.backfill!.gapTo);
    }
    // A slice lasts 2 s of 0.1 s requests: ~20 backfill requests between tail requests.
    const gaps = run.pollStarts.slice(2).map((s, i) => s - run.pollStarts[i + 1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(23);
    expect(held(run.store)).toEqual(server.ids);
    expect(server.maxInFlight).toBe(1);
  });

  it('an error in the backfill backs off like the tail, then resumes where it stopped', async () => {
    const server = new FakeServer(30_000);
    server.failing = new Set([4]);
    const run = newRun();
    await poll(server, run);
    expect(run.tail.errorAttempt).toBe(1);
    expect(String(run.tail.error)).toContain('request 4');
    expect(pollDelay(run.tail)).toBe(1000);
    const cursorBefore = server.cursors[3];
    await poll(server, run);
    expect(run.tail.errorAttempt).toBe(0);
    // The tail succeeded (request 5) before the backfill retried its block from its cursor.
    expect(server.cursors[4]).toBeGreaterThanOrEqual(server.ids.at(-1)!);
    expect(server.cursors[5]).toBe(cursorBefore);
    await untilDone(server, run);
    expect(held(run.store)).toEqual(server.ids);
  });

  it('stops fetching older lines while hidden or aborted, and keeps what it had', async () => {
    const server = new FakeServer(60_000);
    const run = newRun();
    let hidden = true;
    await poll(server, run, { hidden: () => hidden });
    // Hidden from the start: the first page only (the tail stops asking too).
    expect(server.cursors).toHaveLength(1);
    hidden = false;
    await poll(server, run, { hidden: () => hidden });
    expect(run.store.maxId).toBe(server.ids.at(-1));

    const controller = new AbortController();
    const size = run.store.size;
    const aborting = runPoll({
      fetchPage: async (cursor, signal) => {
        if (server.cursors.length > 12) controller.abort();
        return server.fetchPage(cursor, signal);
      },
      store: run.store,
      backfill: run.backfill,
      signal: controller.signal,
      now: () => server.clock,
    });
    await expect(aborting).rejects.toThrow('aborted');
    expect(run.store.size).toBeGreaterThanOrEqual(size);
    await untilDone(server, run);
    expect(held(run.store)).toEqual(server.ids);
  });

  it('reads forward from 0 as before without the header, or when the first page holds it all', async () => {
    const noHeader = new FakeServer(9000, 3, 2000, false);
    const run = newRun();
    await poll(noHeader, run);
    expect(noHeader.cursors).toEqual([0, 6000, 12_000, 18_000, 24_000, 27_000]);
    expect(run.backfill).toBeNull();
    expect(held(run.store)).toEqual(noHeader.ids);

    const uncapped = new FakeServer(30_000, 3, 0);
    const whole = newRun();
    await poll(uncapped, whole);
    expect(uncapped.cursors).toEqual([0]);
    expect(whole.backfill).toBeNull();
    expect(whole.store.size).toBe(30_000);
  });
});

describe('runPoll: the gateway epoch', () => {
  it('stops at the first answer of another epoch, in the tail or in the backfill', async () => {
    const server = new FakeServer(200_000, 2);
    server.epoch = 7;
    const store = new LogStore();
    const poll = (backfill: Backfill | null, epoch: number | null) =>
      runPoll({ fetchPage: server.fetchPage, store, backfill, epoch, now: () => server.clock });
    const first = await poll(null, null);
    expect(first.catchUp).toMatchObject({ epoch: 7, epochChanged: false, error: null });
    const backfill = first.backfill!;
    expect(backfillDone(backfill)).toBe(false);
    const before = held(store);

    // The tail's first answer is of another epoch: not taken, and no older lines are asked for.
    server.append(5);
    server.epoch = 8;
    const asked = server.cursors.length;
    const tail = await poll(backfill, 7);
    expect(tail.catchUp).toMatchObject({ requests: 1, added: 0, epoch: 7, epochChanged: true });
    expect(server.cursors).toHaveLength(asked + 1);
    expect(held(store)).toEqual(before);

    // Epoch 7 again for the tail and two backfill pages; the third brings epoch 9. The block
    // under way stays out of the store.
    server.epoch = 7;
    server.observe = () => {
      if (server.cursors.length === asked + 4) server.epoch = 9;
    };
    const filledFrom = backfill.filledFrom;
    const mid = await poll(backfill, 7);
    expect(mid.catchUp).toMatchObject({ added: 5, epoch: 7, epochChanged: true, error: null });
    expect(server.cursors).toHaveLength(asked + 5);
    expect(mid.older).toBe(0);
    expect(backfill.filledFrom).toBe(filledFrom);
    expect(store.size).toBe(before.length + 5);
  });
});
