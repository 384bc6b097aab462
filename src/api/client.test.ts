import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest, buildUrl, setFetch, type FetchLike } from './client';
import { ApiError, isRetryable } from './errors';
import { clearTokens, setToken } from './tokens';

const anything = z.unknown();

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  setFetch(null);
  clearTokens();
});

describe('buildUrl', () => {
  it('puts the API base in front and drops empty query values', () => {
    expect(buildUrl('jobs', '/my/', { skip: 0, limit: 20, q: '', workflowId: undefined })).toBe(
      '/jobs/v1/my/?skip=0&limit=20',
    );
    expect(buildUrl('logs', '/job/a%2Fb/details/0')).toBe('/api/v1/job/a%2Fb/details/0');
    expect(buildUrl('jobs', '/', { status: ['Active', 'Paused'] })).toBe(
      '/jobs/v1/?status=Active&status=Paused',
    );
  });

  it.each(['http://evil.example/x', '//evil.example/x', 'javascript:alert(1)', 'relative'])(
    'refuses %s',
    (path) => {
      expect(() => buildUrl('jobs', path)).toThrow(TypeError);
    },
  );
});

describe('apiRequest', () => {
  it('sends each API its own auth header', async () => {
    const seen: Headers[] = [];
    setFetch(async (_url, init) => {
      seen.push(new Headers(init.headers));
      return json([]);
    });
    setToken('jobs', 'jobs-token');
    setToken('logs', 'logs-token');
    await apiRequest('jobs', '/', { schema: anything });
    await apiRequest('logs', '/job/1/details/0', { schema: anything });
    expect(seen[0]?.get('authorization')).toBe('Bearer jobs-token');
    expect(seen[0]?.get('x-auth-jwt')).toBeNull();
    expect(seen[1]?.get('x-auth-jwt')).toBe('logs-token');
    expect(seen[1]?.get('authorization')).toBeNull();
  });

  it("marks every request as the app's own, bodiless POSTs included", async () => {
    const fetch = vi.fn<FetchLike>(async () => json({ ok: true }));
    setFetch(fetch);
    await apiRequest('jobs', '/', { schema: anything });
    await apiRequest('jobs', '/x/abort', { schema: anything, method: 'POST' });
    for (const [, init] of fetch.mock.calls) {
      expect(new Headers(init.headers).get('x-jobscope-client')).toBe('dashboard');
    }
  });

  it('sends a JSON body with its content type', async () => {
    const fetch = vi.fn<FetchLike>(async () => json({ ok: true }));
    setFetch(fetch);
    await apiRequest('jobs', '/x/abort', { schema: anything, method: 'POST', body: { a: 1 } });
    const init = fetch.mock.calls[0]![1];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('turns a failed fetch into a retryable network error', async () => {
    setFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(apiRequest('jobs', '/', { schema: anything }));
    expect(error).toMatchObject({ kind: 'network', status: 0, api: 'jobs' });
    expect(error.message).toMatch(/Could not reach the Jobs API/);
    expect(error.detail).toContain('Failed to fetch');
    expect(isRetryable(error)).toBe(true);
  });

  it('puts the server message of a 4xx in the message, never a token', async () => {
    setToken('jobs', 'super-secret-token');
    setFetch(async () => json({ message: 'Bad header Bearer super-secret-token' }, 400));
    const error = await failure(apiRequest('jobs', '/', { schema: anything }));
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.message).toBe('The Jobs API refused the request: Bad header Bearer [token]');
    expect(error.detail).toContain('HTTP 400');
    expect(`${error.message} ${error.detail}`).not.toContain('super-secret-token');
    expect(isRetryable(error)).toBe(false);
  });

  it("reads the Job log API's errors[0].msg", async () => {
    setFetch(async () =>
      json({ context: {}, errors: [{ msg: 'bad lastLogId', location: 'x' }] }, 422),
    );
    const error = await failure(apiRequest('logs', '/job/1/details/x', { schema: anything }));
    expect(error.message).toBe('The Job log API refused the request: bad lastLogId');
  });

  it('keeps an HTML error page out of the message', async () => {
    setFetch(async () => new Response('<html><body>Bad gateway</body></html>', { status: 502 }));
    const error = await failure(apiRequest('jobs', '/', { schema: anything }));
    expect(error.message).toBe('The Jobs API failed (HTTP 502). Try again in a moment.');
    expect(isRetryable(error)).toBe(true);
  });

  it('marks 429 as retryable and a schema mismatch as not', async () => {
    setFetch(async () => json({ message: 'slow down' }, 429));
    expect(isRetryable(await failure(apiRequest('jobs', '/', { schema: anything })))).toBe(true);
    setFetch(async () => json({ nope: true }));
    const schemaError = await failure(apiRequest('jobs', '/', { schema: z.array(z.string()) }));
    expect(schemaError.kind).toBe('schema');
    expect(isRetryable(schemaError)).toBe(false);
  });

  it('calls an empty body where JSON was expected malformed', async () => {
    setFetch(async () => new Response('', { status: 200 }));
    const error = await failure(apiRequest('jobs', '/', { schema: z.array(z.string()) }));
    expect(error.kind).toBe('parse');
  });

  it('gives a hanging server up after the timeout', async () => {
    setFetch(() => new Promise<Response>(() => {}));
    const error = await failure(apiRequest('jobs', '/', { schema: anything, timeoutMs: 30 }));
    expect(error).toMatchObject({ kind: 'timeout', status: 408 });
    expect(error.message).toBe('The Jobs API did not answer within 30 ms.');
  });

  it("rejects with the caller's abort reason, not an ApiError", async () => {
    setFetch(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = apiRequest('jobs', '/', { schema: anything, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the timeout bounds progress, not the whole exchange', () => {
  afterEach(() => vi.useRealTimers());

  /**
   * Headers after `headersMs`, then a body of `chunks`, each `[gap in ms, text]`; `cancelled`
   * turns true when the client gives the body up.
   */
  function slowServer(headersMs: number, chunks: [number, string][]) {
    const state = { cancelled: false };
    const encoder = new TextEncoder();
    let next = 0;
    const fetch: FetchLike = () =>
      new Promise<Response>((resolve) => {
        const body = new ReadableStream<Uint8Array>(
          {
            pull: (controller) => {
              const chunk = chunks[next++];
              if (!chunk) return controller.close();
              return new Promise<void>((done) =>
                setTimeout(() => {
                  if (!state.cancelled) controller.enqueue(encoder.encode(chunk[1]));
                  done();
                }, chunk[0]),
              );
            },
            cancel: () => {
              state.cancelled = true;
            },
          },
          // Each chunk is asked for only once the client reads on.
          { highWaterMark: 0 },
        );
        setTimeout(() => resolve(new Response(body, { status: 200 })), headersMs);
      });
    return { fetch, state };
  }

  /** Settles `promise` into its value or its error, so fake time can run without a rejection. */
  function settle(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      (value) => value,
      (error: unknown) => error,
    );
  }

  it('completes a body that takes longer than the timeout while each gap stays within it', async () => {
    vi.useFakeTimers();
    const server = slowServer(900, [
      [900, '["a",'],
      [900, '"b",'],
      [900, '"c"]'],
    ]);
    setFetch(server.fetch);
    const result = settle(
      apiRequest('jobs', '/', { schema: z.array(z.string()), timeoutMs: 1_000 }),
    );
    await vi.advanceTimersByTimeAsync(3_600);
    expect(await result).toMatchObject({ data: ['a', 'b', 'c'], status: 200 });
    expect(server.state.cancelled).toBe(false);
    // Nothing is left to fire: the timer stopped with the answer.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails as a timeout when one gap in the body is longer, and drops the body', async () => {
    vi.useFakeTimers();
    const server = slowServer(500, [
      [500, '["a",'],
      [1_500, '"b"]'],
    ]);
    setFetch(server.fetch);
    const result = settle(
      apiRequest('logs', '/job/1/details/0', { schema: anything, timeoutMs: 1_000 }),
    );
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.state.cancelled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', status: 408, api: 'logs' });
    expect((error as ApiError).message).toBe('The Job log API did not answer within 1 s.');
    expect(server.state.cancelled).toBe(true);
  });

  it('fails as a timeout when the headers take longer', async () => {
    vi.useFakeTimers();
    setFetch(slowServer(1_001, [[0, '[]']]).fetch);
    const result = settle(apiRequest('jobs', '/', { schema: anything, timeoutMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toMatchObject({ kind: 'timeout' });
  });

  it("stops at once on the caller's abort, in the middle of the body", async () => {
    vi.useFakeTimers();
    const server = slowServer(0, [
      [100, '["a",'],
      [5_000, '"b"]'],
    ]);
    setFetch(server.fetch);
    const controller = new AbortController();
    const result = settle(
      apiRequest('jobs', '/', { schema: anything, signal: controller.signal, timeoutMs: 10_000 }),
    );
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect(server.state.cancelled).toBe(true);
  });
});
