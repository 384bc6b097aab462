/** fetchLogPage against a fake fetch: the gateway's query parameters and status field. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayStatus } from '../../../test/fakeLogServer';
import { DEFAULT_TIMEOUT_MS, setFetch, type FetchLike } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { fetchLogPage } from './fetchLogPage';
import { testLine } from '../testLines';

function answer(extra: Record<string, unknown> = {}): Response {
  const payload = { job: { id: 'j1', progress: 'IN_PROGRESS' }, logs: [{ id: 4, level: 'INFO' }] };
  return new Response(JSON.stringify({ status: 'SUCCESS', message: '', payload, ...extra }), {
    status: 200,
    headers: { 'X-Last-Log-Id': '4' },
  });
}

afterEach(() => {
  setFetch(null);
  vi.useRealTimers();
});

describe('fetchLogPage behind the gateway', () => {
  it('sends the wait and the recheck as query parameters, and nothing without them', async () => {
    const fetch = vi.fn<FetchLike>(async () => answer());
    setFetch(fetch);
    await fetchLogPage('a/b', 3);
    await fetchLogPage('a/b', 3, { waitSeconds: 8 });
    await fetchLogPage('a/b', 3, { recheck: true });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/job/a%2Fb/details/3',
      '/api/v1/job/a%2Fb/details/3?wait=8',
      '/api/v1/job/a%2Fb/details/3?recheck=1',
    ]);
  });

  it('reads the gateway status beside the envelope, null when absent', async () => {
    const gateway = gatewayStatus({ state: 'reading', linesRead: 340_000, longPoll: true });
    setFetch(async () => answer({ gateway }));
    const page = await fetchLogPage('j1', 0);
    expect(page).toEqual({
      job: { id: 'j1', progress: 'IN_PROGRESS' },
      lines: [testLine(4, 'INFO', '')],
      lastLogIdHeader: 4,
      gateway,
    });
    setFetch(async () => answer());
    expect((await fetchLogPage('j1', 0)).gateway).toBeNull();
  });

  it('fails on a malformed gateway status as on any other schema error', async () => {
    setFetch(async () => answer({ gateway: { ...gatewayStatus(), state: 'sleeping' } }));
    const error: unknown = await fetchLogPage('j1', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'schema', api: 'logs' });
    expect((error as ApiError).detail).toContain('gateway.state');
  });

  it('gives a held request its wait on top of the timeout', async () => {
    vi.useFakeTimers();
    setFetch(() => new Promise<Response>(() => {}));
    let error: unknown = null;
    const settled = fetchLogPage('j1', 0, { waitSeconds: 8 }).catch((e: unknown) => {
      error = e;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS + 7_999);
    expect(error).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(error).toMatchObject({ kind: 'timeout' });
    expect((error as ApiError).message).toBe('The Job log API did not answer within 23 s.');
  });
});
