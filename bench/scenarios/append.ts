/**
 * Scenario 2 (appends while following) and 3 (scrolling) on one opened log: N lines held, the
 * simulator appends 1,000 lines, the bench times from the response's arrival to the new tail
 * painted and sums the main thread's work in between from a trace.
 */
import type { Page } from '@playwright/test';
import { domElements, heapMb } from '../lib/cdp.ts';
import { frameStats, type FrameStats } from '../lib/frames.ts';
import {
  logResponseEnds,
  logWatch,
  openLog,
  SELECTORS,
  waitForTimes,
} from '../lib/jobscopePage.ts';
import { scrollThrough } from '../lib/probe.ts';
import {
  eventTs,
  hotFunctions,
  rendererMain,
  resourceFinishes,
  workBetween,
} from '../lib/trace.ts';
import { longestTaskOf, traced, type Acted, type Hot } from '../lib/acted.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

export const APPEND_COUNT = 1000;

/** A level filter with context lines around the lines it keeps. */
export interface ContextMode {
  /** The `level` parameter, e.g. "ERROR,WARN". */
  levels: string;
  lines: number;
}

/**
 * 1,000 lines to append under a level filter: the simulator's mix of levels (WARN and ERROR
 * about one in seven), ending with an ERROR so the new tail is shown and its paint can be timed.
 */
function filteredAppend(batch: number): { entries: { level: string; message: string }[] } {
  const entries = Array.from({ length: APPEND_COUNT }, (_, i) => {
    const roll = (i * 37 + batch * 11) % 100;
    const level = roll < 15 ? 'DEBUG' : roll < 86 ? 'INFO' : roll < 96 ? 'WARN' : 'ERROR';
    return { level, message: `Processed batch ${batch}.${i} (${20 + (roll % 180)} records)` };
  });
  entries[entries.length - 1]!.level = 'ERROR';
  return { entries };
}
export const SCROLL_FRAMES = 60;

export interface AppendRun {
  /** ms from the response's arrival to the new tail painted */
  painted: number;
  /** ms of main-thread tasks in that window */
  work: number;
  longestTask: number;
}

/** Folding and unfolding one step section: the longest main-thread task of each, ms. */
export interface FoldRun {
  fold: number;
  unfold: number;
}

export interface FollowResult {
  appends: AppendRun[];
  /** With `folds`: each fold and unfold of the first step's section, its lines on screen. */
  folds?: FoldRun[];
  /** Self time by function over the slowest fold or unfold. */
  foldHot?: Hot[];
  /** The trace events inside the slowest fold's or unfold's longest task, by name. */
  foldParts?: { name: string; ms: number }[];
  /** Self time by function over the slowest append's window. */
  hot: Hot[];
  heapMb: number;
  domElements: number;
  scroll: FrameStats;
  /** Heap with N lines held, before any append. */
  heapHeldMb: number;
}

export async function scrollFrames(page: Page, selector: string): Promise<FrameStats> {
  await page.evaluate((s) => {
    document.querySelector(s)!.scrollTop = 0;
  }, selector);
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const stamps = await page.evaluate(scrollThrough, { selector, frames: SCROLL_FRAMES });
  return frameStats(stamps);
}

export async function followAndAppend(
  ctx: Ctx,
  target: Target,
  job: BenchJob,
  reps: number,
  {
    wrap = false,
    folds = false,
    context,
    volume = true,
  }: { wrap?: boolean; folds?: boolean; context?: ContextMode; volume?: boolean } = {},
): Promise<FollowResult> {
  // Under a filter the last line held may be hidden: the open waits for the count alone.
  const opened = await openLog(
    ctx.browser,
    target.url,
    job.jobId,
    logWatch(context ? null : job.lastId, job.held ?? job.lines),
    {
      wrap,
      query: context ? `&level=${context.levels}` : '',
      context: context?.lines,
      volume,
    },
  );
  const { page, cdp } = opened;
  try {
    await waitForTimes(
      page,
      context ? ['status'] : ['tail', 'status'],
      Math.max(60_000, job.lines / 5),
    );
    const heapHeldMb = await heapMb(cdp);
    const appends: AppendRun[] = [];
    let hot: Hot[] = [];
    let slowest = -1;
    let lastId = job.lastId;
    for (let i = 0; i < reps; i++) {
      const cursor = lastId;
      const { value: tail, events } = await traced(ctx, page, async () => {
        // Behind the gateway the request that will bring the lines may be a long poll sent
        // before the trace began, whose send (and so its finish) the trace would lack: append
        // once the app has sent its next request. (A held poll ends within its 8 s.)
        await page
          .waitForRequest((r) => r.url().includes(`/api/v1/job/${job.jobId}/details/`), {
            timeout: 15_000,
          })
          .catch(() => undefined);
        const added = await target.demo.appendLogs(
          job.jobId,
          context ? filteredAppend(i) : { count: APPEND_COUNT },
        );
        await page.evaluate((spec) => window.__bench!.watch(spec), logWatch(added.lastId!, null));
        await waitForTimes(page, ['tail'], 20_000);
        lastId = added.lastId!;
        // A later scenario on this job (wrapping on) waits for what it holds now.
        job.lastId = lastId;
        job.held = (job.held ?? job.lines) + added.appended;
        return (await page.evaluate(() => window.__bench!.times())).tail!;
      });
      const urlPart = `/details/${cursor}`;
      // The path alone: behind the gateway the request that brings the lines may be a long poll
      // (`?wait=8`).
      const arrived = (await logResponseEnds(page, job.jobId))
        .filter((e) => new URL(e.url).pathname.endsWith(urlPart) && e.end <= tail)
        .at(-1)?.end;
      const thread = rendererMain(events, 'bench:tail');
      const markTs = eventTs(events, 'bench:tail');
      const finishTs = resourceFinishes(events, urlPart)
        .filter((t) => markTs === null || t <= markTs)
        .at(-1);
      const work =
        thread && markTs !== null && finishTs !== undefined
          ? workBetween(events, thread, finishTs, markTs)
          : { total: NaN, longest: NaN, tasks: 0 };
      appends.push({
        painted: tail - (arrived ?? NaN),
        work: work.total,
        longestTask: work.longest,
      });
      if (thread && markTs !== null && finishTs !== undefined && work.total > slowest) {
        slowest = work.total;
        hot = hotFunctions(events, thread, finishTs, markTs);
      }
    }
    const folded = folds ? await foldSections(ctx, page, reps) : undefined;
    const scroll = await scrollFrames(page, SELECTORS.viewport);
    return {
      appends,
      folds: folded?.runs,
      foldHot: folded?.hot,
      foldParts: folded?.parts,
      hot,
      heapHeldMb,
      heapMb: await heapMb(cdp),
      domElements: await domElements(page),
      scroll,
    };
  } finally {
    await opened.close();
  }
}

/**
 * Folds and unfolds the first step's section `reps` times, at the top of the log (follow off),
 * by clicking its header as an operator would.
 */
async function foldSections(
  ctx: Ctx,
  page: Page,
  reps: number,
): Promise<{ runs: FoldRun[]; hot: Hot[]; parts: { name: string; ms: number }[] }> {
  await page.getByText('Follow', { exact: true }).click();
  await page.evaluate((s) => {
    document.querySelector(s)!.scrollTop = 0;
  }, SELECTORS.viewport);
  const header = page.locator(`${SELECTORS.viewport} [data-section] button`, {
    hasText: /^Step 1 - /,
  });
  await header.waitFor({ timeout: 10_000 });
  const runs: FoldRun[] = [];
  let slowest: Acted = { longest: -1, hot: [], parts: [] };
  for (let i = 0; i < reps; i++) {
    const fold = await longestTaskOf(ctx, page, async () => {
      await header.click();
      await page.waitForSelector(`${SELECTORS.viewport} [aria-expanded="false"]`);
    });
    const unfold = await longestTaskOf(ctx, page, async () => {
      await header.click();
      await page.waitForSelector(`${SELECTORS.viewport} [aria-expanded="false"]`, {
        state: 'detached',
      });
    });
    runs.push({ fold: fold.longest, unfold: unfold.longest });
    for (const acted of [fold, unfold]) if (acted.longest > slowest.longest) slowest = acted;
  }
  return { runs, hot: slowest.hot, parts: slowest.parts };
}
