/**
 * The server as a boundary, over real sockets: one case per way an open relay was abused. Each
 * case asserts the refusal and that the upstream double saw nothing it should not have.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createSimulator } from '../demo/index.ts';
import { listen, type Listening } from '../listen.ts';
import { APP_HEADERS, echo, startUpstream, testConfig, type TestUpstream } from '../testHelpers.ts';

const SECRET = 'server-secret-7f3a9c';
let distDir: string;
let upstream: TestUpstream;
let server: Listening;
const audits: string[] = [];

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'jobscope-boundary-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>Jobscope</title>');
  await writeFile(path.join(distDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(distDir, 'assets', 'index-abc.js.map'), '{"sources":["secret.ts"]}');
  upstream = await startUpstream('both');
  const config = testConfig({
    allowedHosts: new Set(['localhost', '127.0.0.1', '[::1]', 'jobs.example.com']),
    jobs: { url: new URL(upstream.url), token: SECRET },
    logs: { url: new URL(upstream.url), token: SECRET },
    simulator: null,
    proxyTimeoutMs: 500,
    upstreamMaxBytes: 16 * 1024,
  });
  server = await listen(
    createApp(config, { distDir, audit: (l) => audits.push(l) }),
    0,
    '127.0.0.1',
  );
});
afterAll(async () => {
  await server.close();
  await upstream.close();
  await rm(distDir, { recursive: true, force: true });
});
beforeEach(() => {
  upstream.behave = echo('both');
  upstream.requests.length = 0;
});

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (request line and headers, CRLF-separated) as written, plus a body. */
function exchange(head: string[], body = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(`${head.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`);
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headPart = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = headPart.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      const raw = rest.join('\r\n\r\n');
      // Chunked bodies: keep only the JSON between the size lines.
      const decoded = headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw;
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: decoded });
    });
  });
}

function dechunk(raw: string): string {
  let out = '';
  let rest = raw;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

const get = (target: string, headers: string[] = ['Host: 127.0.0.1']) =>
  exchange([`GET ${target} HTTP/1.1`, ...headers]);

const post = (target: string, headers: string[], body = '') =>
  exchange(
    [
      `POST ${target} HTTP/1.1`,
      `Host: 127.0.0.1:${server.port}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...headers,
    ],
    body,
  );

const message = (raw: Raw) => (JSON.parse(raw.body) as { message: string }).message;

describe('any method and path reached the upstream with the server token', () => {
  it.each([
    ['DELETE', '/jobs/v1/J-1', 404],
    ['DELETE', '/jobs/v1/bson/J-1', 405],
    ['PUT', '/api/v1/user/1', 404],
    ['GET', '/api/v1/users', 404],
    ['GET', '/jobs/v1/J-1', 404],
    ['PATCH', '/jobs/v1/', 405],
  ])('%s %s answers %i JSON and reaches no upstream', async (method, target, status) => {
    const raw = await exchange(
      [
        `${method} ${target} HTTP/1.1`,
        'Host: 127.0.0.1',
        'X-Jobscope-Client: dashboard',
        'Content-Length: 2',
        'Content-Type: application/json',
      ],
      '{}',
    );
    expect(raw.status).toBe(status);
    expect(raw.headers['content-type']).toContain('application/json');
    expect(upstream.requests).toEqual([]);
  });
});

describe('a cross-site "simple" request aborted a job', () => {
  const abort = '/jobs/v1/C-1/abort';

  it.each([
    [['Origin: https://evil.example', 'Sec-Fetch-Site: cross-site', 'Content-Type: text/plain']],
    [
      [
        'Sec-Fetch-Site: cross-site',
        'Content-Type: application/json',
        'X-Jobscope-Client: dashboard',
      ],
    ],
    [['Sec-Fetch-Site: same-site', 'Content-Type: application/json']],
    [['Origin: https://evil.example', 'Content-Type: application/json']],
    [['Origin: http://127.0.0.1:1', 'X-Jobscope-Client: dashboard']],
    [['Origin: null', 'X-Jobscope-Client: dashboard']],
    [['Content-Type: text/plain']],
    [['Content-Type: application/x-www-form-urlencoded']],
    [['Content-Type: text/plain; application/json']],
    [[]],
  ])('is refused with 403 (%j) and reaches no upstream', async (headers) => {
    const raw = await post(abort, headers, '{"a":1}');
    expect(raw.status).toBe(403);
    expect(message(raw)).toMatch(/^Refused: /);
    expect(upstream.requests).toEqual([]);
  });

  it("the app's own abort goes through and is logged in one line", async () => {
    audits.length = 0;
    const raw = await post(abort, [
      `Origin: http://127.0.0.1:${server.port}`,
      'Sec-Fetch-Site: same-origin',
      'X-Jobscope-Client: dashboard',
    ]);
    expect(raw.status).toBe(200);
    expect(upstream.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${abort}`]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatch(/ abort job="C-1" client=127\.0\.0\.1 outcome=200$/);
  });
});

describe('any Host was served (DNS rebinding)', () => {
  it.each([
    [['Host: evil.example']],
    [['Host: evil.example:8080']],
    [['Host: 127.0.0.1', 'Host: evil.example']],
    [['Host: 127.0.0.1.evil.example']],
  ])('%j gets 421 naming ALLOWED_HOSTS, for the API and the page alike', async (headers) => {
    for (const target of ['/jobs/v1/', '/']) {
      const raw = await get(target, headers);
      expect(raw.status).toBe(421);
      expect(message(raw)).toContain('ALLOWED_HOSTS');
    }
    expect(upstream.requests).toEqual([]);
  });

  it('refuses an absolute request target naming another host', async () => {
    const raw = await get('http://evil.example/jobs/v1/', ['Host: 127.0.0.1']);
    expect(raw.status).toBe(421);
    expect(upstream.requests).toEqual([]);
  });

  it('serves the defaults and the names in ALLOWED_HOSTS', async () => {
    for (const host of ['localhost', `127.0.0.1:${server.port}`, '[::1]:80', 'JOBS.example.com']) {
      expect((await get('/jobs/v1/', [`Host: ${host}`])).status, host).toBe(200);
    }
  });
});

describe("the upstream's answer passed through", () => {
  it('drops CORS, Location, cookies and x-* headers', async () => {
    const raw = await get('/jobs/v1/');
    expect(raw.status).toBe(200);
    for (const name of ['access-control-allow-origin', 'location', 'set-cookie', 'x-upstream']) {
      expect(raw.headers[name], name).toBeUndefined();
    }
    expect(raw.headers['x-total-count']).toBe('17');
  });

  it('turns an HTML body into a JSON error', async () => {
    upstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<script>alert(1)</script>');
    };
    const raw = await get('/jobs/v1/');
    expect(raw.status).toBe(502);
    expect(raw.headers['content-type']).toContain('application/json');
    expect(raw.body).not.toContain('<script>');
  });

  it('never delivers the server token from an error body that echoes headers', async () => {
    upstream.behave = echo('both', 500);
    const jobs = await get('/jobs/v1/');
    const logs = await get('/api/v1/job/1/details/0');
    for (const raw of [jobs, logs]) {
      expect(raw.status).toBe(500);
      expect(raw.body).toContain('[token]');
      expect(raw.body).not.toContain(SECRET);
    }
  });
});

describe('upstream calls were unbounded', () => {
  it('a trickling body ends in a 504 that names the API, not its address', async () => {
    upstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    };
    const raw = await get('/jobs/v1/');
    expect(raw.status).toBe(504);
    expect(message(raw)).toBe('The Jobs API did not answer within 0.5 s.');
    expect(raw.body).not.toContain('127.0.0.1');
  });

  it('a body over UPSTREAM_MAX_BYTES ends in a 502 saying so', async () => {
    upstream.behave = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ logs: 'x'.repeat(20_000) }));
    };
    const raw = await get('/api/v1/job/1/details/0');
    expect(raw.status).toBe(502);
    expect(message(raw)).toBe("The Job log API's response is larger than 16384 bytes.");
  });
});

describe("the browser's forwarding and override headers were forwarded", () => {
  it('sends none of them upstream', async () => {
    await get('/jobs/v1/', [
      'Host: 127.0.0.1',
      'X-Forwarded-For: 6.6.6.6',
      'X-Forwarded-Host: evil.example',
      'X-Forwarded-Proto: https',
      'Forwarded: for=6.6.6.6',
      'Origin: https://evil.example',
      'Referer: https://evil.example/page',
      'X-HTTP-Method-Override: DELETE',
      'X-Original-URL: /admin',
      'X-Real-IP: 6.6.6.6',
      'Cookie: a=1',
    ]);
    const seen = upstream.requests[0]!.headers;
    const sent = Object.keys(seen).filter(
      (name) =>
        ![
          'host',
          'connection',
          'accept-encoding',
          'accept-language',
          'sec-fetch-mode',
          'user-agent',
        ].includes(name),
    );
    expect(sent.sort()).toEqual(['accept', 'authorization']);
    expect(seen.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe('encoded dot segments were forwarded as they were', () => {
  it.each([
    '/jobs/v1/%252e%252e/x',
    '/jobs/v1/bson/%252e%252e',
    '/jobs/v1/bson/..;',
    '/jobs/v1/..;/x',
    '/jobs/v1/.;/x',
    '/jobs/v1/bson/%2e%2e%3b',
    '/jobs/v1/bson/a%2F..%2Fb',
    '/jobs/v1/bson/%25252e%25252e',
    '/api/v1/job/%2e/details/0',
    '/api/v1/job/..%5c..%5cx/details/0',
  ])('%s is refused with a 400 and reaches no upstream', async (target) => {
    const raw = await get(target);
    expect(raw.status).toBe(400);
    expect(message(raw)).toMatch(/dot segment/);
    expect(upstream.requests).toEqual([]);
  });

  it('ids holding / and % still work, encoded once', async () => {
    for (const id of ['a/b', '100%', 'x%2Fy']) {
      const raw = await get(`/jobs/v1/bson/${encodeURIComponent(id)}`);
      expect(raw.status, id).toBe(200);
    }
    expect(upstream.requests.map((r) => r.url)).toEqual([
      '/jobs/v1/bson/a%2Fb',
      '/jobs/v1/bson/100%25',
      '/jobs/v1/bson/x%252Fy',
    ]);
  });
});

describe('Expect: 100-continue gave a 502', () => {
  it('is answered 100, then the abort goes through', async () => {
    const result = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/jobs/v1/C-9/abort',
          headers: { ...APP_HEADERS, 'Content-Type': 'application/json', Expect: '100-continue' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, continued }));
        },
      );
      req.on('continue', () => {
        continued = true;
        req.end('{"reason":"stuck"}');
      });
      req.on('error', reject);
    });
    expect(result).toEqual({ status: 200, continued: true });
    expect(upstream.requests.map((r) => r.body)).toEqual(['{"reason":"stuck"}']);
    expect(upstream.requests[0]!.headers.expect).toBeUndefined();
  });
});

describe('source maps were served', () => {
  it('answers 404 for a .map file that is in dist/', async () => {
    expect((await get('/assets/index-abc.js')).status).toBe(200);
    const map = await get('/assets/index-abc.js.map');
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret.ts');
  });
});

describe('every answer carries the isolation headers', () => {
  it.each(['/', '/jobs/v1/', '/nope/../x'])('%s', async (target) => {
    const raw = await get(target);
    expect(raw.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(raw.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(raw.headers['permissions-policy']).toContain('camera=()');
    expect(raw.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('in simulator mode, /__demo took any request', () => {
  const simulatorApp = (demoOpen = false) => {
    const sim = createSimulator({
      seed: 3,
      jobs: 5,
      bigLogLines: 10,
      autoTick: false,
    });
    const app = createApp(testConfig({ demoOpen }), { distDir, simulator: sim });
    return { sim, app };
  };
  /** The env Node's adapter hands the app: the request as sent, and the peer's address. */
  const from = (remoteAddress: string, url: string, host = 'localhost') => ({
    incoming: { url, rawHeaders: ['Host', host], socket: { remoteAddress } },
  });

  it.each(['192.0.2.2', '10.1.2.3', '::ffff:192.0.2.2', 'fd00::2'])(
    'refuses a client at %s with a 403 naming DEMO_CONTROL',
    async (address) => {
      const { app, sim } = simulatorApp();
      const reset = await app.request(
        '/__demo/reset',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"seed":99}' },
        from(address, '/__demo/reset'),
      );
      expect(reset.status).toBe(403);
      expect(message({ status: 403, headers: {}, body: await reset.text() })).toContain(
        'DEMO_CONTROL=open',
      );
      const state = (await (await sim.app.request('/__demo/state')).json()) as { seed: number };
      expect(state.seed).toBe(3);
    },
  );

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])(
    'serves a client at %s',
    async (address) => {
      const { app } = simulatorApp();
      const state = await app.request('/__demo/state', {}, from(address, '/__demo/state'));
      expect(state.status).toBe(200);
    },
  );

  it('serves other clients with DEMO_CONTROL=open', async () => {
    const { app } = simulatorApp(true);
    const state = await app.request('/__demo/state', {}, from('192.0.2.2', '/__demo/state'));
    expect(state.status).toBe(200);
  });

  it('refuses a cross-site text/plain reset from a local browser over a real socket', async () => {
    const { app, sim } = simulatorApp();
    const local = await listen(app, 0, '127.0.0.1');
    try {
      const send = (headers: string[], body: string) =>
        new Promise<number>((resolve, reject) => {
          const socket = connect(local.port, '127.0.0.1', () =>
            socket.write(
              [
                'POST /__demo/reset HTTP/1.1',
                `Host: 127.0.0.1:${local.port}`,
                `Content-Length: ${body.length}`,
                'Connection: close',
                ...headers,
                '',
                body,
              ].join('\r\n'),
            ),
          );
          let text = '';
          socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
          socket.on('close', () => resolve(Number(text.split(' ')[1])));
          socket.on('error', reject);
        });
      const seed = async () =>
        ((await (await sim.app.request('/__demo/state')).json()) as { seed: number }).seed;
      expect(
        await send(
          [
            'Content-Type: text/plain',
            'Origin: https://evil.example',
            'Sec-Fetch-Site: cross-site',
          ],
          '{"seed":99}',
        ),
      ).toBe(403);
      expect(await send(['Content-Type: text/plain'], '{"seed":99}')).toBe(403);
      expect(await seed()).toBe(3);
      // The tests' and benchmarks' own calls: JSON from this machine.
      expect(await send(['Content-Type: application/json'], '{"seed":99}')).toBe(200);
      expect(await seed()).toBe(99);
    } finally {
      await local.close();
    }
  });
});
