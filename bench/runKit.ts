/** What the bench's scenarios share when run: making jobs, rows of runs, and failing softly. */
import { log } from './lib/benchLog.ts';
import type { BenchServer } from './lib/server.ts';
import { median, summarize } from './lib/stats.ts';
import type { FollowEntry, LoadEntry } from './results.ts';
import type { FollowResult } from './scenarios/append.ts';
import type { LoadRun } from './scenarios/load.ts';
import type { BenchJob, Target } from './scenarios/types.ts';

/** Scenario 2's row for one log: the appends' medians and ranges. */
export function followEntry(job: BenchJob, result: FollowResult): FollowEntry {
  return {
    lines: job.lines,
    result,
    painted: summarize(result.appends.map((a) => a.painted)),
    work: summarize(result.appends.map((a) => a.work)),
    longestTask: summarize(result.appends.map((a) => a.longestTask)),
  };
}

export async function makeJobs(
  target: Target,
  sizes: readonly number[],
  { steps = 0 }: { steps?: number } = {},
): Promise<BenchJob[]> {
  const jobs: BenchJob[] = [];
  for (const lines of sizes) {
    // The simulator spreads a history of n lines over n x 50 ms (at least a minute).
    const historySec = Math.max(60, (lines * 50) / 1000);
    const job = await target.demo.createJob({
      title: `Bench: ${lines.toLocaleString('en-US')} lines${steps ? `, ${steps} steps` : ''}`,
      historicalLogs: lines,
      logRate: 0,
      running: false,
      ...(steps
        ? {
            steps: steps + 1,
            currentStep: steps + 1,
            stepSeconds: Math.max(1, Math.floor(historySec / steps)),
          }
        : {}),
    });
    const lastId = await target.demo.lastLogId(job.jobId);
    if (lastId === null) throw new Error(`job ${job.jobId} has no log`);
    jobs.push({ jobId: job.jobId, lines, lastId });
  }
  return jobs;
}

export function medians<R extends object>(runs: R[]): Record<keyof R, number> {
  const keys = Object.keys(runs[0]!) as (keyof R)[];
  return Object.fromEntries(
    keys.map((k) => [k, median(runs.map((r) => r[k] as number))]),
  ) as Record<keyof R, number>;
}

export function loadEntry(server: string, lines: number, runs: LoadRun[]): LoadEntry | null {
  return runs.length > 0 ? { server, lines, runs, median: medians(runs) } : null;
}

export async function attempt<T>(errors: string[], label: string, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    const message = `${label}: ${String(error).split('\n')[0]}`;
    log(`FAILED ${message}`);
    errors.push(message);
    return null;
  }
}

export type Serve = (label: string, env: Record<string, string>) => Promise<Target>;
export type GatewayOf = (
  label: string,
  env: Record<string, string>,
  over: Target,
) => Promise<BenchServer>;
export type Stop = (server: { url: string }) => Promise<void>;
