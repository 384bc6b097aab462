import path from 'node:path';
import { createApp } from './app.ts';
import { ConfigError, describeMode } from './config.ts';
import { isEntryModule, PROJECT_ROOT } from './entry.ts';
import { listen } from './listen.ts';
import { readConfig, startRuntime } from './runtime.ts';

const SHUTDOWN_GRACE_MS = 5_000;

/** `npm run serve`: the dashboard from dist/ and both APIs, configured from the environment. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(env, PROJECT_ROOT);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Jobscope: ${error.message}`);
    process.exit(1);
  }
  const runtime = await startRuntime(config);
  const { simulator, indexed, logCache } = runtime;
  const app = createApp(config, {
    distDir: path.join(PROJECT_ROOT, 'dist'),
    simulator,
    indexed,
    logCache,
  });

  let listening: Awaited<ReturnType<typeof listen>>;
  try {
    listening = await listen(app, config.port, config.host);
  } catch (error) {
    await runtime.stop();
    console.error(`Jobscope: cannot listen on port ${config.port}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(
    `Jobscope listening on http://${listening.address}:${listening.port}${everyInterface(listening.address)} (${describeMode(config)})`,
  );

  // A stray rejection must not take the dashboard down for every operator.
  process.on('unhandledRejection', (reason) =>
    console.error('Jobscope: unhandled rejection', reason),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second Ctrl-C means now
    stopping = true;
    console.log(`Jobscope: ${signal} received, shutting down`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    void listening
      .close()
      .then(() => runtime.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function everyInterface(address: string): string {
  return address === '0.0.0.0' || address === '[::]' ? ' on every interface' : '';
}

if (isEntryModule(import.meta.url)) await main();
