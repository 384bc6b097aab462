/** The tail as the panel runs it (a query observer), on a fake clock against a fake server. */
import { QueryClient, QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeLogServer, gatewayStatus, line } from '../../../test/fakeLogServer';
import { setFetch } from '../../../api/client';
import { logKeys } from '../../../api/queryKeys';
import { fetchAll, logTailOptions } from './logTailQuery';
import type { TailSnapshot } from './TailSession';
import { LONG_POLL_GAP_MS, LONG_POLL_WAIT_SECONDS, POLL_INTERVAL_MS } from './tailPolicy';

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

  const data = () => client.getQueryData<TailSnapshot>(logKeys.job('j1'))!;
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

  describe('behind the gateway', () => {
    const waits = () => server.queries.map((q) => q.get('wait'));

    it('waits on the gateway once caught up, and asks again at once after each held answer', async () => {
      server.gateway = gatewayStatus();
      server.add(1, 2);
      start();
      await vi.advanceTimersByTimeAsync(10);
      expect(waits()).toEqual([null]);
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      // Caught up with a live gateway: this request is held until lines come.
      expect(waits()).toEqual([null, String(LONG_POLL_WAIT_SECONDS)]);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(held()).toEqual([1, 2]);
      server.add(3);
      await vi.advanceTimersByTimeAsync(1);
      expect(held()).toEqual([1, 2, 3]);
      expect(server.cursors).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(LONG_POLL_GAP_MS);
      expect(server.cursors).toEqual([0, 2, 3]);
      // Its wait runs out without lines: held answers keep the loop going, one request at a time.
      await vi.advanceTimersByTimeAsync(LONG_POLL_WAIT_SECONDS * 1000 * 3 + LONG_POLL_GAP_MS * 3);
      expect(server.cursors).toEqual([0, 2, 3, 3, 3, 3]);
      expect(
        waits()
          .slice(1)
          .every((w) => w === String(LONG_POLL_WAIT_SECONDS)),
      ).toBe(true);
      expect(data().tail).toMatchObject({ longPoll: true, errorAttempt: 0 });
    });

    it('does not keep a download waiting on a held request', async () => {
      server.gateway = gatewayStatus();
      server.add(1, 2);
      start();
      await vi.advanceTimersByTimeAsync(10 + POLL_INTERVAL_MS);
      expect(waits()).toEqual([null, String(LONG_POLL_WAIT_SECONDS)]);
      let downloaded: TailSnapshot | null = null;
      void fetchAll(client, logTailOptions('j1', false)).then((d) => (downloaded = d));
      await vi.advanceTimersByTimeAsync(10);
      expect(downloaded).not.toBeNull();
      expect(waits()).toEqual([null, String(LONG_POLL_WAIT_SECONDS), null]);
      expect(held()).toEqual([1, 2]);
    });

    it('without a gateway status, never asks to wait', async () => {
      server.add(1, 2);
      start();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(server.queries.length).toBeGreaterThan(10);
      expect(server.queries.every((q) => q.size === 0)).toBe(true);
    });

    it('reads the log again from scratch when the epoch changes', async () => {
      server.gateway = gatewayStatus({ epoch: 1 });
      server.add(1, 2, 4, 5);
      start();
      await vi.advanceTimersByTimeAsync(10);
      expect(held()).toEqual([1, 2, 4, 5]);
      const first = data().store;
      expect(data().epoch).toBe(1);
      // The gateway learns of line 3, sent late, and serves a new epoch.
      server.lines = [1, 2, 3, 4, 5, 6].map(line);
      server.gateway = gatewayStatus({ epoch: 2 });
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      expect(server.cursors).toEqual([0, 4, 5, 0, 3]);
      expect(held()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(data().store).not.toBe(first);
      expect(data().epoch).toBe(2);
      expect(data().tail).toMatchObject({ errorAttempt: 0, caughtUp: true });
    });

    it('stops polling a log the gateway reports missing', async () => {
      server.gateway = gatewayStatus({ state: 'missing', reason: 'no such job' });
      start();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(server.cursors).toEqual([0]);
      expect(data().tail).toMatchObject({ done: true, jobFound: false });
      expect(data().tail.gateway?.state).toBe('missing');
    });
  });
});
