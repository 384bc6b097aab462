/**
 * Scenario 9: the log gateway in a process of its own, in front of the plain simulator (a
 * faithful double of the Job log API: every line after the cursor in one answer). A big log
 * opened cold by its first viewer, the gateway's peak memory during that first read, the same
 * log opened again by a second viewer once the gateway holds it, and what N followers of one
 * running job cost the upstream. Streaming and bytes on the wire through it reuse scenarios 4
 * and 5.
 */
import type { Demo } from '../lib/demo.ts';
import { coldContext } from '../lib/browser.ts';
import { logWatch } from '../lib/jobscopePage.ts';
import { installProbe } from '../lib/probe.ts';
import { procMemory } from '../lib/proc.ts';
import type { BenchServer } from '../lib/server.ts';
import { loadOnce, type LoadRun } from './load.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

export interface ColdRead {
  /** The first viewer: the gateway had never read the job. */
  first: LoadRun;
  /** The gateway's high-water mark (VmHWM) once that read ended: the process was new. */
  peakMb: number;
  /** A second viewer in a cold browser context, once the gateway holds the log. */
  second: LoadRun;
}

export interface UpstreamAnswer {
  lines: number;
  /** ms from the request to the answer's first body byte */
  firstByte: number;
  /** ms from the request to its last byte */
  whole: number;
  mb: number;
}

export interface FollowersRun {
  /** Pages (tabs of one browser context) following the job's log. */
  viewers: number;
  /** How many of them said they were visible (document.visibilityState) when counting began. */
  visible: number;
  seconds: number;
  /** Requests the plain simulator's Job log API answered in the window. */
  upstreamLogs: number;
  /** The same from its Jobs API (the gateway's job index and the pages' own job reads). */
  upstreamJobs: number;
  /** The pages' own log requests to the gateway in the window. */
  browserLogs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the gateway's read of a job has ended: an answer after the last line that says
 * the gateway no longer reads. (Asking counts as a view: the tail goes on, as the viewer's does.)
 */
async function readEnded(gatewayUrl: string, job: BenchJob, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(
      `${gatewayUrl}/api/v1/job/${encodeURIComponent(job.jobId)}/details/${job.lastId}`,
    );
    const body = (await response.json().catch(() => null)) as {
      gateway?: { state: string };
    } | null;
    if (response.ok && body?.gateway && body.gateway.state !== 'reading') return;
    if (Date.now() > deadline) throw new Error(`the gateway still reads ${job.jobId}`);
    await pause(250);
  }
}

/**
 * One cold read on a gateway started for it (a new process with an empty store, so its VmHWM is
 * what this read cost at most), then a second viewer.
 */
export async function coldRead(
  ctx: Ctx,
  gateway: BenchServer,
  target: Target,
  job: BenchJob,
): Promise<ColdRead> {
  const first = await loadOnce(ctx, target, job);
  // The viewer holds every line once the gateway served the last: its read has all but ended.
  await readEnded(gateway.url, job, 60_000);
  const peakMb = procMemory(gateway.pid).peakMb;
  const second = await loadOnce(ctx, target, job);
  return { first, peakMb, second };
}

/** The upstream's own answer for the whole log, read (and dropped) by Node. */
export async function upstreamAnswer(simulatorUrl: string, job: BenchJob): Promise<UpstreamAnswer> {
  const started = performance.now();
  const response = await fetch(
    `${simulatorUrl}/api/v1/job/${encodeURIComponent(job.jobId)}/details/0`,
  );
  if (!response.ok || !response.body) throw new Error(`upstream answer: HTTP ${response.status}`);
  let firstByte = NaN;
  let bytes = 0;
  for await (const chunk of response.body) {
    if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
    bytes += (chunk as Uint8Array).byteLength;
  }
  return {
    lines: job.lines,
    firstByte,
    whole: performance.now() - started,
    mb: bytes / 1024 / 1024,
  };
}

/**
 * `viewers` tabs of one browser context follow one running job through the gateway; the plain
 * simulator counts what it answered over `seconds`. Headless Chromium keeps every tab of a
 * context visible (no window hides another), which `visible` checks: a hidden tab would not poll.
 */
export async function followers(
  ctx: Ctx,
  gatewayUrl: string,
  demo: Demo,
  viewers: number,
  seconds: number,
): Promise<FollowersRun> {
  const job = await demo.createJob({
    title: `Bench: ${viewers} followers`,
    historicalLogs: 100,
    logRate: 5,
    running: true,
    steps: 500, // the most a demo job may have: it outlasts the measurement
  });
  const context = await coldContext(ctx.browser);
  try {
    let counting = false;
    let browserLogs = 0;
    const pages = [];
    for (let i = 0; i < viewers; i++) {
      const page = await context.newPage();
      await page.addInitScript(installProbe, logWatch(null, null));
      page.on('request', (request) => {
        if (counting && request.url().includes(`/api/v1/job/${job.jobId}/details`)) browserLogs++;
      });
      await page.goto(`${gatewayUrl}/jobs/${encodeURIComponent(job.jobId)}?tab=log`);
      pages.push(page);
    }
    for (const page of pages) {
      await page.waitForFunction(() => window.__bench?.times().first != null, null, {
        timeout: 60_000,
        polling: 100,
      });
    }
    // Past the first reads and answers: the window sees the steady state.
    await pause(3_000);
    const states = await Promise.all(pages.map((p) => p.evaluate(() => document.visibilityState)));
    const before = (await demo.state()).requests;
    counting = true;
    await pause(seconds * 1000);
    counting = false;
    const after = (await demo.state()).requests;
    return {
      viewers,
      visible: states.filter((s) => s === 'visible').length,
      seconds,
      upstreamLogs: after.logs - before.logs,
      upstreamJobs: after.jobs - before.jobs,
      browserLogs,
    };
  } finally {
    await context.close();
  }
}
