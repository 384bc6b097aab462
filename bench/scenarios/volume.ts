/**
 * The volume histogram's share of an append: scenario 2 runs with the histogram drawn (the
 * app's default) and again with it hidden (its remembered chip off), on the smallest and the
 * largest log; the difference of the medians is what counting the new lines and redrawing the
 * chart costs per append of 1,000 lines.
 */
import { makeLine } from '../../src/features/job-log/model/logLine.ts';
import { LogStore } from '../../src/features/job-log/store/LogStore.ts';
import { VolumeHistogram } from '../../src/features/job-log/store/volumeHistogram.ts';
import { ms, table } from '../lib/format.ts';
import { med, n } from '../reportNumbers.ts';
import type { Goal } from '../reportGoals.ts';
import type { FollowEntry } from '../results.ts';

const APPEND_GOAL_MS = 16;

/** The counting alone, in this process: the histogram's update per append and a full recount. */
export interface VolumeCounting {
  held: number;
  /** ms per append of 1,000 lines: VolumeHistogram.update() and series(). */
  appends: number[];
  /** ms to count every held line afresh (what a rebuild per append would cost). */
  recounts: number[];
}

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];

/**
 * `held` lines over a week (as the simulator spreads a long history), then `reps` appends of
 * 1,000 lines a second later each: the cost per new line, not per held line, is the claim.
 */
export function volumeCounting(held: number, reps: number): VolumeCounting {
  const start = Date.UTC(2026, 10, 22);
  const step = (7 * 86_400_000) / held;
  const line = (id: number, time: number) =>
    makeLine(id, LEVELS[id % LEVELS.length]!, `line ${id}`, new Date(time).toISOString());
  const store = new LogStore();
  const page: ReturnType<typeof line>[] = [];
  for (let id = 1; id <= held; id++) {
    page.push(line(id, start + id * step));
    if (page.length === 4096) store.append(page.splice(0));
  }
  store.append(page.splice(0));
  const histogram = new VolumeHistogram(store);
  histogram.update();
  const appends: number[] = [];
  const recounts: number[] = [];
  let id = held;
  let time = start + 7 * 86_400_000;
  for (let i = 0; i < reps; i++) {
    const lines = Array.from({ length: 1000 }, () => line(++id, (time += 1)));
    store.append(lines);
    const t0 = performance.now();
    histogram.update();
    histogram.series();
    appends.push(performance.now() - t0);
    const t1 = performance.now();
    new VolumeHistogram(store).update();
    recounts.push(performance.now() - t1);
  }
  return { held, appends, recounts };
}

export function volumeCountingRows(c: VolumeCounting | null | undefined): string[] {
  if (!c) return [];
  const per = med(c.appends);
  const full = med(c.recounts);
  return [
    `Counting alone (VolumeHistogram in Node, ${n(c.held)} lines held, ${c.appends.length} ` +
      `appends of 1,000): ${ms(per, 3)} per append (update and series, median; ` +
      `${ms(Math.min(...c.appends), 3)}-${ms(Math.max(...c.appends), 3)}), against ` +
      `${ms(full, 1)} to count every held line afresh (${(full / per).toFixed(0)}x).`,
    '',
  ];
}

interface Pair {
  lines: number;
  drawn: FollowEntry;
  hidden: FollowEntry;
}

function pairs(follow: readonly FollowEntry[], hidden: readonly FollowEntry[]): Pair[] {
  return hidden.flatMap((h) => {
    const drawn = follow.find((f) => f.lines === h.lines);
    return drawn ? [{ lines: h.lines, drawn, hidden: h }] : [];
  });
}

export function volumeSection(
  follow: readonly FollowEntry[],
  hidden: readonly FollowEntry[],
  counting: VolumeCounting | null | undefined,
): string[] {
  const rows = pairs(follow, hidden);
  if (rows.length === 0) return volumeCountingRows(counting);
  return [
    '### 2 with the volume histogram hidden: its share of an append',
    '',
    'Median main-thread work per append of 1,000 lines while following, with the histogram ' +
      'drawn (scenario 2 as above) and hidden; the difference is its share (noise included).',
    '',
    table(
      ['lines held', 'histogram drawn', 'hidden', 'difference', 'longest task (drawn / hidden)'],
      rows.map(({ lines, drawn, hidden: h }) => [
        n(lines),
        ms(drawn.work.median, 1),
        ms(h.work.median, 1),
        ms(drawn.work.median - h.work.median, 1),
        `${ms(drawn.longestTask.max, 1)} / ${ms(h.longestTask.max, 1)}`,
      ]),
    ),
    '',
    ...volumeCountingRows(counting),
  ];
}

export function volumeGoals(
  follow: readonly FollowEntry[],
  hidden: readonly FollowEntry[] | undefined,
): Goal[] {
  const largest = pairs(follow, hidden ?? []).at(-1);
  if (!largest) return [];
  const drawn = largest.drawn.work.median;
  return [
    {
      goal: `Volume histogram: append 1,000 lines with it drawn, main-thread work < ${APPEND_GOAL_MS} ms`,
      measured:
        `${ms(drawn, 1)} (median) at ${n(largest.lines)} lines; hidden ` +
        `${ms(largest.hidden.work.median, 1)}, difference ${ms(drawn - largest.hidden.work.median, 1)}`,
      holds: Number.isFinite(drawn) ? drawn < APPEND_GOAL_MS : null,
    },
  ];
}
