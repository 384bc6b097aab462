/**
 * Timing one action in the page from a trace: the longest main-thread task between a mark set
 * before it and two frames after it, the functions that took the time, and what the longest
 * task was made of.
 */
import type { Page } from '@playwright/test';
import type { Ctx } from '../scenarios/types.ts';
import { TRACE_CATEGORIES } from './browser.ts';
import {
  eventTs,
  hotFunctions,
  longestTaskParts,
  parseTrace,
  rendererMain,
  workBetween,
} from './trace.ts';

export interface Hot {
  name: string;
  selfMs: number;
}

export async function traced<T>(ctx: Ctx, page: Page, work: () => Promise<T>) {
  await ctx.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  try {
    const value = await work();
    return { value, events: parseTrace(await ctx.browser.stopTracing()) };
  } catch (error) {
    await ctx.browser.stopTracing().catch(() => undefined);
    throw error;
  }
}

export interface Acted {
  longest: number;
  hot: Hot[];
  parts: { name: string; ms: number }[];
}

/** The longest main-thread task from a mark set before `act` to two frames after it. */
export async function longestTaskOf(
  ctx: Ctx,
  page: Page,
  act: () => Promise<void>,
): Promise<Acted> {
  const { events } = await traced(ctx, page, async () => {
    // Starting the trace's CPU profiler walks the page's heap on its main thread (one task of
    // 60-200 ms at these sizes, all of it V8.InvokeApiInterruptCallbacks): let it pass first.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    await page.evaluate(() => performance.mark('bench:act-start'));
    await act();
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              performance.mark('bench:act-end');
              resolve();
            }),
          ),
        ),
    );
  });
  const thread = rendererMain(events, 'bench:act-start');
  const from = eventTs(events, 'bench:act-start');
  const to = eventTs(events, 'bench:act-end');
  if (!thread || from === null || to === null) return { longest: NaN, hot: [], parts: [] };
  return {
    longest: workBetween(events, thread, from, to).longest,
    hot: hotFunctions(events, thread, from, to),
    parts: longestTaskParts(events, thread, from, to),
  };
}
