/** Scenario 1: a big log opened cold at /jobs/<id>?tab=log. */
import { domElements, heapMb } from '../lib/cdp.ts';
import {
  firstLogRequest,
  logResponseEnds,
  logWatch,
  longestTaskBetween,
  openLog,
  waitForTimes,
} from '../lib/jobscopePage.ts';
import type { BenchJob, Ctx, Target } from './types.ts';

export interface LoadRun {
  /** ms from navigation to the app's first log request: what the page itself takes to ask */
  firstRequest: number;
  /** ms from navigation */
  firstPainted: number;
  tailPainted: number;
  allHeld: number;
  /** ms from the arrival of the last log response before the tail was painted */
  tailFromResponse: number;
  /** ms from the first log response's arrival to the tail painted (the tail-first goal: 500) */
  tailFromFirstResponse: number;
  /** ms from the arrival of the response that completed the log to the status saying so */
  allFromResponse: number;
  requests: number;
  heapMb: number;
  domElements: number;
  longestTask: number;
}

export async function loadOnce(ctx: Ctx, target: Target, job: BenchJob): Promise<LoadRun> {
  const opened = await openLog(
    ctx.browser,
    target.url,
    job.jobId,
    logWatch(job.lastId, job.held ?? job.lines),
  );
  try {
    const timeout = Math.max(60_000, job.lines / 5);
    const times = await waitForTimes(opened.page, ['first', 'tail', 'status'], timeout);
    const ends = await logResponseEnds(opened.page, job.jobId);
    const before = (t: number) => ends.filter((e) => e.end <= t).at(-1)?.end ?? NaN;
    const run: LoadRun = {
      firstRequest: await firstLogRequest(opened.page, job.jobId),
      firstPainted: times.first!,
      tailPainted: times.tail!,
      allHeld: times.status!,
      tailFromResponse: times.tail! - before(times.tail!),
      tailFromFirstResponse: times.tail! - (ends[0]?.end ?? NaN),
      allFromResponse: times.status! - before(times.status!),
      requests: ends.length,
      heapMb: await heapMb(opened.cdp),
      domElements: await domElements(opened.page),
      longestTask: await longestTaskBetween(opened.page, 0, Math.max(times.tail!, times.status!)),
    };
    return run;
  } finally {
    await opened.close();
  }
}
