import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `npm run serve` (without npm) and collects its output. */
function serve(env: Record<string, string>) {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { process: child, output };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (child?.exitCode !== null) throw new Error(`exited early: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run serve', () => {
  it('binds loopback by default, says so, serves the simulator and stops on SIGTERM', async () => {
    const { process: server, output } = serve({ HOST: '' });
    const [, port] = await waitFor(
      () => output.stdout,
      /Jobscope listening on http:\/\/127\.0\.0\.1:(\d+) \(simulator\)/,
    );
    const response = await fetch(`http://127.0.0.1:${port}/jobs/v1/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`http://127.0.0.1:${port}/__demo/state`)).status).toBe(200);

    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
  }, 30_000);

  it('names the proxied upstreams without their tokens', async () => {
    const { process: server, output } = serve({
      JOBS_API_URL: 'http://127.0.0.1:9/base',
      JOBS_API_TOKEN: 'very-secret',
    });
    const [line] = await waitFor(() => output.stdout, /Jobscope listening on .*\n/);
    expect(line).toContain('(proxy: jobs -> http://127.0.0.1:9/base; simulator: logs)');
    expect(output.stdout).not.toContain('very-secret');
    server.kill('SIGINT');
    expect((await once(server, 'exit'))[0]).toBe(0);
  }, 30_000);

  it('prints the address it really bound', async () => {
    const { process: server, output } = serve({ HOST: '0.0.0.0' });
    const [line] = await waitFor(() => output.stdout, /Jobscope listening on .*\n/);
    expect(line).toMatch(
      /^Jobscope listening on http:\/\/0\.0\.0\.0:\d+ on every interface \(simulator\)/,
    );
    server.kill('SIGTERM');
    await once(server, 'exit');
  }, 30_000);

  it('refuses to serve the network with a server token unless told to trust it', async () => {
    const { process: server, output } = serve({
      HOST: '0.0.0.0',
      JOBS_API_URL: 'http://127.0.0.1:9',
      JOBS_API_TOKEN: 'very-secret',
    });
    const [code] = await once(server, 'close');
    expect(code).toBe(1);
    expect(output.stderr).toContain('TRUST_NETWORK=1');
    expect(output.stderr).not.toContain('very-secret');
  }, 30_000);

  it('fails fast with a clear message on a bad value', async () => {
    const { process: server, output } = serve({ PORT: 'eighty' });
    // 'close', not 'exit': stderr is complete only once the pipes have closed.
    const [code] = await once(server, 'close');
    expect(code).toBe(1);
    expect(output.stderr).toContain('PORT must be an integer from 0 to 65535, got "eighty"');
  }, 30_000);
});
