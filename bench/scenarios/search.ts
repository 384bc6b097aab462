/**
 * Scenario 11: a search typed into the log panel over a big log, as an operator types it (a key
 * every 30 ms): from the last key to the first match counted on screen, to the count said
 * complete, and the longest main-thread task in between. Owns its rows in the report and its
 * goals.
 */
import { ms } from '../lib/format.ts';
import { openLog, logWatch, waitForTimes } from '../lib/jobscopePage.ts';
import { median } from '../lib/stats.ts';
import { n } from '../reportNumbers.ts';
import type { Goal } from '../reportGoals.ts';
import { longestTaskOf, type Hot } from '../lib/acted.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

/** Derived simulator lines: "Checkpoint" about one line in four; "batch 99999" ~11 lines, the first at 10%. */
export const SEARCH_QUERIES = ['Checkpoint', 'batch 99999'] as const;
/** A key every 30 ms: faster than the search's 200 ms debounce, as typing is. */
const KEY_DELAY_MS = 30;
export const SEARCH_LONGEST_TASK_GOAL_MS = 50;

export interface SearchRun {
  query: string;
  /** Matching lines the count ended at. */
  matches: number;
  /** ms from the last key to the first frame whose count shows a match. */
  firstMatch: number;
  /** ms from the last key to the first frame whose count says every line was searched. */
  complete: number;
  /** The longest main-thread task from the first key to two frames after completion. */
  longestTask: number;
}

export interface SearchResult {
  lines: number;
  runs: SearchRun[];
  /** Self time by function over the run with the longest task. */
  hot: Hot[];
  parts: { name: string; ms: number }[];
}

const COUNT = '[aria-label="Job log"] [data-testid="search-count"]';

declare global {
  interface Window {
    __search?: { lastKey: number; first: number | null; complete: number | null };
  }
}

/** In the page: the last key's time, then the first frames showing a match and completion. */
function installSearchProbe(selector: string) {
  const probe = { lastKey: 0, first: null as number | null, complete: null as number | null };
  window.__search = probe;
  document.addEventListener(
    'keydown',
    () => {
      probe.lastKey = performance.now();
      probe.first = null;
      probe.complete = null;
    },
    true,
  );
  const tick = (now: number) => {
    const count = document.querySelector<HTMLElement>(selector);
    if (count && probe.lastKey > 0) {
      const total = Number(/of ([\d,]+)/.exec(count.textContent ?? '')?.[1]?.replace(/,/g, ''));
      if (probe.first === null && total > 0) probe.first = now;
      if (probe.complete === null && count.dataset.complete === 'true') probe.complete = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function searchTyped(
  ctx: Ctx,
  target: Target,
  job: BenchJob,
  reps: number,
): Promise<SearchResult> {
  const held = job.held ?? job.lines;
  const opened = await openLog(ctx.browser, target.url, job.jobId, logWatch(job.lastId, held));
  const { page } = opened;
  try {
    await waitForTimes(page, ['tail', 'status'], Math.max(60_000, job.lines / 5));
    await page.evaluate(installSearchProbe, COUNT);
    const input = page.getByRole('textbox', { name: 'Search log' });
    const runs: SearchRun[] = [];
    let slowest = { longest: -1, hot: [] as Hot[], parts: [] as { name: string; ms: number }[] };
    for (const query of SEARCH_QUERIES) {
      for (let i = 0; i < reps; i++) {
        await input.fill('');
        await page.locator(COUNT).waitFor({ state: 'detached', timeout: 10_000 });
        const acted = await longestTaskOf(ctx, page, async () => {
          await input.pressSequentially(query, { delay: KEY_DELAY_MS });
          await page
            .locator(`${COUNT}[data-complete="true"]`)
            .waitFor({ timeout: Math.max(30_000, job.lines / 10) });
        });
        const probe = await page.evaluate(() => window.__search!);
        const text = (await page.locator(COUNT).textContent()) ?? '';
        runs.push({
          query,
          matches: Number(/of ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN),
          firstMatch: probe.first === null ? NaN : probe.first - probe.lastKey,
          complete: probe.complete === null ? NaN : probe.complete - probe.lastKey,
          longestTask: acted.longest,
        });
        if (acted.longest > slowest.longest) slowest = acted;
      }
    }
    return { lines: held, runs, hot: slowest.hot, parts: slowest.parts };
  } finally {
    await opened.close();
  }
}

function byQuery(result: SearchResult, query: string) {
  const runs = result.runs.filter((r) => r.query === query);
  return {
    runs,
    firstMatch: median(runs.map((r) => r.firstMatch)),
    complete: median(runs.map((r) => r.complete)),
    longest: Math.max(...runs.map((r) => r.longestTask)),
  };
}

/** The report's table for this scenario: one row per query. */
export function searchRows(result: SearchResult): string[][] {
  return SEARCH_QUERIES.map((query) => {
    const q = byQuery(result, query);
    return [
      `"${query}"`,
      n(result.lines),
      String(q.runs.length),
      n(q.runs.at(-1)?.matches ?? NaN),
      ms(q.firstMatch),
      ms(q.complete),
      ms(q.longest, 1),
    ];
  });
}

export const SEARCH_HEADER = [
  'query',
  'lines held',
  'runs',
  'matching lines',
  'first match (from last key)',
  'count complete (from last key)',
  'longest task (max)',
];

export function searchGoals(result: SearchResult | null): Goal[] {
  const longest = result ? Math.max(...result.runs.map((r) => r.longestTask)) : NaN;
  const first = result ? byQuery(result, SEARCH_QUERIES[0]) : null;
  return [
    {
      goal: `Search typed at 1,000,000 lines: no task over ${SEARCH_LONGEST_TASK_GOAL_MS} ms`,
      measured: result
        ? `${ms(longest, 1)} at ${n(result.lines)} lines; first match ${ms(first?.firstMatch)}, ` +
          `complete ${ms(first?.complete)} after the last key ("${SEARCH_QUERIES[0]}", median)`
        : '-',
      holds:
        result && result.lines >= 1_000_000 && Number.isFinite(longest)
          ? longest < SEARCH_LONGEST_TASK_GOAL_MS
          : null,
    },
  ];
}
