/** The tail as the panel runs it (a query observer), on a fake clock against a fake server. */
import { QueryClient, QueryObserver, focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeLogServer } from '../test/fakeLogServer';
import { setFetch } from './client';
import { logTailOptions, type LogTailData } from './logs';

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
