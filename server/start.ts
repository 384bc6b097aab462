import { staleBuildReason } from './buildFreshness.ts';
import { isEntryModule, PROJECT_ROOT } from './entry.ts';
import { main } from './main.ts';

/** `npm start`: build the dashboard when dist/ is missing or out of date, then serve it. */
async function start(): Promise<void> {
  const reason = await staleBuildReason(PROJECT_ROOT);
  if (reason) {
    console.log(`Jobscope: building the dashboard (${reason})`);
    // Imported only here: serving an existing build never loads Vite.
    const { build } = await import('vite');
    await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  }
  await main();
}

if (isEntryModule(import.meta.url)) await start();
