import { afterEach, describe, expect, it } from 'vitest';
import { createApiApp } from './app.ts';
import { ConfigError } from './config.ts';
import { createRuntime, type Runtime } from './runtime.ts';

let runtime: Runtime | undefined;
afterEach(() => runtime?.simulator?.stop());

describe('createRuntime with the real simulator', () => {
  it('serves both APIs and /__demo when nothing is proxied', async () => {
    runtime = createRuntime({ DEMO_JOBS: '5', DEMO_BIG_LOG_LINES: '50' });
    const app = createApiApp(runtime.config, { simulator: runtime.simulator });
    const list = await app.request('/jobs/v1/?limit=2');
    expect(list.status).toBe(200);
    expect(Number(list.headers.get('X-Total-Count'))).toBeGreaterThan(0);
    const jobs = (await list.json()) as { jobId: string }[];
    const logs = await app.request(
      `/api/v1/job/${encodeURIComponent(jobs[0]?.jobId ?? '')}/details`,
    );
    expect(logs.status).toBe(200);
    // /__demo answers clients on this machine; here, one the Node adapter says is local.
    const local = {
      incoming: { rawHeaders: ['Host', 'localhost'], socket: { remoteAddress: '127.0.0.1' } },
    };
    expect((await app.request('/__demo/state', {}, local)).status).toBe(200);
    expect((await app.request('/__demo/state')).status).toBe(403);
    const unknown = await app.request('/jobs/v1/no/such/route/here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
  });

  it('starts no simulator when both APIs are proxied', () => {
    runtime = createRuntime({ JOBS_API_URL: 'http://a.example', LOGS_API_URL: 'http://b.example' });
    expect(runtime.simulator).toBeUndefined();
  });

  it("reports the simulator's own variables as configuration errors", () => {
    expect(() => createRuntime({ DEMO_JOBS: 'many' })).toThrow(ConfigError);
    expect(() => createRuntime({ DEMO_JOBS: 'many' })).toThrow(/DEMO_JOBS/);
  });
});
