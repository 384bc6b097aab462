import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import type { Connect, ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiDevPlugin } from './dev.ts';

const stop = vi.fn();
vi.mock('./runtime.ts', async () => {
  const { standInSimulator, testConfig } = await import('./testHelpers.ts');
  return {
    readConfig: () => testConfig(),
    startRuntime: async () => ({
      simulator: standInSimulator(),
      indexed: undefined,
      stop: async () => stop(),
    }),
  };
});

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** Runs the plugin's middleware in front of a stand-in for the rest of Vite (answers 418). */
async function startDevServer(httpServer = new EventEmitter()) {
  let middleware: Connect.NextHandleFunction | undefined;
  const vite = {
    middlewares: { use: (fn: Connect.NextHandleFunction) => (middleware = fn) },
    httpServer,
  };
  const hook = apiDevPlugin().configureServer as (server: ViteDevServer) => void;
  hook(vite as unknown as ViteDevServer);
  server = createServer((req, res) =>
    middleware?.(req, res, () => {
      res.statusCode = 418;
      res.end('vite');
    }),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, method = 'GET') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    // A POST carries what the app's own requests carry (see the same-origin check).
    const headers = method === 'GET' ? {} : { 'Content-Type': 'application/json' };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('apiDevPlugin', () => {
  it('answers the API paths and leaves everything else to Vite', async () => {
    const port = await startDevServer();
    expect(await get(port, '/jobs/v1/')).toEqual({ status: 200, body: '[{"jobId":"sim-1"}]' });
    expect((await get(port, '/api/v1/job/1/details')).status).toBe(200);
    expect((await get(port, '/__demo/reset', 'POST')).status).toBe(200);
    expect((await get(port, '/api/v1/unknown')).status).toBe(404);
    expect(await get(port, '/src/main.tsx')).toEqual({ status: 418, body: 'vite' });
    expect(await get(port, '/jobs/abc')).toEqual({ status: 418, body: 'vite' });
  });

  it('refuses traversal on API paths', async () => {
    const port = await startDevServer();
    expect((await get(port, '/jobs/v1/%2e%2e/')).status).toBe(400);
    expect((await get(port, '/jobs/v1/../../src/main.tsx')).status).toBe(400);
  });

  it('stops the runtime when Vite closes', async () => {
    const httpServer = new EventEmitter();
    await startDevServer(httpServer);
    stop.mockClear();
    httpServer.emit('close');
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });
});
