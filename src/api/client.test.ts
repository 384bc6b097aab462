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
