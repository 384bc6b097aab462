import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../src/contract/headers.ts';
import type { ServerConfig } from './config.ts';
import { DEFAULT_LOG_CACHE } from './gateway/logCache/jobLog.ts';
import { DEFAULT_LOG_JOB_ID_FROM } from './gateway/logCache/logJobId.ts';
import { DEFAULT_ALLOWED_HOSTS } from './security/hosts.ts';

/** A config with defaults and no upstreams; tests override what they need. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    allowedHosts: new Set(DEFAULT_ALLOWED_HOSTS),
    jobs: null,
    logs: null,
    proxyTimeoutMs: 2_000,
    upstreamMaxBytes: 4 * 1024 * 1024,
    maxBodyBytes: 1024,
    // In-process requests have no socket to tell a local client by; the check has its own tests.
    demoOpen: true,
    // In-process tests that want the job index hand the app one (see testIndex).
    jobsIndex: false,
    dataDir: '/nonexistent',
    sync: { pageSize: 100, ratePerSecond: 0, passIntervalMs: 1000, hotIntervalMs: 500 },
    indexIdleMs: 60_000,
    // In-process tests that want the log cache hand the app one (see testGateway).
    logCache: false,
    logSettings: { ...DEFAULT_LOG_CACHE, pollMs: 50, progressMs: 2_000 },
    logJobIdFrom: [DEFAULT_LOG_JOB_ID_FROM],
    simulator: { seed: 1, jobs: 3, bigLogLines: 10 },
    ...overrides,
  };
}

/** The headers the app's own client sends with a state-changing request. */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  [CLIENT_HEADER]: CLIENT_HEADER_VALUE,
  Accept: 'application/json',
};

/** Stands in for the simulator: a few routes at the same absolute paths. */
export function standInSimulator() {
  const app = new Hono();
  app.get('/jobs/v1/', (c) => c.json([{ jobId: 'sim-1' }], 200, { 'X-Total-Count': '1' }));
  app.get('/jobs/v1/bson/explode', () => {
    throw new Error('simulated failure');
  });
  app.get('/api/v1/job/:id/details', (c) =>
    c.json({ status: 'SUCCESS', payload: { job: { id: c.req.param('id') }, logs: [] } }, 200, {
      'X-Last-Log-Id': '42',
    }),
  );
  app.post('/__demo/reset', async (c) => c.json({ reset: true, body: await c.req.text() }));
  return { app };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the double answers one request: write to `res`, or never answer. */
export type UpstreamBehaviour = (
  res: ServerResponse,
  recorded: RecordedRequest,
  req: IncomingMessage,
) => void;

export interface TestUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Replaced by a test for the requests that follow; `echo` by default. */
  behave: UpstreamBehaviour;
  close(): Promise<void>;
}

/** 200 JSON describing the request it got, with extra headers a gateway must not pass on. */
export const echo =
  (name: string, status = 200): UpstreamBehaviour =>
  (res, recorded) => {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'X-Total-Count': '17',
      'X-Last-Log-Id': '99',
      'X-Upstream': name,
      'Access-Control-Allow-Origin': '*',
      'Set-Cookie': 'upstream=1',
      Location: 'http://10.0.0.9/internal',
      Connection: 'close',
    });
    res.end(JSON.stringify({ upstream: name, ...recorded }));
  };

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers as `behave` says. An
 * upstream that echoes request headers in its error bodies is the case a gateway must survive.
 */
export async function startUpstream(name: string): Promise<TestUpstream> {
  const requests: RecordedRequest[] = [];
  const double: TestUpstream = {
    url: '',
    requests,
    behave: echo(name),
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      double.behave(res, recorded, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  double.url = `http://127.0.0.1:${port}`;
  double.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return double;
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
