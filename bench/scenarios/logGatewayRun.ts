/** Scenario 9 as run: the log gateway in processes of its own in front of the plain simulator. */
import { log } from '../lib/benchLog.ts';
import { procMemory } from '../lib/proc.ts';
import type { BenchServer } from '../lib/server.ts';
import { BIG_ANSWERS, PLAIN_SIMULATOR, type BenchPlan } from '../plan.ts';
import { n } from '../reportNumbers.ts';
import type { LoadEntry, LogGatewayResults } from '../results.ts';
import { attempt, loadEntry, makeJobs, type GatewayOf, type Serve, type Stop } from '../runKit.ts';
import { loadOnce, type LoadRun } from './load.ts';
import { coldRead, followers, upstreamAnswer, type ColdRead } from './logGateway.ts';
import { followBytes } from './network.ts';
import { streaming } from './streaming.ts';
import type { Ctx, Target } from './types.ts';

/**
 * 9. The log gateway measured alone, as in production: a process of its own (its defaults: the
 * log cache on) in front of the plain simulator, whose Job log API answers every line after the
 * cursor in one answer. Each cold read gets a new gateway: an empty store, and a process whose
 * high-water mark is that read's. "Before" is a gateway with LOG_CACHE=off: the browser reads the
 * one answer itself. Each count of followers gets a gateway of its own, so no other job's tail
 * (kept 30 s after its last viewer) asks the upstream meanwhile; streaming and bytes share one.
 */
export async function logGateway(
  ctx: Ctx,
  plan: BenchPlan,
  errors: string[],
  serve: Serve,
  gatewayOf: GatewayOf,
  stop: Stop,
): Promise<LogGatewayResults> {
  const lines = plan.gatewayLines;
  const simulator = await serve('plain simulator', PLAIN_SIMULATOR);
  const out: LogGatewayResults = {
    lines,
    upstream: null,
    load: [],
    peakMb: [],
    beforePeakMb: NaN,
    followers: [],
    streaming: null,
    follow: null,
  };
  const through = (server: BenchServer, label: string): Target => ({
    label,
    url: server.url,
    demo: simulator.demo,
  });
  try {
    const job = (await makeJobs(simulator, [lines]))[0]!;
    const cold: ColdRead[] = [];
    for (let i = 0; i < plan.gatewayRuns; i++) {
      log(`log gateway: ${n(lines)} lines opened cold, then again, run ${i + 1}`);
      const gateway = await gatewayOf('log gateway', {}, simulator);
      const run = await attempt(errors, `log gateway, cold read ${i + 1}`, () =>
        coldRead(ctx, gateway, through(gateway, 'log gateway'), job),
      );
      await stop(gateway);
      if (run) cold.push(run);
    }
    out.peakMb = cold.map((c) => c.peakMb);

    log(`log gateway: ${n(lines)} lines with LOG_CACHE=off (before)`);
    const off = await gatewayOf(
      'gateway, LOG_CACHE=off',
      { LOG_CACHE: 'off', ...BIG_ANSWERS },
      simulator,
    );
    const before: LoadRun[] = [];
    for (let i = 0; i < plan.loadRuns(lines); i++) {
      const run = await attempt(errors, `log gateway off, run ${i + 1}`, () =>
        loadOnce(ctx, through(off, 'LOG_CACHE=off'), job),
      );
      if (run) before.push(run);
    }
    out.beforePeakMb = procMemory(off.pid).peakMb;
    await stop(off);
    const firsts = cold.map((c) => c.first);
    const seconds = cold.map((c) => c.second);
    out.load = [
      loadEntry('first viewer (cold)', lines, firsts),
      loadEntry('second viewer (cached)', lines, seconds),
      loadEntry('LOG_CACHE=off (before)', lines, before),
    ].filter((e): e is LoadEntry => e !== null);

    log(`log gateway: the upstream's own answer of ${n(lines)} lines`);
    out.upstream = await attempt(errors, 'upstream answer', () =>
      upstreamAnswer(simulator.url, job),
    );

    for (const viewers of [1, 20]) {
      log(`log gateway: ${viewers} followers for ${plan.followersSec} s`);
      const gateway = await gatewayOf('log gateway', {}, simulator);
      const run = await attempt(errors, `log gateway, ${viewers} followers`, () =>
        followers(ctx, gateway.url, simulator.demo, viewers, plan.followersSec),
      );
      await stop(gateway);
      if (run) out.followers.push(run);
    }

    const gateway = await gatewayOf('log gateway', {}, simulator);
    log(`log gateway: streaming for ${plan.streamingSec} s`);
    out.streaming = await attempt(errors, 'log gateway, streaming', () =>
      streaming(ctx, through(gateway, 'log gateway'), plan.streamingSec),
    );
    log(`log gateway: following for ${plan.networkSec} s (bytes)`);
    out.follow = await attempt(errors, 'log gateway, bytes', () =>
      followBytes(ctx, through(gateway, 'log gateway'), plan.networkSec),
    );
    await stop(gateway);
  } finally {
    await stop(simulator);
  }
  return out;
}
