import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { staleBuildReason } from './buildFreshness.ts';
import { isEntryModule, PROJECT_ROOT } from './entry.ts';
import { main } from './main.ts';

/**
 * Builds into a private directory and swaps it in with renames, so a server already serving
 * dist/ (another `npm start`, a test run) never reads a half-written build.
 */
async function buildDashboard(): Promise<void> {
  const dist = path.join(PROJECT_ROOT, 'dist');
  const fresh = path.join(PROJECT_ROOT, `.dist-build-${process.pid}`);
  const old = path.join(PROJECT_ROOT, `.dist-old-${process.pid}`);
  // Imported only here: serving an existing build never loads Vite.
  const { build } = await import('vite');
  await build({
    root: PROJECT_ROOT,
    logLevel: 'warn',
    build: { outDir: fresh, emptyOutDir: true },
  });
  await rename(dist, old).catch(() => undefined);
  await rename(fresh, dist);
  await rm(old, { recursive: true, force: true });
}

/** `npm start`: build the dashboard when dist/ is missing or out of date, then serve it. */
async function start(): Promise<void> {
  const reason = await staleBuildReason(PROJECT_ROOT);
  if (reason) {
    console.log(`Jobscope: building the dashboard (${reason})`);
    await buildDashboard();
  }
  await main();
}

if (isEntryModule(import.meta.url)) await start();
