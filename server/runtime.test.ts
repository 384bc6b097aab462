import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiApp } from './app.ts';
import { ConfigError } from './config.ts';
import { readConfig, startRuntime, type Runtime } from './runtime.ts';

let runtime: Runtime | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** /__demo answers clients on this machine; here, one the Node adapter says is local. */
const local = {
  incoming: { rawHeaders: ['Host', 'localhost'], socket: { remoteAddress: '127.0.0.1' } },
};

describe('the runtime with the real simulator', () => {
  it('serves the list from the job index, both APIs and /__demo when nothing is proxied', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobscope-runtime-'));
    runtime = await startRuntime(
      readConfig({ DEMO_JOBS: '5', DEMO_BIG_LOG_LINES: '50', DATA_DIR: dataDir }),
    );
    const app = createApiApp(runtime.config, runtime);
    const list = await app.request('/jobs/v1/?limit=2');
    expect(list.status).toBe(200);
    expect(Number(list.headers.get('X-Total-Count'))).toBeGreaterThan(0);
    const jobs = (await list.json()) as { jobId: string }[];
    const logs = await app.request(
      `/api/v1/job/${encodeURIComponent(jobs[0]?.jobId ?? '')}/details`,
    );
    expect(logs.status).toBe(200);
    expect((await app.request('/__demo/state', {}, local)).status).toBe(200);
    expect((await app.request('/__demo/state')).status).toBe(403);
    const unknown = await app.request('/jobs/v1/no/such/route/here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
  });

  it('starts no simulator when both APIs are proxied, and no index when it is off', async () => {
    runtime = await startRuntime(
      readConfig({
        JOBS_API_URL: 'http://a.example',
        LOGS_API_URL: 'http://b.example',
        JOBS_INDEX: 'off',
      }),
    );
    expect(runtime.simulator).toBeUndefined();
    expect(runtime.indexed).toBeUndefined();
  });

  it("reports the simulator's own variables as configuration errors", () => {
    expect(() => readConfig({ DEMO_JOBS: 'many' })).toThrow(ConfigError);
    expect(() => readConfig({ DEMO_JOBS: 'many' })).toThrow(/DEMO_JOBS/);
  });
});
