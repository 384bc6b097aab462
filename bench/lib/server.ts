/** Production servers in simulator mode, each on a free port, for the bench to drive. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchServer {
  url: string;
  env: Record<string, string>;
  /** The server's Node process (not the tsx launcher), for its resident memory. */
  pid: number;
  /** When the process was started (ms since the epoch). */
  startedAt: number;
  /** Its store (the job index), removed at stop. */
  dataDir: string;
  stop(): Promise<void>;
}

/** tsx's CLI runs the server in a child Node process: that one holds the memory. */
function nodeProcessOf(launcher: number): number {
  try {
    const children = readFileSync(`/proc/${launcher}/task/${launcher}/children`, 'utf8').trim();
    const [child] = children.split(/\s+/).filter(Boolean).map(Number);
    return child ?? launcher;
  } catch {
    return launcher;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `server/main.ts` (or `start.ts`, which builds a stale dist/ first) and resolves once it
 * answers. `env` holds DEMO_*, LOG_CACHE, LOG_PAGE_LIMIT and the like.
 */
export async function startServer(
  env: Record<string, string>,
  {
    entry = 'main',
    timeoutMs = 240_000,
    ready = '/__demo/state',
  }: { entry?: 'main' | 'start'; timeoutMs?: number; ready?: string } = {},
): Promise<BenchServer> {
  const startedAt = Date.now();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobscope-bench-'));
  const fullEnv = { DATA_DIR: dataDir, ...env, PORT: String(port), HOST: '127.0.0.1' };
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), `server/${entry}.ts`],
    { cwd: ROOT, env: { ...process.env, ...fullEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const response = await fetch(`${url}${ready}`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    env: fullEnv,
    pid: nodeProcessOf(child.pid!),
    startedAt,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 6_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
