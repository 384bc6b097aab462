/** Chromium DevTools Protocol readings of a page: heap and DOM size. */
import type { CDPSession, Page } from '@playwright/test';

export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * JS heap in use after a full collection, in MB: what the page holds on to, not garbage that
 * happens to be waiting. `gc` false reads it as it stands.
 */
export async function heapMb(cdp: CDPSession, gc = true): Promise<number> {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const m = await metrics(cdp);
  return (m.JSHeapUsedSize ?? NaN) / (1024 * 1024);
}

export function domElements(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}
