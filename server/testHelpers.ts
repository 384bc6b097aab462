import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import type { ServerConfig } from './config.ts';

/** A config with defaults and no upstreams; tests override what they need. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    jobs: null,
    logs: null,
    proxyTimeoutMs: 2_000,
    maxBodyBytes: 1024,
    simulator: { seed: 1, jobs: 3, bigLogLines: 10, logPageLimit: 100 },
    ...overrides,
  };
}

/** Stands in for the simulator: a few routes at the same absolute paths. */
export function standInSimulator() {
  const app = new Hono();
  app.get('/jobs/v1/', (c) => c.json([{ jobId: 'sim-1' }], 200, { 'X-Total-Count': '1' }));
  app.get('/jobs/v1/explode', () => {
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

export interface TestUpstream {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that records every request. It answers with the status from
 * `?status=`, echoes what it received as JSON, and never answers paths containing /hang.
 */
export async function startUpstream(name: string): Promise<TestUpstream> {
  const requests: RecordedRequest[] = [];
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
      if (recorded.url.includes('/hang')) return;
      const status = Number(new URL(recorded.url, 'http://x').searchParams.get('status') ?? 200);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'X-Total-Count': '17',
        'X-Last-Log-Id': '99',
        'X-Upstream': name,
        'Set-Cookie': 'upstream=1',
        Connection: 'close',
      });
      res.end(JSON.stringify({ upstream: name, ...recorded }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
