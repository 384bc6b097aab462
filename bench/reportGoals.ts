/**
 * The goals the bench holds Jobscope to, each with what was measured and whether it held (null
 * when this run did not measure it).
 */
import { int, kb, mb, ms, times } from './lib/format.ts';
import { perMinute } from './lib/stats.ts';
import { med, n } from './reportNumbers.ts';
import type { BenchResults, LoadEntry, LogGatewayResults, RouteLoadEntry } from './results.ts';
import { DEFAULT_LOG_CACHE } from '../server/gateway/logCache/jobLog.ts';
import { POLL_INTERVAL_MS } from '../src/features/job-log/tail/tailPolicy.ts';
import { searchGoals } from './scenarios/search.ts';
import { volumeGoals } from './scenarios/volume.ts';

export interface Goal {
  goal: string;
  measured: string;
  holds: boolean | null;
}

const check = (value: number | undefined, ok: (v: number) => boolean) =>
  value === undefined || !Number.isFinite(value) ? null : ok(value);

/**
 * N followers cost the upstream what one does: the same count over the same window, give or take
 * the one read a window may catch or miss at either end. Null unless both were measured with
 * every tab visible (a hidden tab stops polling, which would flatter the fan-out).
 */
export function sameUpstreamCost(g: LogGatewayResults | null): boolean | null {
  const one = g?.followers.find((f) => f.viewers === 1);
  const many = g?.followers.find((f) => f.viewers > 1);
  if (!one || !many || one.seconds !== many.seconds) return null;
  if (one.visible < one.viewers || many.visible < many.viewers) return null;
  return Math.abs(many.upstreamLogs - one.upstreamLogs) <= 1;
}

/** Scenario 9's targets: the log gateway alone, in front of the plain simulator. */
export function gatewayGoals(g: LogGatewayResults | null): Goal[] {
  const at = g ? ` at ${n(g.lines)} lines` : '';
  const first = g?.load.find((l) => l.server === 'first viewer (cold)')?.median;
  const second = g?.load.find((l) => l.server === 'second viewer (cached)')?.median;
  const before = g?.load.find((l) => l.server === 'LOG_CACHE=off (before)')?.median;
  const peak = g && g.peakMb.length > 0 ? med(g.peakMb) : NaN;
  const one = g?.followers.find((f) => f.viewers === 1);
  const many = g?.followers.find((f) => f.viewers > 1);
  const rate = (f: typeof one) =>
    f
      ? `${perMinute(f.upstreamLogs, f.seconds).toFixed(1)}/min with ${f.viewers}` +
        (f.visible < f.viewers ? ` (${f.visible} of ${f.viewers} tabs visible)` : '')
      : '-';
  const streamBar = DEFAULT_LOG_CACHE.pollMs + 300;
  return [
    {
      goal: 'Log gateway, first viewer (cold): first lines < 1 s from navigation',
      measured: `${ms(first?.firstPainted)}${at} (the app's first log request at ${ms(first?.firstRequest)})`,
      holds: check(first?.firstPainted, (v) => v < 1_000),
    },
    {
      goal: 'Log gateway, first viewer (cold): tail < 3 s from navigation',
      measured:
        `${ms(first?.tailPainted)}, longest task ${ms(first?.longestTask)}${at}; before ` +
        `(LOG_CACHE=off): ${ms(before?.tailPainted)}, longest task ${ms(before?.longestTask)}`,
      holds: check(first?.tailPainted, (v) => v < 3_000),
    },
    {
      goal: 'Log gateway, second viewer (cached): tail < 500 ms from navigation',
      measured:
        `${ms(second?.tailPainted)}${at} (the app's first log request at ` +
        `${ms(second?.firstRequest)}; ${ms(second?.tailFromFirstResponse)} from the first response)`,
      holds: check(second?.tailPainted, (v) => v < 500),
    },
    {
      goal: "Log gateway's peak resident memory during the first read < 400 MB",
      measured: `${mb(peak)}${at} (LOG_CACHE=off: ${mb(g?.beforePeakMb)})`,
      holds: check(peak, (v) => v < 400),
    },
    {
      goal: 'Upstream log requests per minute: 20 followers = 1 follower (one read either way)',
      measured: `${rate(one)}, ${rate(many)}`,
      holds: sameUpstreamCost(g),
    },
    {
      goal: `Streaming p95 through the gateway < its poll interval + 300 ms (${ms(streamBar)})`,
      measured: g?.streaming ? `p95 ${ms(g.streaming.p95)}, p50 ${ms(g.streaming.p50)}` : '-',
      holds: check(g?.streaming?.p95, (v) => v < streamBar),
    },
  ];
}

/**
 * Scenario 10's target: the log route's first lines. Judged on scenario 10's median when it ran,
 * else on scenario 1's at its smallest log in pages of 2,000 (the same navigation, fewer runs);
 * the measured column gives both when both ran.
 */
export function routeLoadGoal(
  routeLoad: readonly RouteLoadEntry[],
  load: readonly LoadEntry[],
): Goal {
  const route = routeLoad.find((e) => e.route.startsWith('/jobs/:jobId'));
  const pages = load.filter((l) => l.server === 'pages of 2,000');
  const smallest = pages.length ? pages.reduce((a, b) => (b.lines < a.lines ? b : a)) : undefined;
  const parts: string[] = [];
  if (route) {
    parts.push(
      `${ms(route.median.painted)} at ${n(route.size)} lines (job asked at ` +
        `${ms(route.median.firstData)}, log at ${ms(route.median.firstShown)}, code in at ` +
        `${ms(route.median.codeIn)}; ${route.runs.length} runs)`,
    );
  }
  if (smallest) {
    parts.push(
      `scenario 1: ${ms(smallest.median.firstPainted)} at ${n(smallest.lines)} lines ` +
        `(log asked at ${ms(smallest.median.firstRequest)}; ${smallest.runs.length} runs)`,
    );
  }
  const judged = route?.median.painted ?? smallest?.median.firstPainted;
  return {
    goal: 'Route loading: first log lines from navigation < 300 ms (simulator)',
    measured: parts.length ? parts.join('; ') : '-',
    holds: check(judged, (v) => v < 300),
  };
}

export function goals(r: BenchResults): Goal[] {
  const largest = r.follow.at(-1);
  const sectionsLarge = r.followSections?.at(-1);
  const contextLarge = r.followContext?.at(-1);
  const foldTimes = (r.followSections ?? []).flatMap((f) =>
    (f.result.folds ?? []).flatMap((run) => [run.fold, run.unfold]),
  );
  const foldWorst = foldTimes.length > 0 ? Math.max(...foldTimes) : NaN;
  const atLines = largest ? ` at ${n(largest.lines)} lines` : '';
  const virtuoso = r.peers.filter((p) => p.kind === 'react-virtuoso' && !p.failed);
  const virtuosoPainted = med(
    virtuoso
      .filter((p) => p.lines === largest?.lines)
      .flatMap((p) => p.appends.map((a) => a.painted)),
  );
  const paintBar = Number.isFinite(virtuosoPainted) ? Math.min(65, virtuosoPainted) : 65;
  const tailFirst = r.load.filter((l) => l.server === 'pages of 2,000').at(-1);
  const list = r.list.find((l) => l.jobs === 100_000);
  const js = Math.max(...r.routes.map((route) => route.jsGzip));
  return [
    {
      goal: 'JS heap with the log held and followed < 250 MB',
      measured: `${mb(largest?.result.heapMb)}${atLines}`,
      holds: check(largest?.result.heapMb, (v) => v < 250),
    },
    {
      goal: 'Append 1,000 lines: main-thread work < 16 ms',
      measured: `${ms(largest?.work.median, 1)} (median)${atLines}`,
      holds: check(largest?.work.median, (v) => v < 16),
    },
    {
      goal: `Append 1,000 lines: tail painted <= react-virtuoso (${ms(paintBar)})`,
      measured: `${ms(largest?.painted.median)}${atLines}`,
      holds: check(largest?.painted.median, (v) => v <= paintBar),
    },
    {
      goal: 'Append cost at the largest size <= 1.2 x at 10,000 lines',
      measured: times(r.appendCostRatio),
      holds: check(r.appendCostRatio, (v) => v <= 1.2),
    },
    {
      goal: 'Wrapping on: append cost at the largest size <= 1.2 x at 10,000 lines',
      measured: times(r.appendCostRatioWrap),
      holds: check(r.appendCostRatioWrap, (v) => v <= 1.2),
    },
    {
      goal: 'Step sections: append cost at the largest size <= 1.2 x at 10,000 lines',
      measured: times(r.appendCostRatioSections),
      holds: check(r.appendCostRatioSections, (v) => v <= 1.2),
    },
    {
      goal: 'Step sections: append 1,000 lines, main-thread work < 16 ms',
      measured: `${ms(sectionsLarge?.work.median, 1)} (median)`,
      holds: check(sectionsLarge?.work.median, (v) => v < 16),
    },
    {
      goal: 'Level filter with context: append 1,000 lines, main-thread work < 16 ms',
      measured: `${ms(contextLarge?.work.median, 1)} (median)${contextLarge ? ` at ${n(contextLarge.lines)} lines` : ''}`,
      holds: check(contextLarge?.work.median, (v) => v < 16),
    },
    {
      goal: 'Level filter with context: append cost at the largest size <= 1.2 x at 10,000 lines',
      measured: times(r.appendCostRatioContext),
      holds: check(r.appendCostRatioContext, (v) => v <= 1.2),
    },
    {
      goal: 'Level filter with context: scrolling top to bottom in 60 frames, 0 janky frames',
      measured: `${contextLarge?.result.scroll.janky ?? '-'} (worst ${ms(contextLarge?.result.scroll.worst)})`,
      holds: check(contextLarge?.result.scroll.janky, (v) => v === 0),
    },
    {
      goal: 'Folding or unfolding a step section: no task over 50 ms',
      measured: `${ms(foldWorst, 1)} (longest of any fold or unfold)`,
      holds: check(foldWorst, (v) => v <= 50),
    },
    {
      goal: 'Scrolling top to bottom in 60 frames: 0 janky frames',
      measured: `${largest?.result.scroll.janky ?? '-'} (worst ${ms(largest?.result.scroll.worst)})${atLines}`,
      holds: check(largest?.result.scroll.janky, (v) => v === 0),
    },
    {
      goal: 'A huge log shows its tail within 500 ms of the first response',
      measured: tailFirst
        ? `${ms(tailFirst.median.tailFromFirstResponse)} at ${n(tailFirst.lines)} lines (${int(tailFirst.median.requests)} requests)`
        : '-',
      holds: check(tailFirst?.median.tailFromFirstResponse, (v) => v <= 500),
    },
    {
      goal: `Streaming p95 < poll interval + 150 ms (${ms(POLL_INTERVAL_MS + 150)})`,
      measured: r.streaming ? `p95 ${ms(r.streaming.p95)}, p50 ${ms(r.streaming.p50)}` : '-',
      holds: check(r.streaming?.p95, (v) => v < POLL_INTERVAL_MS + 150),
    },
    {
      goal: 'Bytes to follow a log <= 1.1 x the bytes of its lines',
      measured: r.network ? times(r.network.follow.overhead) : '-',
      holds: check(r.network?.follow.overhead, (v) => v <= 1.1),
    },
    {
      goal: 'No requests in the 10 s after the job completes, none while the tab is hidden',
      measured: r.network ? `${r.network.afterComplete} / ${r.network.hidden}` : '-',
      holds: r.network ? r.network.afterComplete === 0 && r.network.hidden === 0 : null,
    },
    {
      goal: 'Job list first rows < 800 ms with 100,000 jobs',
      measured: ms(list?.median),
      holds: check(list?.median, (v) => v < 800),
    },
    {
      goal: 'Initial JS < 200 KB gzip (per route)',
      measured: kb(js),
      holds: check(js, (v) => v < 200 * 1024),
    },
    routeLoadGoal(r.routeLoad, r.load),
    ...gatewayGoals(r.logGateway),
    ...searchGoals(r.search ?? null),
    ...volumeGoals(r.follow, r.followNoVolume),
  ];
}
