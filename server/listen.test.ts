import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { listen, type Listening } from './listen.ts';
import { APP_HEADERS, startUpstream, testConfig, type TestUpstream } from './testHelpers.ts';

let distDir: string;
let upstream: TestUpstream;
let server: Listening;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'jobscope-listen-'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Jobscope</title>');
  upstream = await startUpstream('jobs');
  const config = testConfig({
    jobs: { url: new URL(`${upstream.url}/base`), token: 'server-token' },
    simulator: null,
  });
  server = await listen(createApp(config, { distDir }), 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await upstream.close();
  await rm(distDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http sends the path exactly as given, unlike fetch(), which normalises it first. */
function rawRequest(rawPath: string, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers =
      body === undefined ? {} : { ...APP_HEADERS, 'Content-Type': 'application/json' };
    const req = request(
      { host: '127.0.0.1', port: server.port, path: rawPath, method, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP server', () => {
  it('serves the app and proxies over a real socket', async () => {
    const page = await rawRequest('/jobs/abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Jobscope</title>');
    const api = await rawRequest('/jobs/v1/?limit=5');
    expect(api.status).toBe(200);
    expect(upstream.requests.at(-1)?.url).toBe('/base/jobs/v1/?limit=5');
  });

  it.each([
    '/jobs/v1/%2e%2e/',
    '/jobs/v1/%2E%2e/%2e%2e/etc',
    '/api/v1/..%2f..%2fetc',
    '/jobs/v1/../x',
  ])('refuses the traversal %s before the URL parser can normalise it away', async (rawPath) => {
    const before = upstream.requests.length;
    const response = await rawRequest(rawPath);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(upstream.requests.length).toBe(before);
  });

  it.each(['//evil.example/x', '//evil.example/jobs/v1/'])('refuses %s', async (rawPath) => {
    const response = await rawRequest(rawPath);
    expect(response.status).toBe(400);
    expect(response.body).not.toContain('<title>');
  });

  it('answers a path Node cannot parse with a 400 carrying the security headers', async () => {
    const response = await rawRequest('/jobs/v1/a\\b');
    expect(response.status).toBe(400);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers 413 when the declared body is over the limit', async () => {
    const before = upstream.requests.length;
    const response = await rawRequest('/jobs/v1/x/abort', 'POST', 'y'.repeat(5000));
    expect(response.status).toBe(413);
    expect(upstream.requests.length).toBe(before);
  });
});
