/** The Markdown report: figures, peers side by side, and the goals with what held. */
import { int, kb, mb, ms, table, times } from './lib/format.ts';
import { wirePerLine } from './lib/network.ts';
import { perMinute, ratio, summarize } from './lib/stats.ts';
import { goals } from './reportGoals.ts';
import { med, n } from './reportNumbers.ts';
import type { BenchResults, FollowEntry, LoadEntry, RouteLoadEntry } from './results.ts';
import type { PeerResult } from './scenarios/peers.ts';
import { SEARCH_HEADER, searchRows } from './scenarios/search.ts';

function peerRow(p: PeerResult): string[] {
  if (p.failed) return [p.kind, n(p.lines), p.failed, '', '', '', '', '', ''];
  return [
    p.kind,
    n(p.lines),
    ms(p.tailPainted),
    mb(p.heapMb),
    int(p.domElements),
    ms(med(p.appends.map((a) => a.painted))),
    ms(med(p.appends.map((a) => a.work)), 1),
    ms(Math.max(0, ...p.appends.map((a) => a.longestTask))),
    `${p.scroll?.janky ?? '-'} (worst ${ms(p.scroll?.worst)})`,
    `${p.followedOnLoad ? 'yes' : 'no'}; ${p.appends.length - p.appendsNotFollowed}/${p.appends.length}`,
  ];
}

const bytes = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} B` : '-');

function loadTable(entries: readonly LoadEntry[]): string {
  return table(
    [
      'server',
      'lines',
      'runs',
      'first log request (nav)',
      'first lines (nav)',
      'tail (nav)',
      'tail (from resp.)',
      'all held (nav)',
      'all held (from resp.)',
      'requests',
      'JS heap',
      'DOM elements',
      'longest task',
    ],
    entries.map((l) => [
      l.server,
      n(l.lines),
      String(l.runs.length),
      ms(l.median.firstRequest),
      ms(l.median.firstPainted),
      ms(l.median.tailPainted),
      ms(l.median.tailFromResponse),
      ms(l.median.allHeld),
      ms(l.median.allFromResponse),
      int(l.median.requests),
      mb(l.median.heapMb),
      int(l.median.domElements),
      ms(l.median.longestTask),
    ]),
  );
}

/** Scenario 10: each route opened cold, timed from navigation. */
function routeLoadSection(entries: readonly RouteLoadEntry[]): string[] {
  if (entries.length === 0) return [];
  return [
    '## 10. Route loading',
    '',
    'Each route opened cold on the server as it ships (pages of 2,000), timed from navigation: ' +
      'the arrival of the last script before the first paint (the code the route needed), the ' +
      "first request for the route's data (the job; the freshness answer), the first request " +
      'for what is painted (the log; the list), and the first log lines (rows) painted. A route ' +
      "whose loader starts fetching asks before its page's code has arrived.",
    '',
    table(
      [
        'route',
        'log lines / jobs',
        'runs',
        'last script in (nav)',
        'first data request (nav)',
        'first log / list request (nav)',
        'first lines / rows painted (nav)',
      ],
      entries.map((e) => [
        e.route,
        n(e.size),
        String(e.runs.length),
        ms(e.median.codeIn),
        ms(e.median.firstData),
        ms(e.median.firstShown),
        ms(e.median.painted),
      ]),
    ),
    '',
  ];
}

/** Scenario 9: the log gateway alone, in its own process in front of the plain simulator. */
function logGatewaySection(r: BenchResults): string[] {
  const g = r.logGateway;
  if (!g) return [];
  const up = g.upstream;
  const wire = g.follow ? wirePerLine(g.follow.follow) : NaN;
  const wireInProcess = r.network ? wirePerLine(r.network.follow) : NaN;
  const s = g.streaming;
  return [
    '## 9. The log gateway (its own process, in front of the plain simulator)',
    '',
    `A ${n(g.lines)}-line log in a simulator whose Job log API answers every line after the ` +
      'cursor in one answer (LOG_CACHE=off, JOBS_INDEX=off), behind a gateway with its defaults. ' +
      'The first viewer meets a new gateway (an empty store) each run; the second opens the ' +
      'log in a cold browser context once that gateway holds it. "LOG_CACHE=off" is a gateway ' +
      'that forwards each request, so the browser reads the one answer itself (before).',
    '',
    loadTable(g.load),
    '',
    table(
      ['measure', 'value'],
      [
        [
          "the upstream's own answer, read by Node's fetch as the gateway reads it: first byte / whole",
          up ? `${ms(up.firstByte)} / ${ms(up.whole)} (${mb(up.mb)})` : '-',
        ],
        [
          'gateway peak RSS by the end of the first read (VmHWM)',
          g.peakMb.length > 0
            ? `${mb(med(g.peakMb))} (median of ${g.peakMb.length}; ${g.peakMb.map((v) => mb(v)).join(', ')})`
            : '-',
        ],
        ['LOG_CACHE=off gateway peak RSS (VmHWM)', mb(g.beforePeakMb)],
        [
          'streaming through the gateway (10 lines/s): creation to visible, p50 / p95 / max',
          s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} (${int(s.lines)} lines)` : '-',
        ],
        [
          'bytes on the wire per line followed: through the gateway / the in-process server (5)',
          `${bytes(wire)} / ${bytes(wireInProcess)}`,
        ],
        [
          'followed through the gateway: requests, lines, wire / body / lines bytes',
          g.follow
            ? `${int(g.follow.follow.requests)} requests, ${int(g.follow.follow.lines)} lines in ` +
              `${g.follow.seconds} s; ${kb(g.follow.follow.transferBytes)} / ` +
              `${kb(g.follow.follow.bodyBytes)} / ${kb(g.follow.follow.lineBytes)}`
            : '-',
        ],
      ],
    ),
    '',
    'Followers: tabs of one browser context on one running job (5 lines/s); requests counted by ' +
      "the plain simulator (`GET /__demo/state`) over the window, after the tabs' first reads.",
    '',
    table(
      [
        'followers',
        'visible tabs',
        'window',
        'upstream log requests/min',
        'upstream Jobs API requests/min',
        'browser log requests/min',
      ],
      g.followers.map((f) => [
        String(f.viewers),
        String(f.visible),
        `${f.seconds} s`,
        perMinute(f.upstreamLogs, f.seconds).toFixed(1),
        perMinute(f.upstreamJobs, f.seconds).toFixed(1),
        perMinute(f.browserLogs, f.seconds).toFixed(1),
      ]),
    ),
    '',
  ];
}

/** Scenario 2 in another mode: its appends and scrolling, and the ratio of append work. */
function followModeSection(
  title: string,
  label: string,
  entries: readonly FollowEntry[],
  ratio: number,
): string[] {
  if (entries.length === 0) return [];
  return [
    title,
    '',
    table(
      [
        'lines held',
        'appends',
        'tail painted (from resp.)',
        'main-thread work',
        'longest task',
        'janky frames (of 61)',
      ],
      entries.map((f) => [
        n(f.lines),
        String(f.painted.n),
        `${ms(f.painted.median)} (${ms(f.painted.min)}-${ms(f.painted.max)})`,
        `${ms(f.work.median, 1)} (${ms(f.work.min, 1)}-${ms(f.work.max, 1)})`,
        ms(f.longestTask.max, 1),
        String(f.result.scroll.janky),
      ]),
    ),
    '',
    `${label} append cost at ${n(entries.at(-1)?.lines ?? 0)} lines / at 10,000: ${times(ratio)}.`,
    '',
  ];
}

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
