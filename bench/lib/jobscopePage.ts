/** Jobscope's log view, opened cold with the probe watching for the first and last lines. */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { coldContext } from './browser.ts';
import { openCdp } from './cdp.ts';
import { installLogRecorder, installProbe, type ProbeTimes, type WatchSpec } from './probe.ts';

export const SELECTORS = {
  viewport: '[aria-label="Job log"] [aria-label="Log lines"]',
  row: '[aria-label="Job log"] [data-log-id]',
  status: '[aria-label="Job log"] [data-testid="log-status"]',
  tail: (id: number) => `[data-log-id="${id}"]`,
};

export interface OpenedLog {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * The first line, the tail (`lastId`) and every line held (`total`, as the status line counts
 * it). The status must say the count is live: while a gateway reads a big log the same line
 * says "2,000 lines - Jobscope is reading this log ...: 1,000,000 lines so far".
 */
export function logWatch(lastId: number | null, total: number | null): WatchSpec {
  return {
    first: SELECTORS.row,
    viewport: SELECTORS.viewport,
    tail: lastId === null ? undefined : SELECTORS.tail(lastId),
    status: total === null ? undefined : SELECTORS.status,
    statusText: total === null ? undefined : `${total.toLocaleString('en-US')} lines - live`,
  };
}

export async function openLog(
  browser: Browser,
  baseUrl: string,
  jobId: string,
  watch: WatchSpec | null,
  /** Keep a copy of each log answer the app receives (`installLogRecorder`). */
  {
    recordLogs = false,
    wrap = false,
    query = '',
    context: contextLines = 0,
    volume = true,
  }: {
    recordLogs?: boolean;
    wrap?: boolean;
    /** More of the log route's query string, e.g. "&level=ERROR,WARN". */
    query?: string;
    /** Lines of context around a filter's lines (the panel's remembered preference). */
    context?: number;
    /** The volume histogram shown (the app's default), or hidden by its remembered chip. */
    volume?: boolean;
  } = {},
): Promise<OpenedLog> {
  const context = await coldContext(browser);
  const page = await context.newPage();
  // The panel's remembered preference (src/features/job-log/model/logPrefs.ts).
  if (wrap) await page.addInitScript(() => localStorage.setItem('jobscope.log.wrap', 'on'));
  if (!volume) await page.addInitScript(() => localStorage.setItem('jobscope.log.volume', 'off'));
  if (contextLines > 0) {
    await page.addInitScript(
      (lines: number) => localStorage.setItem('jobscope.log.context', String(lines)),
      contextLines,
    );
  }
  // A log of 1,000,000 lines in pages of 2,000 is 500 requests: keep every timing entry.
  await page.addInitScript(() => performance.setResourceTimingBufferSize(1_000_000));
  await page.addInitScript(installProbe, watch);
  if (recordLogs) await page.addInitScript(installLogRecorder, jobId);
  const cdp = await openCdp(page);
  await page.mouse.move(0, 0);
  await page.goto(`${baseUrl}/jobs/${encodeURIComponent(jobId)}?tab=log${query}`);
  return { context, page, cdp, close: () => context.close() };
}

export async function waitForTimes(
  page: Page,
  keys: (keyof ProbeTimes)[],
  timeoutMs: number,
): Promise<ProbeTimes> {
  await page.waitForFunction(
    (wanted) => {
      const times = window.__bench?.times();
      return !!times && wanted.every((k) => times[k] !== null);
    },
    keys,
    { timeout: timeoutMs, polling: 100 },
  );
  return page.evaluate(() => window.__bench!.times());
}

/** startTime (page time) of the page's first log API request, or NaN: when the app asked. */
export function firstLogRequest(page: Page, jobId: string): Promise<number> {
  return page.evaluate((id) => {
    const starts = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`/api/v1/job/${id}/details`))
      .map((e) => e.startTime);
    return starts.length > 0 ? Math.min(...starts) : NaN;
  }, jobId);
}

/** responseEnd (page time) of log API responses, in order of arrival. */
export function logResponseEnds(
  page: Page,
  jobId: string,
): Promise<{ url: string; end: number }[]> {
  return page.evaluate((id) => {
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes(`/api/v1/job/${id}/details`))
      .map((e) => ({ url: e.name, end: (e as PerformanceResourceTiming).responseEnd }))
      .sort((a, b) => a.end - b.end);
  }, jobId);
}

export function longestTaskBetween(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) =>
      window
        .__bench!.longTasks()
        .filter((t) => t.start + t.duration > a! && t.start < b!)
        .reduce((max, t) => Math.max(max, t.duration), 0),
    [from, to],
  );
}
