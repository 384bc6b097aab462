import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium';
import { E2E_SYNC } from './e2e/helpers/sync';

/**
 * The config is loaded again in every worker process: the port is chosen once, in the runner,
 * and handed to workers through the environment so they all talk to the same server.
 */
function freePort(): number {
  const out = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ]);
  return Number(String(out).trim());
}
process.env.E2E_PORT ??= String(freePort());
// A store of the run's own: the job index starts empty, as on a fresh machine.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'jobscope-e2e-'));
process.env.E2E_CHROMIUM ??= chromiumExecutable() ?? '';

const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const isCI = !!process.env.CI;

export default defineConfig({
  testDir: './e2e',
  // Tests share one simulator whose faults are global: one worker keeps them from colliding.
  workers: 1,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM || undefined,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npx tsx server/start.ts',
    url: `${baseURL}/jobs`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_SEED: '7',
      DEMO_JOBS: '60',
      DEMO_BIG_LOG_LINES: '20000',
      LOG_PAGE_LIMIT: '2000',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ...E2E_SYNC,
    },
  },
});
