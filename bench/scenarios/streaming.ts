/**
 * Scenario 4: the simulator writes a line every 100 ms; from each line's creation (its
 * `creationDate`, same machine clock) to the frame it was first painted in the list.
 */
import { logWatch, openLog, SELECTORS, waitForTimes } from '../lib/jobscopePage.ts';
import { percentile } from '../lib/stats.ts';
import type { Ctx, Target } from './types.ts';

export interface StreamingResult {
  lines: number;
  p50: number;
  p95: number;
  max: number;
}

export async function streaming(
  ctx: Ctx,
  target: Target,
  seconds: number,
): Promise<StreamingResult> {
  const job = await target.demo.createJob({
    title: 'Bench: streaming',
    historicalLogs: 100,
    logRate: 10,
    steps: 500, // the most a demo job may have: it outlasts the measurement
  });
  const opened = await openLog(ctx.browser, target.url, job.jobId, logWatch(null, null));
  try {
    await waitForTimes(opened.page, ['first'], 30_000);
    const from = Date.now();
    await opened.page.evaluate((s) => window.__bench!.trackSeen(s), SELECTORS.row);
    await opened.page.waitForTimeout(seconds * 1000);
    const seen = new Map(await opened.page.evaluate(() => window.__bench!.seen()));
    const lines = await target.demo.lines(job.jobId);
    const latencies: number[] = [];
    for (const line of lines) {
      const created = Date.parse(line.creationDate);
      const shown = seen.get(String(line.id));
      // Lines written before tracking began, or too late to be polled yet, say nothing.
      if (created < from || created > from + seconds * 1000 - 3_000 || shown === undefined)
        continue;
      latencies.push(shown - created);
    }
    return {
      lines: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
    };
  } finally {
    await opened.close();
  }
}
