/**
 * The gateway in-process over the simulator, as `npm start` runs it: the job index and the log
 * cache on a fresh data directory, syncing and tailing fast. For tests of the gateway and of the app's API module.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../src/contract/headers.ts';
import { createApiApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { SimulatorOptions } from './demo/index.ts';
import type { SyncSettings } from './gateway/jobIndex/sync.ts';
import { startRuntime } from './runtime.ts';
import { testConfig } from './testHelpers.ts';

export interface TestGatewayOptions {
  sim?: Partial<SimulatorOptions>;
  sync?: Partial<SyncSettings>;
  config?: Partial<ServerConfig>;
}

export async function testGateway(options: TestGatewayOptions = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobscope-gateway-'));
  const config = testConfig({
    jobsIndex: true,
    logCache: true,
    dataDir,
    sync: {
      pageSize: 100,
      ratePerSecond: 0,
      passIntervalMs: 50,
      hotIntervalMs: 50,
      ...options.sync,
    },
    simulator: {
      seed: 1,
      jobs: 60,
      bigLogLines: 5000,
      autoTick: false,
      ...options.sim,
    },
    ...options.config,
  });
  const runtime = await startRuntime(config);
  const app = createApiApp(config, runtime);
  const indexes = runtime.jobIndexes;
  const shared = indexes ? await indexes.indexFor(indexes.credentialOf(undefined)) : undefined;
  return {
    app,
    runtime,
    /** The index every caller without a token shares (none with the index off). */
    get shared() {
      if (!shared) throw new Error('the job index is off');
      return shared;
    },
    sim: runtime.simulator!,
    /** A /__demo call, straight to the simulator. */
    async demo<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
      const response = await runtime.simulator!.app.request(route, {
        method,
        headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status}`);
      return (await response.json()) as T;
    },
    /** Waits for the shared index to finish `passes` complete passes in all. */
    async passes(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (this.shared.passCount < count) {
        if (Date.now() > deadline) throw new Error(`no pass ${count} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof testGateway>>;
