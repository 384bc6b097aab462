/**
 * Scenario 7: the same lines in @melloware/react-logviewer and a react-virtuoso list, on the
 * bench-only peers page, served by the bench on the simulator's origin (so the page can fetch
 * the lines, untimed, before handing them over in memory).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PeerKind, PeerTiming } from '../peers/main.tsx';
import { coldContext, TRACE_CATEGORIES } from '../lib/browser.ts';
import { domElements, heapMb, openCdp } from '../lib/cdp.ts';
import { frameStats, type FrameStats } from '../lib/frames.ts';
import { installProbe, scrollThrough } from '../lib/probe.ts';
import { ROOT } from '../lib/server.ts';
import { eventTs, parseTrace, rendererMain, workBetween } from '../lib/trace.ts';
import { APPEND_COUNT, SCROLL_FRAMES, type AppendRun } from './append.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

export const PEER_KINDS: PeerKind[] = ['react-logviewer', 'react-virtuoso'];
const DIST = path.join(ROOT, 'bench/peers/dist');
const BASE = '/__bench/peers/';

export interface PeerResult {
  kind: PeerKind;
  lines: number;
  /** Set when the tab crashed or a step timed out. */
  failed: string | null;
  tailPainted: number;
  /** After mounting, the view showed the last line. */
  followedOnLoad: boolean;
  heapMb: number;
  domElements: number;
  longestTaskLoad: number;
  appends: AppendRun[];
  /** Appends after which the view was not at the new tail. */
  appendsNotFollowed: number;
  scroll: FrameStats | null;
}

async function servePeers(page: Page, origin: string) {
  await page.route(`${origin}${BASE}**`, async (route) => {
    const file = new URL(route.request().url()).pathname.slice(BASE.length) || 'index.html';
    const body = await readFile(path.join(DIST, file));
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.css')
        ? 'text/css'
        : 'text/html';
    await route.fulfill({ body, contentType: type });
  });
}

const PEER_RUN_LIMIT_MS = 10 * 60_000;

export async function peerRun(
  ctx: Ctx,
  target: Target,
  job: BenchJob,
  kind: PeerKind,
  reps: number,
): Promise<PeerResult> {
  const result: PeerResult = {
    kind,
    lines: job.lines,
    failed: null,
    tailPainted: NaN,
    followedOnLoad: false,
    heapMb: NaN,
    domElements: NaN,
    longestTaskLoad: NaN,
    appends: [],
    appendsNotFollowed: 0,
    scroll: null,
  };
  const context = await coldContext(ctx.browser);
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // A page.evaluate has no timeout: a peer that grinds for ever (react-logviewer at a million
  // lines once held a renderer at 4 GB for 30 min) is given up on, and said so.
  const giveUp = setTimeout(() => {
    result.failed = `gave up after ${PEER_RUN_LIMIT_MS / 60_000} min`;
    void context.close().catch(() => undefined);
  }, PEER_RUN_LIMIT_MS);
  try {
    await servePeers(page, target.url);
    await page.addInitScript(installProbe, null);
    const cdp = await openCdp(page);
    await page.goto(`${target.url}${BASE}index.html`);
    page.setDefaultTimeout(Math.max(60_000, job.lines / 4));
    await page.evaluate(([id, k]) => window.peers!.prepare(id, k), [job.jobId, kind] as const);
    const loadStart = await page.evaluate(() => performance.now());
    const mounted: PeerTiming = await page.evaluate(() => window.peers!.mount());
    result.tailPainted = mounted.painted;
    result.followedOnLoad = mounted.atTail;
    result.longestTaskLoad = await page.evaluate(
      (from) =>
        Math.max(
          0,
          ...window
            .__bench!.longTasks()
            .filter((t) => t.start + t.duration >= from)
            .map((t) => t.duration),
        ),
      loadStart,
    );
    result.heapMb = await heapMb(cdp);
    result.domElements = await domElements(page);
    for (let i = 0; i < reps; i++) {
      await ctx.browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.evaluate(() => void performance.mark('bench:append'));
      const timing: PeerTiming = await page.evaluate((n) => window.peers!.append(n), APPEND_COUNT);
      const events = parseTrace(await ctx.browser.stopTracing());
      const thread = rendererMain(events, 'bench:tail');
      const from = eventTs(events, 'bench:append');
      const to = eventTs(events, 'bench:tail');
      const work =
        thread && from !== null && to !== null
          ? workBetween(events, thread, from, to)
          : { total: NaN, longest: NaN };
      result.appends.push({ painted: timing.painted, work: work.total, longestTask: work.longest });
      if (!timing.atTail) result.appendsNotFollowed++;
    }
    const selector = await page.evaluate(() => window.peers!.scroller());
    await page.evaluate((s) => {
      document.querySelector(s)!.scrollTop = 0;
    }, selector);
    const stamps = await page.evaluate(scrollThrough, { selector, frames: SCROLL_FRAMES });
    result.scroll = frameStats(stamps);
  } catch (error) {
    result.failed ??= crashed ? 'the tab crashed (out of memory)' : String(error).split('\n')[0]!;
  } finally {
    clearTimeout(giveUp);
    await context.close().catch(() => undefined);
  }
  return result;
}
