/**
 * Scenario 5: what following a log costs on the wire, against refetching the whole log at each
 * poll; and the requests once the job has completed and while the tab is hidden (both should
 * be none).
 */
import type { Page } from '@playwright/test';
import { logWatch, openLog, SELECTORS, waitForTimes } from '../lib/jobscopePage.ts';
import { followCost, logResponses, type FollowCost } from '../lib/network.ts';
import type { RecordedLog } from '../lib/probe.ts';
import type { Ctx, Target } from './types.ts';

export interface NetworkResult {
  seconds: number;
  follow: FollowCost;
  /** Requests (any API) in the 10 s after the log panel showed the job complete. */
  afterComplete: number;
  /** ms from the job's completion to the panel saying so */
  completeShownAfter: number;
  /** Requests (any API) while the tab was hidden. */
  hidden: number;
  hiddenSeconds: number;
}

function apiRequests(page: Page): { count: () => number } {
  let count = 0;
  page.on('request', (r) => {
    if (/\/(api|jobs)\/v1\//.test(new URL(r.url()).pathname)) count++;
  });
  return { count: () => count };
}

/** Emulates a hidden tab: the Page Visibility API is all the app reads. */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('blur'));
  });
}

/** A job that writes 10 lines a second for longer than any measurement. */
function followedJob(target: Target, title: string) {
  return target.demo.createJob({
    title,
    historicalLogs: 0,
    logRate: 10,
    steps: 500, // the most a demo job may have: it outlasts the measurement
  });
}

/**
 * The log API answers `page` receives over `seconds`, priced: the page was opened with
 * `recordLogs` (its copies of the bodies) and resource timing gives the wire bytes.
 */
async function recordFollow(page: Page, seconds: number): Promise<FollowCost> {
  const from = await page.evaluate(() => performance.now());
  await page.waitForTimeout(seconds * 1000);
  const to = from + seconds * 1000;
  const { records, entries } = await page.evaluate(() => ({
    records: (window as unknown as { __benchLogs?: RecordedLog[] }).__benchLogs ?? [],
    entries: performance.getEntriesByType('resource').map((e) => ({
      url: e.name,
      start: e.startTime,
      encodedBodySize: (e as PerformanceResourceTiming).encodedBodySize,
    })),
  }));
  return followCost(logResponses(records, entries, from, to));
}

/** Following alone, as `network` does first: e.g. through a gateway in another process. */
export async function followBytes(
  ctx: Ctx,
  target: Target,
  seconds: number,
): Promise<{ seconds: number; follow: FollowCost }> {
  const job = await followedJob(target, 'Bench: network through the gateway');
  const opened = await openLog(ctx.browser, target.url, job.jobId, logWatch(null, null), {
    recordLogs: true,
  });
  try {
    return { seconds, follow: await recordFollow(opened.page, seconds) };
  } finally {
    await opened.close();
  }
}

export async function network(
  ctx: Ctx,
  target: Target,
  { seconds, hiddenSeconds }: { seconds: number; hiddenSeconds: number },
): Promise<NetworkResult> {
  const job = await followedJob(target, 'Bench: network');
  const opened = await openLog(ctx.browser, target.url, job.jobId, logWatch(null, null), {
    recordLogs: true,
  });
  const { page } = opened;
  try {
    const follow = await recordFollow(page, seconds);

    // Completion: the panel learns it from the log API (progress) or the Jobs API.
    const requests = apiRequests(page);
    const completedAt = Date.now();
    await target.demo.setStatus(job.jobId, { status: 'Completed' });
    await page.evaluate((spec) => window.__bench!.watch(spec), {
      status: SELECTORS.status,
      statusText: 'complete',
    });
    await waitForTimes(page, ['status'], 60_000);
    const completeShownAfter = Date.now() - completedAt;
    const base = requests.count();
    await page.waitForTimeout(10_000);
    const afterComplete = requests.count() - base;

    // Hidden: a second, still running job.
    const running = await target.demo.createJob({
      title: 'Bench: hidden tab',
      historicalLogs: 100,
      logRate: 10,
      steps: 500, // the most a demo job may have: it outlasts the measurement
    });
    const other = await openLog(ctx.browser, target.url, running.jobId, logWatch(null, null));
    try {
      await waitForTimes(other.page, ['first'], 30_000);
      await other.page.waitForTimeout(1_000);
      const hiddenRequests = apiRequests(other.page);
      await hide(other.page);
      // A request already under way when the tab hid may still finish; count from the next tick.
      await other.page.waitForTimeout(500);
      const hiddenBase = hiddenRequests.count();
      await other.page.waitForTimeout(hiddenSeconds * 1000);
      return {
        seconds,
        follow,
        afterComplete,
        completeShownAfter,
        hidden: hiddenRequests.count() - hiddenBase,
        hiddenSeconds,
      };
    } finally {
      await other.close();
    }
  } finally {
    await opened.close();
  }
}
