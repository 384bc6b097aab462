/**
 * The tail hook's wiring, as the panel uses it: what stops polls, what cancels one, what a
 * download waits for. Each of these once broke without a failing test.
 */
import { QueryClient, QueryClientProvider, focusManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setFetch } from '../../../api/client';
import { FakeLogServer, gatewayStatus } from '../../../test/fakeLogServer';
import { logTailOptions, useLogTail } from './logTailQuery';
import type { TailSnapshot } from './TailSession';

describe('useLogTail', () => {
  let server: FakeLogServer;
  let client: QueryClient;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeLogServer();
    setFetch(server.fetch);
    client = new QueryClient();
  });

  afterEach(() => {
    client.clear();
    vi.restoreAllMocks();
    setFetch(null);
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  function wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  }

  function renderTail(props: { jobTerminal: boolean; paused: boolean }) {
    return renderHook((p: typeof props) => useLogTail('j1', p), { wrapper, initialProps: props });
  }

  const settle = (ms = 10) => act(() => vi.advanceTimersByTimeAsync(ms));

  it('asks nothing more once done, even when the window regains focus or the panel remounts', async () => {
    server.progress = 'COMPLETED';
    server.add(1, 2);
    const first = renderTail({ jobTerminal: true, paused: false });
    await settle();
    expect(first.result.current.tail.done).toBe(true);
    const asked = server.cursors.length;

    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await settle(30_000);
    expect(server.cursors).toHaveLength(asked);

    first.unmount();
    const again = renderTail({ jobTerminal: true, paused: false });
    await settle(30_000);
    expect(again.result.current.tail.done).toBe(true);
    expect(server.cursors).toHaveLength(asked);
  });

  it('a poll begun before the job was known to be over is followed by the final one at once', async () => {
    // The route's loader starts the first poll while the job is still being fetched.
    server.progress = 'IN_PROGRESS';
    server.add(1, 2);
    server.delayMs = 300;
    void client.query(logTailOptions('j1', false)).catch(() => {});
    await settle(100);
    expect(server.cursors).toEqual([0]);
    // The job's answer says it is over; the panel mounts while the first poll is under way.
    const hook = renderTail({ jobTerminal: true, paused: false });
    await settle(250);
    expect(server.cursors).toEqual([0, 2]);
    server.add(3);
    await settle(400);
    expect(hook.result.current.tail.done).toBe(true);
    // The first poll took 1 and 2; the final one asked after 2, at once rather than a poll later.
    expect(server.cursors).toEqual([0, 2]);
    expect(hook.result.current.store.maxId).toBe(3);
    await settle(30_000);
    expect(server.cursors).toEqual([0, 2]);
  });

  it('Pause cancels a poll the gateway is holding, and asks nothing while paused', async () => {
    server.gateway = gatewayStatus();
    server.add(1, 2);
    const hook = renderTail({ jobTerminal: false, paused: false });
    // The first poll catches up; the next one waits on the gateway for new lines.
    await settle(2_500);
    expect(server.queries.at(-1)?.get('wait')).toBe('8');
    expect(server.aborted).toBe(0);

    hook.rerender({ jobTerminal: false, paused: true });
    await settle();
    expect(server.aborted).toBe(1);
    const asked = server.cursors.length;
    server.add(3);
    await settle(30_000);
    expect(server.cursors).toHaveLength(asked);
    expect(hook.result.current.store.maxId).toBe(2);

    hook.rerender({ jobTerminal: false, paused: false });
    await settle(100);
    expect(hook.result.current.store.maxId).toBe(3);
  });

  it('Download waits for the whole log, even while paused in a hidden tab', async () => {
    // Hidden: each poll stops after one page, so only a download that keeps asking gets it all.
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    server.cap = 3;
    server.add(...Array.from({ length: 20 }, (_, i) => i + 1));
    const hook = renderTail({ jobTerminal: false, paused: true });
    await settle(5_000);
    // Paused from the start: nothing asked until the download.
    expect(server.cursors).toHaveLength(0);

    let downloaded: TailSnapshot | null = null;
    await act(async () => {
      const pending = hook.result.current.fetchRest().then((d) => (downloaded = d));
      await vi.advanceTimersByTimeAsync(100);
      await pending;
    });
    expect(downloaded!.store.size).toBe(20);
    expect(downloaded!.store.maxId).toBe(20);
  });
});
