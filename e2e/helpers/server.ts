/**
 * A Jobscope server of a test's own, in a child process: to restart it (same seed, same port)
 * or to run it in proxy mode against local upstreams. It serves the dist/ the suite built.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_SYNC } from './sync';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface OwnServer {
  port: number;
  url: string;
  /** Its store: pass it to a restarted server to keep the job index. */
  dataDir: string;
  /** Everything the process wrote, for assertions that nothing secret is logged. */
  output(): string;
  stop(): Promise<void>;
}

export async function startServer(
  port: number,
  env: Record<string, string> = {},
): Promise<OwnServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'jobscope-e2e-own-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_SEED: '7',
        DEMO_JOBS: '60',
        DEMO_BIG_LOG_LINES: '2000',
        LOG_PAGE_LIMIT: '2000',
        ...E2E_SYNC,
        ...env,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntil(async () => {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    const response = await fetch(`${url}/jobs`).catch(() => null);
    return response?.ok ?? false;
  }, 30_000);
  return {
    port,
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not ready after ${timeoutMs} ms`);
}
