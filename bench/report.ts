/** The Markdown report: figures, peers side by side, and the goals with what held. */
import { int, kb, mb, ms, table, times } from './lib/format.ts';
import { ratio, summarize } from './lib/stats.ts';
import { goals } from './reportGoals.ts';
import { med, n } from './reportNumbers.ts';
import type { BenchResults, FollowEntry } from './results.ts';
import { SEARCH_HEADER, searchRows } from './scenarios/search.ts';
import { volumeSection } from './scenarios/volume.ts';

import {
  followModeSection,
  loadTable,
  logGatewaySection,
  peerRow,
  routeLoadSection,
} from './reportSections.ts';

export function report(r: BenchResults): string {
  const out: string[] = [];
  const mark = (holds: boolean | null) => (holds === null ? 'not measured' : holds ? 'yes' : 'NO');
  const scope = r.only ? `${r.mode}, only ${r.only.join(', ')}` : r.mode;
  out.push(`# Jobscope benchmark (${scope})`, '');
  out.push(
    `${r.startedAt}, ${r.durationSec} s. Chromium ${r.chromium} headless; ${r.machine.cpu}, ` +
      `${r.machine.cores} cores, ${r.machine.memoryGb} GB; ${r.machine.os}; Node ${r.machine.node}. ` +
      Object.entries(r.packages)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ') +
      '.',
    '',
    'Medians; every load is a cold browser context. Times "from nav" count from navigation ' +
      '(including fetching from the simulator); "from resp." from the arrival of the last log ' +
      'response before the event. Heap is after a forced garbage collection.',
    '',
  );

  out.push('## Goals', '');
  out.push(
    table(
      ['goal', 'measured', 'holds'],
      goals(r).map((g) => [g.goal, g.measured, mark(g.holds)]),
    ),
    '',
  );

  out.push(
    '## 1. Big log, opened cold',
    '',
    '"pages of 2,000": the server as it ships, its log cache reading the simulator\'s one answer ' +
      'and serving the browser pages of 2,000 lines. "one response": LOG_CACHE=off, the browser ' +
      'reads that one answer itself.',
    '',
    loadTable(r.load),
    '',
  );

  out.push('## 2, 3. Following: append 1,000 lines, then scroll top to bottom in 60 frames', '');
  out.push(
    table(
      [
        'lines held',
        'appends',
        'tail painted (from resp.)',
        'main-thread work',
        'longest task (max)',
        'heap held',
        'heap after',
        'DOM elements',
        'janky frames (of 61)',
        'worst frame',
      ],
      r.follow.map((f) => [
        n(f.lines),
        String(f.painted.n),
        `${ms(f.painted.median)} (${ms(f.painted.min)}-${ms(f.painted.max)})`,
        `${ms(f.work.median, 1)} (${ms(f.work.min, 1)}-${ms(f.work.max, 1)})`,
        ms(f.longestTask.max, 1),
        mb(f.result.heapHeldMb),
        mb(f.result.heapMb),
        int(f.result.domElements),
        String(f.result.scroll.janky),
        ms(f.result.scroll.worst),
      ]),
    ),
    '',
    `Append cost at ${n(r.follow.at(-1)?.lines ?? 0)} lines / at 10,000: ${times(r.appendCostRatio)}.`,
    '',
  );
  out.push(
    ...followModeSection('### 2 with wrapping on', 'Wrapped', r.followWrap, r.appendCostRatioWrap),
  );
  out.push(
    ...followModeSection(
      '### 2 under a level filter (ERROR, WARN) with 5 lines of context',
      'Filtered',
      r.followContext ?? [],
      r.appendCostRatioContext ?? NaN,
    ),
  );
  out.push(...volumeSection(r.follow, r.followNoVolume ?? [], r.volumeCounting));
  if ((r.followSections?.length ?? 0) > 0) {
    const folds = (f: FollowEntry, key: 'fold' | 'unfold') =>
      summarize((f.result.folds ?? []).map((run) => run[key]));
    out.push(
      '### 2 on a log across 50 steps, in step sections',
      '',
      table(
        [
          'lines held',
          'appends',
          'main-thread work',
          'longest task',
          'fold: longest task',
          'unfold: longest task',
        ],
        r.followSections.map((f) => [
          n(f.lines),
          String(f.painted.n),
          `${ms(f.work.median, 1)} (${ms(f.work.min, 1)}-${ms(f.work.max, 1)})`,
          ms(f.longestTask.max, 1),
          `${ms(folds(f, 'fold').median, 1)} (max ${ms(folds(f, 'fold').max, 1)})`,
          `${ms(folds(f, 'unfold').median, 1)} (max ${ms(folds(f, 'unfold').max, 1)})`,
        ]),
      ),
      '',
      `Sectioned append cost at ${n(r.followSections.at(-1)?.lines ?? 0)} lines / at 10,000: ` +
        `${times(r.appendCostRatioSections)}.`,
      '',
    );
  }
  if (r.search) {
    out.push(
      '### 11. A search typed over the largest log',
      '',
      'A key every 30 ms into the search field (the URL takes the search 200 ms after the last ' +
        'key); times from the last key to the first frame whose count shows a match, and to the ' +
        'first frame whose count says every line held was searched.',
      '',
      table(SEARCH_HEADER, searchRows(r.search)),
      '',
      `Longest task's events: ${r.search.parts.map((p) => `${p.name} ${ms(p.ms, 1)}`).join(', ') || '-'}.`,
      '',
    );
  }
  const hot = r.follow.at(-1)?.result.hot ?? [];
  if (hot.length > 0) {
    out.push(
      `Slowest append at ${n(r.follow.at(-1)!.lines)} lines, self time by function (CPU samples from the trace):`,
      '',
      table(
        ['function (minified bundle)', 'self time'],
        hot.map((h) => [h.name, ms(h.selfMs, 1)]),
      ),
      '',
    );
  }

  out.push('## 7. Peers on the same lines (handed in memory, no network)', '');
  out.push(
    table(
      [
        'viewer',
        'lines',
        'tail painted',
        'JS heap',
        'DOM elements',
        'append: tail painted',
        'append: main-thread work',
        'append: longest task',
        'janky frames scrolling',
        'followed: load; appends',
      ],
      r.peers.map(peerRow),
    ),
    '',
  );
  const ratios: string[][] = [];
  for (const lines of [...new Set(r.peers.map((p) => p.lines))]) {
    const load = r.load.find((l) => l.server === 'one response' && l.lines === lines);
    const follow = r.follow.find((f) => f.lines === lines);
    for (const p of r.peers.filter((x) => x.lines === lines && !x.failed)) {
      ratios.push([
        p.kind,
        n(lines),
        times(ratio(load?.median.tailFromResponse, p.tailPainted)),
        times(ratio(follow?.result.heapHeldMb ?? load?.median.heapMb, p.heapMb)),
        times(ratio(follow?.painted.median, med(p.appends.map((a) => a.painted)))),
        times(ratio(follow?.work.median, med(p.appends.map((a) => a.work)))),
      ]);
    }
  }
  out.push(
    "Jobscope / peer (below 1.00: Jobscope is ahead). Load compares Jobscope's tail painted from " +
      "the arrival of its one response with the peer's from the hand-over.",
    '',
    table(
      ['peer', 'lines', 'tail painted', 'JS heap', 'append: tail painted', 'append: work'],
      ratios,
    ),
    '',
  );

  out.push('## 4, 5. Streaming and network', '');
  const s = r.streaming;
  const w = r.network;
  out.push(
    table(
      ['measure', 'value'],
      [
        ['streaming lines measured (10 lines/s)', s ? int(s.lines) : '-'],
        [
          'creation to visible, p50 / p95 / max',
          s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}` : '-',
        ],
        ['log requests while following', w ? `${int(w.follow.requests)} in ${w.seconds} s` : '-'],
        [
          'bytes received (body) / bytes of the lines',
          w
            ? `${kb(w.follow.bodyBytes)} / ${kb(w.follow.lineBytes)} (${times(w.follow.overhead)})`
            : '-',
        ],
        ['bytes on the wire', w ? kb(w.follow.transferBytes) : '-'],
        [
          'refetching the whole log at each poll would have sent',
          w ? kb(w.follow.refetchAllBytes) : '-',
        ],
        ['job completed to the panel saying so', w ? ms(w.completeShownAfter) : '-'],
        ['requests in the 10 s after that', w ? String(w.afterComplete) : '-'],
        ['requests while hidden', w ? `${w.hidden} in ${w.hiddenSeconds} s` : '-'],
      ],
    ),
    '',
  );

  out.push('## 6. Job list and bundles', '');
  out.push(
    table(
      ['jobs in the simulator', 'runs', 'first rows painted (nav)'],
      r.list.map((l) => [n(l.jobs), String(l.runs.length), ms(l.median)]),
    ),
    '',
    table(
      ['route', 'JS (gzip -9)', 'CSS (gzip -9)', 'files'],
      r.routes.map((route) => [
        route.route,
        kb(route.jsGzip),
        kb(route.cssGzip),
        String(route.files),
      ]),
    ),
    '',
  );
  out.push('## 8. The job index (gateway)', '');
  out.push(
    table(
      ['jobs', 'upstream requests/s', 'first complete pass', 'server RSS after', 'store on disk'],
      r.index.passes.map((p) => [
        n(p.jobs),
        p.rate === 0 ? 'no limit' : String(p.rate),
        `${p.seconds.toFixed(0)} s`,
        `${p.rssMb.toFixed(0)} MB`,
        `${p.diskMb.toFixed(0)} MB`,
      ]),
    ),
    '',
    table(
      ['list query (over loopback)', 'p50', 'p95', 'n'],
      r.index.queries.map((q) => [q.kind, ms(q.p50), ms(q.p95), String(q.n)]),
    ),
    '',
  );
  out.push(...logGatewaySection(r));
  out.push(...routeLoadSection(r.routeLoad));
  if (r.errors.length > 0) out.push('## Errors', '', ...r.errors.map((e) => `- ${e}`), '');
  return `${out.join('\n')}\n`;
}
