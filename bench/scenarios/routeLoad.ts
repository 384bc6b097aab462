/**
 * Scenario 10: route loading. A route opened cold, timed from navigation: when the app's code
 * had arrived, when the app asked for the route's data, and when the first of it was painted. A
 * route whose loader starts fetching asks before its page's code has arrived.
 */
import type { Page } from '@playwright/test';
import { coldContext } from '../lib/browser.ts';
import { installProbe } from '../lib/probe.ts';
import { logWatch, openLog, waitForTimes } from '../lib/jobscopePage.ts';
import { log } from '../lib/benchLog.ts';
import { ROUTE_LOG_LINES, SIM_ENV, type BenchPlan } from '../plan.ts';
import { n } from '../reportNumbers.ts';
import type { BenchResults } from '../results.ts';
import { attempt, medians } from '../runKit.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

export interface RouteLoadRun {
  /** ms from navigation to the arrival of the last script fetched before the first paint */
  codeIn: number;
  /** ms from navigation to the first request for the route's data: the job; the freshness */
  firstData: number;
  /** ms from navigation to the first request for what is painted: the log; the list */
  firstShown: number;
  /** ms from navigation to the first log lines (rows of the list) painted */
  painted: number;
}

/** Page time of the first request whose URL matches `pattern`, or NaN. */
function requestStart(page: Page, pattern: string): Promise<number> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    const starts = performance
      .getEntriesByType('resource')
      .filter((e) => re.test(e.name))
      .map((e) => e.startTime);
    return starts.length > 0 ? Math.min(...starts) : NaN;
  }, pattern);
}

/**
 * When the last script that arrived before `painted` arrived: the code the route needed,
 * whatever its chunks are named.
 */
function codeIn(page: Page, painted: number): Promise<number> {
  return page.evaluate(
    (before) =>
      Math.max(
        ...performance
          .getEntriesByType('resource')
          .map((e) => e as PerformanceResourceTiming)
          .filter((e) => /\.js(\?|$)/.test(e.name) && e.responseEnd <= before)
          .map((e) => e.responseEnd),
      ),
    painted,
  );
}

/** `/jobs/<id>?tab=log`: the job, then its log. */
export async function logRouteOnce(ctx: Ctx, target: Target, job: BenchJob): Promise<RouteLoadRun> {
  const opened = await openLog(ctx.browser, target.url, job.jobId, logWatch(null, null));
  try {
    const times = await waitForTimes(opened.page, ['first'], 60_000);
    const id = encodeURIComponent(job.jobId);
    return {
      codeIn: await codeIn(opened.page, times.first!),
      firstData: await requestStart(opened.page, `/jobs/v1/bson/${id}(\\?|$)`),
      firstShown: await requestStart(opened.page, `/api/v1/job/${id}/details`),
      painted: times.first!,
    };
  } finally {
    await opened.close();
  }
}

/** `/jobs`: the freshness answer, then the list. */
export async function listRouteOnce(ctx: Ctx, target: Target): Promise<RouteLoadRun> {
  const context = await coldContext(ctx.browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, { first: '[data-job-id]' });
    await page.goto(`${target.url}/jobs`);
    const times = await waitForTimes(page, ['first'], 60_000);
    return {
      codeIn: await codeIn(page, times.first!),
      firstData: await requestStart(page, '/jobs/v1/freshness(\\?|$)'),
      firstShown: await requestStart(page, '/jobs/v1/(\\?|$)'),
      painted: times.first!,
    };
  } finally {
    await context.close();
  }
}

/** 10. Each route opened cold, timed from navigation: the log route, then the list. */
export async function routeLoading(
  ctx: Ctx,
  plan: BenchPlan,
  errors: string[],
  target: Target,
  jobs: readonly BenchJob[],
  results: BenchResults,
) {
  const job = jobs.find((j) => j.lines === ROUTE_LOG_LINES);
  if (!job) throw new Error(`no job of ${n(ROUTE_LOG_LINES)} lines for the log route`);
  const routes = [
    { route: '/jobs/:jobId?tab=log', size: job.lines, once: () => logRouteOnce(ctx, target, job) },
    { route: '/jobs', size: Number(SIM_ENV.DEMO_JOBS), once: () => listRouteOnce(ctx, target) },
  ];
  for (const { route, size, once } of routes) {
    const runs: RouteLoadRun[] = [];
    for (let i = 0; i < plan.routeRuns; i++) {
      log(`route ${route}, run ${i + 1}`);
      const run = await attempt(errors, `route ${route}`, once);
      if (run) runs.push(run);
    }
    if (runs.length > 0) results.routeLoad.push({ route, size, runs, median: medians(runs) });
  }
}
