/**
 * The report's tables that take a section of their own: a big log opened cold, routes loaded,
 * the log gateway, and scenario 2 in another mode; and the peers' rows.
 */
import { int, kb, mb, ms, table, times } from './lib/format.ts';
import { wirePerLine } from './lib/network.ts';
import { perMinute } from './lib/stats.ts';
import { med, n } from './reportNumbers.ts';
import type { BenchResults, FollowEntry, LoadEntry, RouteLoadEntry } from './results.ts';
import type { PeerResult } from './scenarios/peers.ts';

export function peerRow(p: PeerResult): string[] {
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

export function loadTable(entries: readonly LoadEntry[]): string {
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
export function routeLoadSection(entries: readonly RouteLoadEntry[]): string[] {
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
export function logGatewaySection(r: BenchResults): string[] {
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
export function followModeSection(
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
