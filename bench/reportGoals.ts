/**
 * The goals the bench holds Jobscope to, each with what was measured and whether it held (null
 * when this run did not measure it).
 */
import { int, kb, mb, ms, times } from './lib/format.ts';
import { med, n } from './reportNumbers.ts';
import type { BenchResults } from './results.ts';
import { POLL_INTERVAL_MS } from '../src/api/logTail.ts';

export interface Goal {
  goal: string;
  measured: string;
  holds: boolean | null;
}

export function goals(r: BenchResults): Goal[] {
  const largest = r.follow.at(-1);
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
  const check = (value: number | undefined, ok: (v: number) => boolean) =>
    value === undefined || !Number.isFinite(value) ? null : ok(value);
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
  ];
}
