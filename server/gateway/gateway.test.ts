import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiApp } from '../app.ts';
import type { ServerConfig, UpstreamConfig } from '../config.ts';
import {
  APP_HEADERS,
  closedPort,
  echo,
  startUpstream,
  testConfig,
  type TestUpstream,
} from '../testHelpers.ts';

let jobsUpstream: TestUpstream;
let logsUpstream: TestUpstream;

beforeAll(async () => {
  [jobsUpstream, logsUpstream] = await Promise.all([startUpstream('jobs'), startUpstream('logs')]);
});
afterAll(() => Promise.all([jobsUpstream, logsUpstream].map((u) => u.close())));
beforeEach(() => {
  jobsUpstream.behave = echo('jobs');
  logsUpstream.behave = echo('logs');
});

const upstream = (url: string, token?: string): UpstreamConfig => ({ url: new URL(url), token });
const audits: string[] = [];

function gateway(overrides: Partial<ServerConfig> = {}) {
  return createApiApp(
    testConfig({
      jobs: upstream(`${jobsUpstream.url}/base`),
      logs: upstream(logsUpstream.url),
      simulator: null,
      ...overrides,
    }),
    { audit: (line) => audits.push(line) },
  );
}

interface Echo {
  upstream: string;
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const last = (target: TestUpstream) => target.requests.at(-1);
const total = () => jobsUpstream.requests.length + logsUpstream.requests.length;

describe('the allowlist', () => {
  it.each([
    ['GET', '/jobs/v1/?skip=20&limit=20', '/base/jobs/v1/?skip=20&limit=20'],
    ['GET', '/jobs/v1/my/?limit=1', '/base/jobs/v1/my/?limit=1'],
    ['GET', '/jobs/v1/workflow/wf%201?skip=0', '/base/jobs/v1/workflow/wf%201?skip=0'],
    ['GET', '/jobs/v1/bson/J-1', '/base/jobs/v1/bson/J-1'],
    ['POST', '/jobs/v1/C-1/abort', '/base/jobs/v1/C-1/abort'],
  ])('forwards %s %s', async (method, path, seen) => {
    const response = await gateway().request(path, { method, headers: APP_HEADERS });
    expect(response.status).toBe(200);
    expect(last(jobsUpstream)).toMatchObject({ method, url: seen });
  });

  it.each([
    ['/api/v1/job/7/details/12', '/api/v1/job/7/details/12'],
    ['/api/v1/job/7/details/', '/api/v1/job/7/details'],
    ['/api/v1/job/7/details/9007199254740991', '/api/v1/job/7/details/9007199254740991'],
    ['/api/v1/job/7/details', '/api/v1/job/7/details'],
  ])('forwards the log call %s', async (path, seen) => {
    const response = await gateway().request(path);
    expect(response.status).toBe(200);
    expect(last(logsUpstream)?.url).toBe(seen);
  });

  describe('with the job index off', () => {
    it.each([
      ['/jobs/v1/?status=Active', 'status needs the job index'],
      ['/jobs/v1/?q=pump', 'q needs the job index'],
      ['/jobs/v1/my/?sort=title', 'sort needs the job index'],
    ])('refuses %s with a 400 naming the parameter', async (path, message) => {
      const before = total();
      const response = await gateway().request(path);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(message);
      expect(total()).toBe(before);
    });

    it('has no counts or workflows, and says so in its freshness', async () => {
      const before = total();
      for (const path of ['/jobs/v1/counts', '/jobs/v1/workflows']) {
        const response = await gateway().request(path);
        expect(response.status).toBe(404);
        expect(((await response.json()) as { message: string }).message).toContain(
          'JOBS_INDEX=off',
        );
      }
      const freshness = await gateway().request('/jobs/v1/freshness');
      expect(await freshness.json()).toEqual({
        index: 'off',
        reason: expect.stringContaining('without filters, sort, totals or counts'),
        mine: { available: true, reason: null },
      });
      expect(total()).toBe(before);
    });

    it("hides My jobs behind a server token: the server's identity is not the operator's", async () => {
      const app = gateway({ jobs: upstream(`${jobsUpstream.url}/base`, 'server-jobs') });
      const before = total();
      const mine = await app.request('/jobs/v1/my/');
      expect(mine.status).toBe(400);
      expect(((await mine.json()) as { message: string }).message).toContain(
        'My jobs needs your own sign-in',
      );
      expect(await (await app.request('/jobs/v1/freshness')).json()).toMatchObject({
        mine: { available: false },
      });
      expect(total()).toBe(before);
    });
  });

  it.each([
    ['GET', '/jobs/v1/C-1', 404],
    ['GET', '/jobs/v1/no/such/thing', 404],
    ['GET', '/api/v1/users', 404],
    ['GET', '/api/v1/job/7', 404],
    ['DELETE', '/jobs/v1/bson/J-1', 405],
    ['PUT', '/jobs/v1/', 405],
    ['GET', '/jobs/v1/C-1/abort', 405],
    ['POST', '/api/v1/job/7/details/0', 405],
    ['HEAD', '/jobs/v1/', 405],
  ])('answers %s %s with %i JSON and forwards nothing', async (method, path, status) => {
    const before = total();
    const response = await gateway().request(path, { method, headers: APP_HEADERS });
    expect(response.status).toBe(status);
    if (method !== 'HEAD') expect(await response.json()).toHaveProperty('message');
    if (status === 405) expect(response.headers.get('allow')).toMatch(/GET|POST/);
    expect(total()).toBe(before);
  });

  it.each([
    ['/jobs/v1/?debug=1', 'unknown query parameter "debug"'],
    ['/jobs/v1/bson/J-1?x=1', 'unknown query parameter "x"'],
    ['/jobs/v1/?limit=ten', 'query parameter "limit" has an invalid value'],
    ['/jobs/v1/?sort=password', 'query parameter "sort" has an invalid value'],
    ['/jobs/v1/?skip=1&skip=2', 'query parameter "skip" may appear only once'],
    ['/api/v1/job/7/details/abc', 'lastLogId must be a non-negative integer'],
    ['/api/v1/job/7/details/Infinity', 'lastLogId must be a non-negative integer'],
    ['/api/v1/job/7/details/-1', 'lastLogId must be a non-negative integer'],
    ['/api/v1/job/7/details/9007199254740992', 'lastLogId must be a non-negative integer'],
    ['/jobs/v1/bson/a%0Ab', 'jobId must not contain control characters'],
    ['/jobs/v1/bson/%E0%A4%A', 'is not valid percent-encoding'],
  ])('refuses %s with a 400 naming the problem', async (path, message) => {
    const before = total();
    const response = await gateway().request(path);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
    expect(total()).toBe(before);
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['50%', '50%25'],
    ['50%2e', '50%252e'],
    ['a b?c#d', 'a%20b%3Fc%23d'],
    ['ümlaut', '%C3%BCmlaut'],
  ])('keeps the id %s opaque: decoded once, encoded once', async (id, encoded) => {
    const response = await gateway().request(`/jobs/v1/bson/${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    expect(last(jobsUpstream)?.url).toBe(`/base/jobs/v1/bson/${encoded}`);
  });
});

describe('what the upstream is sent', () => {
  it('only its auth header, Accept, and a JSON body for the abort', async () => {
    const response = await gateway().request('/jobs/v1/C-1/abort', {
      method: 'POST',
      headers: {
        ...APP_HEADERS,
        'Content-Type': 'application/json',
        Authorization: 'Bearer browser-jobs',
        'x-auth-jwt': 'browser-logs',
        Cookie: 'session=abc',
        'X-Forwarded-For': '6.6.6.6',
        'X-Forwarded-Host': 'evil.example',
        Forwarded: 'for=6.6.6.6;host=evil.example',
        Origin: 'http://localhost',
        Referer: 'http://localhost/jobs/C-1',
        'X-HTTP-Method-Override': 'DELETE',
        'X-Original-URL': '/admin',
        'X-Rewrite-URL': '/admin',
        'Proxy-Authorization': 'Basic eA==',
        Expect: '100-continue',
      },
      body: '{"reason":"stuck"}',
    });
    expect(response.status).toBe(200);
    const seen = last(jobsUpstream)!;
    // Ours: accept, authorization, content-type. The rest is what Node's fetch always adds.
    expect(Object.keys(seen.headers).sort()).toEqual([
      'accept',
      'accept-encoding',
      'accept-language',
      'authorization',
      'connection',
      'content-length',
      'content-type',
      'host',
      'sec-fetch-mode',
      'user-agent',
    ]);
    expect(seen.headers.authorization).toBe('Bearer browser-jobs');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.host).toBe(new URL(jobsUpstream.url).host);
  });

  it('no body when the browser sent one that is not JSON', async () => {
    await gateway().request('/jobs/v1/C-1/abort', {
      method: 'POST',
      headers: { ...APP_HEADERS, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(last(jobsUpstream)?.body).toBe('');
    expect(last(jobsUpstream)?.headers['content-type']).toBeUndefined();
  });

  it("the browser's header for its own API only", async () => {
    const headers = { Authorization: 'Bearer browser-jobs', 'x-auth-jwt': 'browser-logs' };
    await gateway().request('/jobs/v1/', { headers });
    expect(last(jobsUpstream)?.headers.authorization).toBe('Bearer browser-jobs');
    expect(last(jobsUpstream)?.headers['x-auth-jwt']).toBeUndefined();
    await gateway().request('/api/v1/job/1/details/0', { headers });
    expect(last(logsUpstream)?.headers['x-auth-jwt']).toBe('browser-logs');
    expect(last(logsUpstream)?.headers.authorization).toBeUndefined();
  });

  it('the server token in place of the browser header', async () => {
    const app = gateway({
      jobs: upstream(`${jobsUpstream.url}/base`, 'server-jobs'),
      logs: upstream(logsUpstream.url, 'server-logs'),
    });
    const headers = { Authorization: 'Bearer browser-jobs', 'x-auth-jwt': 'browser-logs' };
    await app.request('/jobs/v1/bson/J-1', { headers });
    expect(last(jobsUpstream)?.headers.authorization).toBe('Bearer server-jobs');
    await app.request('/api/v1/job/1/details', { headers });
    expect(last(logsUpstream)?.headers['x-auth-jwt']).toBe('server-logs');
  });
});

describe('what the browser gets back', () => {
  it('JSON, the paging headers, no-store, and nothing else of the upstream', async () => {
    const response = await gateway().request('/jobs/v1/');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('X-Total-Count')).toBe('17');
    expect(response.headers.get('X-Last-Log-Id')).toBe('99');
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const name of ['access-control-allow-origin', 'set-cookie', 'location', 'x-upstream']) {
      expect(response.headers.get(name), name).toBeNull();
    }
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('drops a paging header that is not a number', async () => {
    jobsUpstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Total-Count': '12; evil' });
      res.end('[]');
    };
    const response = await gateway().request('/jobs/v1/');
    expect(response.headers.get('X-Total-Count')).toBeNull();
  });

  it('keeps an error status and its JSON body', async () => {
    logsUpstream.behave = echo('logs', 401);
    const response = await gateway().request('/api/v1/job/7/details/0');
    expect(response.status).toBe(401);
    expect(((await response.json()) as Echo).upstream).toBe('logs');
  });

  it('scrubs the server tokens from an error body that echoes the request', async () => {
    const secret = 'sekret/"token+9';
    jobsUpstream.behave = echo('jobs', 500);
    logsUpstream.behave = (res, recorded) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      const header = recorded.headers['x-auth-jwt'] as string;
      res.end(
        JSON.stringify({ raw: header, url: encodeURIComponent(header) }).replaceAll('/', '\\/'),
      );
    };
    const app = gateway({
      jobs: upstream(jobsUpstream.url, secret),
      logs: upstream(logsUpstream.url, secret),
    });
    const jobs = await app.request('/jobs/v1/');
    const jobsText = await jobs.text();
    expect(jobs.status).toBe(500);
    expect(jobsText).toContain('Bearer [token]');
    const logs = await app.request('/api/v1/job/1/details/0');
    const logsText = await logs.text();
    expect(JSON.parse(logsText)).toEqual({ raw: '[token]', url: '[token]' });
    for (const text of [jobsText, logsText]) {
      expect(text).not.toContain('sekret');
      expect(text).not.toContain('token+9');
    }
  });

  it.each([
    [
      200,
      'text/html',
      '<html>login</html>',
      502,
      'the Jobs API answered successfully with text/html, not JSON.',
    ],
    [
      404,
      'text/html',
      '<html>Not found</html>',
      404,
      'the Jobs API answered 404 with text/html, not JSON.',
    ],
    [
      200,
      undefined,
      'plain',
      502,
      'the Jobs API answered successfully with no content type, not JSON.',
    ],
    [
      302,
      'text/html',
      'moved',
      502,
      'the Jobs API answered with a redirect (302), which Jobscope does not follow.',
    ],
  ])('turns %i %s into a JSON error', async (status, type, body, answered, message) => {
    jobsUpstream.behave = (res) => {
      res.writeHead(status, {
        ...(type ? { 'Content-Type': type } : {}),
        Location: 'http://10.0.0.9/login',
      });
      res.end(body);
    };
    const response = await gateway().request('/jobs/v1/');
    expect(response.status).toBe(answered);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({
      message: message[0]!.toUpperCase() + message.slice(1),
    });
  });

  it('passes an empty answer as it is', async () => {
    jobsUpstream.behave = (res) => {
      res.writeHead(204);
      res.end();
    };
    const response = await gateway().request('/jobs/v1/C-1/abort', {
      method: 'POST',
      headers: APP_HEADERS,
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});

describe('bounds', () => {
  it('answers 502 "larger than N bytes" for a body over the cap, declared or not', async () => {
    const app = gateway({ upstreamMaxBytes: 4096 });
    jobsUpstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`[${'"x",'.repeat(2000)}"x"]`);
    };
    const declared = await app.request('/jobs/v1/');
    jobsUpstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      for (let i = 0; i < 100; i++) res.write(`"${'y'.repeat(100)}",`);
      res.end('"y"]');
    };
    const chunked = await app.request('/jobs/v1/');
    for (const response of [declared, chunked]) {
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        message: "The Jobs API's response is larger than 4096 bytes.",
      });
    }
  });

  it('answers 504 when a body trickles past the time limit', async () => {
    const app = gateway({ proxyTimeoutMs: 300 });
    jobsUpstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const timer = setInterval(() => res.write('1,'), 50);
      res.on('close', () => clearInterval(timer));
    };
    const response = await app.request('/jobs/v1/');
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: 'The Jobs API did not answer within 0.3 s.' });
  });

  it('answers 504 when no headers come, naming no address', async () => {
    const app = gateway({ proxyTimeoutMs: 200 });
    logsUpstream.behave = () => undefined;
    const response = await app.request('/api/v1/job/7/details/0');
    expect(response.status).toBe(504);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ message: 'The Job log API did not answer within 0.2 s.' });
    expect(text).not.toContain('127.0.0.1');
  });

  it('answers 502 "could not reach" for a refused connection, naming no address', async () => {
    const port = await closedPort();
    const app = gateway({ jobs: upstream(`http://127.0.0.1:${port}/base`, 'top-secret-token') });
    const response = await app.request('/jobs/v1/');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ message: 'Could not reach the Jobs API.' });
    expect(text).not.toContain(String(port));
    expect(text).not.toContain('secret');
  });

  it('answers 413 for a request body over the limit and forwards nothing', async () => {
    const before = total();
    const response = await gateway().request('/jobs/v1/x/abort', {
      method: 'POST',
      headers: { ...APP_HEADERS, 'Content-Type': 'application/json' },
      body: `"${'x'.repeat(1025)}"`,
    });
    expect(response.status).toBe(413);
    expect(total()).toBe(before);
  });
});

describe('the abort audit line', () => {
  it('says when, which job, from where and how it ended', async () => {
    audits.length = 0;
    jobsUpstream.behave = (res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end('{"message":"Only incomplete jobs can be aborted"}');
    };
    await gateway().request('/jobs/v1/C%0A1%22/abort', { method: 'POST', headers: APP_HEADERS });
    await gateway().request('/jobs/v1/C-2/abort', { method: 'POST', headers: APP_HEADERS });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\S+Z abort job="C-2" client=unknown outcome=400 "Only incomplete jobs can be aborted"$/,
    );
  });
});
