import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, resolveInside } from './static.ts';
import { standInSimulator, testConfig } from './testHelpers.ts';

const INDEX = '<!doctype html><title>Jobscope</title>';
let root: string;
let distDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jobscope-static-'));
  distDir = path.join(root, 'dist');
  await mkdir(path.join(distDir, 'assets'), { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), INDEX);
  await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(distDir, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(distDir, '.env'), 'SECRET=1');
  await writeFile(path.join(root, 'secret.txt'), 'outside dist');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) =>
  createApp(testConfig(), { distDir, simulator: standInSimulator() }).request(url, init);

describe('static files', () => {
  it('serves hashed assets for a year', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('gzips an asset once and sends the same bytes to every client that accepts gzip', async () => {
    const script = `export const text = ${JSON.stringify('jobscope '.repeat(500))};`;
    await writeFile(path.join(distDir, 'assets', 'big-def456.js'), script);
    const asked = { headers: { 'Accept-Encoding': 'gzip, deflate, br' } };
    const first = await get('/assets/big-def456.js', asked);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(bytes).toString()).toBe(script);
    // Kept: a file changed behind the server's back (never, for a hashed name) is not re-read.
    await writeFile(path.join(distDir, 'assets', 'big-def456.js'), 'changed');
    const second = await get('/assets/big-def456.js', asked);
    expect(gunzipSync(Buffer.from(await second.arrayBuffer())).toString()).toBe(script);
    // A client that does not accept gzip gets the file as it is.
    const plain = await get('/assets/big-def456.js', {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('changed');
  });

  it.each([
    ['gzip', true],
    ['deflate, gzip;q=0.5', true],
    ['br, *', true],
    ['gzip;q=0', false],
    ['gzip; q=0.0, br', false],
    ['identity', false],
    ['', false],
  ])('Accept-Encoding %j accepts gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('serves other files with a short cache', async () => {
    const response = await get('/favicon.svg');
    expect(await response.text()).toBe('<svg/>');
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it.each(['/', '/index.html', '/jobs/abc-123', '/jobs/a%20b?tab=logs', '/some/deep/route'])(
    'answers %s with index.html, never cached without revalidation',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('answers HEAD like GET without a body', async () => {
    const response = await get('/jobs/abc', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('');
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const response = await get('/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<title>');
  });

  it('answers an unknown API path with JSON, not index.html', async () => {
    const response = await get('/api/v1/unknown');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not found' });
  });

  it('never serves dotfiles or files outside dist', async () => {
    for (const url of ['/.env', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const response = await get(url);
      const body = await response.text();
      expect(body, url).not.toContain('SECRET');
      expect(body, url).not.toContain('outside dist');
    }
  });

  it('says how to build when dist/index.html is missing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'jobscope-empty-'));
    try {
      const app = createApp(testConfig(), { distDir: empty, simulator: standInSimulator() });
      const response = await app.request('/jobs/abc');
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      // The API does not depend on the build.
      expect((await app.request('/jobs/v1/')).status).toBe(200);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('resolveInside', () => {
  const base = path.resolve('/srv/dist');
  it('keeps paths inside the root', () => {
    expect(resolveInside(base, '/assets/a.js')).toBe(path.join(base, 'assets', 'a.js'));
    expect(resolveInside(base, '//assets//a.js')).toBe(path.join(base, 'assets', 'a.js'));
  });
  it.each(['/../etc/passwd', '/assets/../../etc', '/.git/config', '/a\\..\\..\\b', '/a\0b', '/'])(
    'refuses %j',
    (pathname) => {
      expect(resolveInside(base, pathname)).toBeNull();
    },
  );
});
