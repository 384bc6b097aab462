/** Chromium for the bench: the same executable and flags as the end-to-end tests. */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../e2e/chromium.ts';

export const VIEWPORT = { width: 1440, height: 900 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/** A fresh context per measurement: a cold cache, no service worker, nothing shared. */
export async function coldContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx compiles the probe's functions with esbuild's keepNames, which calls a `__name` helper
  // that exists only in Node; the page needs its own.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

/** Categories for main-thread work, user-timing marks, network timing and CPU samples. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];
