import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './app.ts';
import type { ServerConfig, UpstreamConfig } from './config.ts';
import { closedPort, startUpstream, testConfig, type TestUpstream } from './testHelpers.ts';

let jobsUpstream: TestUpstream;
let logsUpstream: TestUpstream;
let evil: TestUpstream;

beforeAll(async () => {
  [jobsUpstream, logsUpstream, evil] = await Promise.all([
    startUpstream('jobs'),
    startUpstream('logs'),
    startUpstream('evil'),
  ]);
});
afterAll(() => Promise.all([jobsUpstream, logsUpstream, evil].map((u) => u.close())));

const upstream = (url: string, token?: string): UpstreamConfig => ({ url: new URL(url), token });

function proxyApp(overrides: Partial<ServerConfig> = {}) {
  return createApiApp(
    testConfig({
      jobs: upstream(`${jobsUpstream.url}/base`),
      logs: upstream(logsUpstream.url),
      simulator: null,
      ...overrides,
    }),
  );
}

interface Echo {
  upstream: string;
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const lastRequest = (target: TestUpstream) => target.requests.at(-1);

describe('forwarding', () => {
  it('keeps path (under the base path), query, method, body and content type', async () => {
    const response = await proxyApp().request('/jobs/v1/j%201/abort?reason=x&n=2', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"why":"stuck"}',
    });
    expect(response.status).toBe(200);
    const echo = (await response.json()) as Echo;
    expect(echo.upstream).toBe('jobs');
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/base/jobs/v1/j%201/abort?reason=x&n=2');
    expect(echo.body).toBe('{"why":"stuck"}');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers.accept).toBe('application/json');
  });

  it('sends the logs API to its own upstream', async () => {
    const response = await proxyApp().request('/api/v1/job/7/details/12');
    const echo = (await response.json()) as Echo;
    expect(echo.upstream).toBe('logs');
    expect(echo.url).toBe('/api/v1/job/7/details/12');
  });

  it('passes X-Total-Count, X-Last-Log-Id and the content type back, but no cookies', async () => {
    const response = await proxyApp().request('/jobs/v1/');
    expect(response.headers.get('X-Total-Count')).toBe('17');
    expect(response.headers.get('X-Last-Log-Id')).toBe('99');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('connection')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('keeps upstream error status and body', async () => {
    const response = await proxyApp().request('/api/v1/job/7/details?status=401');
    expect(response.status).toBe(401);
    expect(((await response.json()) as Echo).upstream).toBe('logs');
  });

  it('passes bodiless answers and HEAD requests through', async () => {
    const noContent = await proxyApp().request('/jobs/v1/x/abort?status=204', { method: 'POST' });
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe('');
    const head = await proxyApp().request('/jobs/v1/?skip=0', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('X-Total-Count')).toBe('17');
    expect(lastRequest(jobsUpstream)?.method).toBe('HEAD');
  });

  it('never forwards cookies or hop-by-hop headers', async () => {
    await proxyApp().request('/jobs/v1/', {
      headers: {
        Cookie: 'session=abc',
        Connection: 'keep-alive, X-Secret-Hop',
        'X-Secret-Hop': '1',
        'Proxy-Authorization': 'Basic x',
        'X-Request-Id': 'r1',
      },
    });
    const headers = lastRequest(jobsUpstream)?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-secret-hop']).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(headers['x-request-id']).toBe('r1');
    expect(headers.host).toBe(new URL(jobsUpstream.url).host);
  });
});

describe('authentication', () => {
  const browserHeaders = { Authorization: 'Bearer browser-jobs', 'x-auth-jwt': 'browser-logs' };

  it("passes the browser's header through to its own API only", async () => {
    const app = proxyApp();
    await app.request('/jobs/v1/', { headers: browserHeaders });
    expect(lastRequest(jobsUpstream)?.headers.authorization).toBe('Bearer browser-jobs');
    expect(lastRequest(jobsUpstream)?.headers['x-auth-jwt']).toBeUndefined();

    await app.request('/api/v1/job/1/details', { headers: browserHeaders });
    expect(lastRequest(logsUpstream)?.headers['x-auth-jwt']).toBe('browser-logs');
    expect(lastRequest(logsUpstream)?.headers.authorization).toBeUndefined();
  });

  it('injects configured tokens in place of the browser headers', async () => {
    const app = proxyApp({
      jobs: upstream(`${jobsUpstream.url}/base`, 'server-jobs'),
      logs: upstream(logsUpstream.url, 'server-logs'),
    });
    await app.request('/jobs/v1/my/', { headers: browserHeaders });
    expect(lastRequest(jobsUpstream)?.headers.authorization).toBe('Bearer server-jobs');
    expect(lastRequest(jobsUpstream)?.headers['x-auth-jwt']).toBeUndefined();

    await app.request('/api/v1/job/1/details', { headers: browserHeaders });
    expect(lastRequest(logsUpstream)?.headers['x-auth-jwt']).toBe('server-logs');
    expect(lastRequest(logsUpstream)?.headers.authorization).toBeUndefined();
  });

  it('sends nothing when neither a token nor a browser header is there', async () => {
    await proxyApp().request('/jobs/v1/');
    expect(lastRequest(jobsUpstream)?.headers.authorization).toBeUndefined();
  });
});

describe('only ever the configured upstream', () => {
  const evilHost = () => new URL(evil.url).host;

  it.each([
    () => '/api/v1/..%2f..%2fetc',
    () => '/jobs/v1/..%2F..%2Fx',
    () => '/jobs/v1/a%5c..%5cb',
    () => `/jobs/v1/%2f%2f${evilHost()}/x`,
    () => '/jobs/v1/%2e%2e%2f%2e%2e%2fadmin',
  ])('refuses %s with a 400 JSON and forwards nothing', async (makeUrl) => {
    const before = jobsUpstream.requests.length + logsUpstream.requests.length;
    const response = await proxyApp().request(makeUrl(), {
      headers: { Authorization: 'Bearer browser-jobs' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Refused/);
    expect(jobsUpstream.requests.length + logsUpstream.requests.length).toBe(before);
    expect(evil.requests).toHaveLength(0);
  });

  it('keeps @host and absolute-looking segments inside the upstream path', async () => {
    const response = await proxyApp().request(`/jobs/v1/@${evilHost()}/http://${evilHost()}/x`);
    expect(((await response.json()) as Echo).upstream).toBe('jobs');
    expect(evil.requests).toHaveLength(0);
  });
});

describe('failures', () => {
  it('answers 413 for a body over the limit and forwards nothing', async () => {
    const before = jobsUpstream.requests.length;
    const response = await proxyApp().request('/jobs/v1/x/abort', {
      method: 'POST',
      body: 'x'.repeat(1025),
    });
    expect(response.status).toBe(413);
    expect(jobsUpstream.requests.length).toBe(before);
  });

  it('answers 502 naming the host, never the token, when the upstream is down', async () => {
    const port = await closedPort();
    const app = proxyApp({ jobs: upstream(`http://127.0.0.1:${port}/base`, 'top-secret-token') });
    const response = await app.request('/jobs/v1/', {
      headers: { Authorization: 'Bearer browser-secret' },
    });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ message: `Upstream unreachable: 127.0.0.1:${port}` });
    expect(text).not.toContain('secret');
  });

  it('answers 502 when the upstream does not answer in time', async () => {
    const app = proxyApp({ proxyTimeoutMs: 100, jobs: upstream(jobsUpstream.url, 'tok') });
    const response = await app.request('/jobs/v1/hang');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      message: `Upstream unreachable: ${new URL(jobsUpstream.url).host}`,
    });
  });
});
