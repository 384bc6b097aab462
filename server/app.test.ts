import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiApp, createApp, isApiPath } from './app.ts';
import { SECURITY_HEADERS } from './security/headers.ts';
import { standInSimulator, testConfig } from './testHelpers.ts';

let distDir: string;
beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'jobscope-app-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Jobscope</title>');
  await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(() => rm(distDir, { recursive: true, force: true }));

const simulator = standInSimulator();
const app = () => createApp(testConfig(), { distDir, simulator });
const get = (path: string, init?: RequestInit) => app().request(path, init);

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

describe('security headers', () => {
  it('carry the exact policy', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it.each([
    ['API answer', '/jobs/v1/', 200],
    ['index.html', '/', 200],
    ['SPA fallback', '/jobs/abc', 200],
    ['asset', '/assets/index-abc123.js', 200],
    ['missing asset', '/assets/nope.js', 404],
    ['unknown API path', '/api/v1/nope', 404],
    ['unknown demo path', '/__demo/nope', 404],
    ['handler error', '/jobs/v1/bson/explode', 500],
    ['refused path', '/api/v1/..%2f..%2fetc', 400],
  ])('are on every response: %s', async (_label, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it('are on a POST to a non-API path (404)', async () => {
    const response = await get('/jobs/abc', { method: 'POST' });
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });
});

describe('API routes in simulator mode', () => {
  it('hands requests to the simulator, headers included', async () => {
    const list = await get('/jobs/v1/');
    expect(await list.json()).toEqual([{ jobId: 'sim-1' }]);
    expect(list.headers.get('X-Total-Count')).toBe('1');
    const logs = await get('/api/v1/job/j%201/details');
    expect(((await logs.json()) as { payload: { job: { id: string } } }).payload.job.id).toBe(
      'j 1',
    );
    expect(logs.headers.get('X-Last-Log-Id')).toBe('42');
  });

  it.each(['/jobs/v1/no/such/thing', '/api/v1/nope', '/__demo/nope', '/jobs/v1'])(
    'answers unknown %s with a JSON 404, never index.html',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ message: 'Not found' });
    },
  );

  it("turns the simulator's plain-text 500 into JSON", async () => {
    const response = await get('/jobs/v1/bson/explode');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      message: 'The Jobs API answered 500 with text/plain, not JSON.',
    });
  });

  it('exposes /__demo and limits its bodies', async () => {
    const json = { 'Content-Type': 'application/json' };
    const ok = await get('/__demo/reset', { method: 'POST', headers: json, body: '{"seed":2}' });
    expect(await ok.json()).toEqual({ reset: true, body: '{"seed":2}' });
    const big = await get('/__demo/reset', {
      method: 'POST',
      headers: json,
      body: 'x'.repeat(1025),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ message: 'Request body exceeds 1024 bytes' });
  });

  it('turns a simulator that throws into a JSON 502', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      app: {
        fetch: (): Response => {
          throw new Error('boom');
        },
      },
    };
    const response = await createApiApp(testConfig(), { simulator: broken }).request('/jobs/v1/');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Could not reach the Jobs API.' });
    expectSecurityHeaders(response);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('answers 503 JSON when no simulator was given', async () => {
    const response = await createApiApp(testConfig()).request('/jobs/v1/');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'The simulator is not running' });
  });
});

describe('/__demo with an upstream configured', () => {
  it('does not exist when either API is proxied', async () => {
    const logs = { url: new URL('http://127.0.0.1:9'), token: undefined };
    const api = createApiApp(testConfig({ logs }), { simulator });
    const response = await api.request('/__demo/reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not found' });
    // The simulated API stays available.
    expect((await api.request('/jobs/v1/')).status).toBe(200);
  });
});

describe('createApiApp', () => {
  it('serves no static files', async () => {
    const response = await createApiApp(testConfig(), { simulator }).request('/');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });
});

describe('isApiPath', () => {
  it('matches the API prefixes only at a segment boundary', () => {
    expect(isApiPath('/jobs/v1')).toBe(true);
    expect(isApiPath('/jobs/v1/x')).toBe(true);
    expect(isApiPath('/api/v1/job/1/details')).toBe(true);
    expect(isApiPath('/__demo/state')).toBe(true);
    expect(isApiPath('/jobs/v1x')).toBe(false);
    expect(isApiPath('/jobs/abc')).toBe(false);
    expect(isApiPath('/')).toBe(false);
  });
});

describe('compression', () => {
  it('gzips a large JSON answer for clients that accept it, and leaves it whole otherwise', async () => {
    const { createSimulator } = await import('./demo/index.ts');
    const sim = createSimulator({
      seed: 3,
      jobs: 5,
      bigLogLines: 5000,
      autoTick: false,
    });
    try {
      const api = createApiApp(testConfig(), { simulator: sim });
      const state = (await (await api.request('/__demo/state')).json()) as { bigLogJobId: string };
      const url = `/api/v1/job/${state.bigLogJobId}/details/0`;
      const zipped = await api.request(url, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      const plain = await api.request(url);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const body = (await plain.json()) as { payload: { logs: unknown[] } };
      expect(body.payload.logs).toHaveLength(5000);
    } finally {
      sim.stop();
    }
  });
});
