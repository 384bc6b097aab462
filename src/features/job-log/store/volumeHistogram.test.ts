import { describe, expect, it, vi } from 'vitest';
import { testLine } from '../testLines';
import { LOG_LEVELS, type LogLine } from '../model/logLine';
import { LogStore } from './LogStore';
import {
  BUCKET_WIDTHS,
  bucketWidth,
  MAX_BUCKETS,
  VolumeHistogram,
  type VolumeSeries,
} from './volumeHistogram';

const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);
const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'weird', ''];

function at(id: number, ms: number | null, level = 'INFO'): LogLine {
  return testLine(id, level, `m${id}`, ms === null ? null : new Date(ms).toISOString());
}

/** The histogram counted afresh from every held line, without the class: the reference. */
function recount(store: LogStore): VolumeSeries {
  const lines: LogLine[] = [];
  store.forEach(0, store.size, (line) => lines.push(line));
  const timed = lines.filter((line) => !Number.isNaN(line.time));
  const untimed = lines.length - timed.length;
  if (timed.length === 0) {
    return {
      width: BUCKET_WIDTHS[0]!,
      starts: [],
      levels: LOG_LEVELS.map(() => []),
      totals: [],
      firstIds: [],
      lines: untimed,
      untimed,
    };
  }
  const min = Math.min(...timed.map((line) => line.time));
  const max = Math.max(...timed.map((line) => line.time));
  let step = 0;
  while (
    Math.floor(max / bucketWidth(step)) - Math.floor(min / bucketWidth(step)) + 1 >
    MAX_BUCKETS
  ) {
    step++;
  }
  const width = bucketWidth(step);
  const low = Math.floor(min / width);
  const n = Math.floor(max / width) - low + 1;
  const levels = LOG_LEVELS.map(() => new Array<number>(n).fill(0));
  const firstIds = new Array<number>(n).fill(NaN);
  for (const line of timed) {
    const k = Math.floor(line.time / width) - low;
    levels[LOG_LEVELS.indexOf(line.severity)]![k]!++;
    if (!(firstIds[k]! <= line.id)) firstIds[k] = line.id;
  }
  const totals = Array.from({ length: n }, (_, k) => levels.reduce((sum, l) => sum + l[k]!, 0));
  return {
    width,
    starts: Array.from({ length: n }, (_, k) => (low + k) * width),
    levels,
    totals,
    firstIds,
    lines: lines.length,
    untimed,
  };
}

/** A small deterministic generator, so a failing round can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('VolumeHistogram', () => {
  it('counts lines per level per bucket, and lines without a time apart', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append([at(1, T0, 'ERROR'), at(2, T0 + 50, 'WARN'), at(3, null), at(4, T0 + 120)]);
    expect(volume.update()).toBe(true);
    const series = volume.series();
    expect(series.width).toBe(100);
    expect(series.starts).toEqual([T0, T0 + 100]);
    expect(series.levels[0]).toEqual([1, 0]);
    expect(series.levels[1]).toEqual([1, 0]);
    expect(series.levels[2]).toEqual([0, 1]);
    expect(series.totals).toEqual([2, 1]);
    expect(series.firstIds).toEqual([1, 4]);
    expect(series).toMatchObject({ lines: 4, untimed: 1 });
    expect(volume.update()).toBe(false);
  });

  it('steps the width up as the span grows, merging buckets, and keeps empty ones in the series', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append([at(5, T0 + 1000), at(6, T0 + 1100)]);
    volume.update();
    expect(volume.width).toBe(100);
    // An hour later: 3,600 s over at most MAX_BUCKETS bars is a minute each.
    store.append([at(7, T0 + 3_600_000, 'ERROR')]);
    volume.update();
    const series = volume.series();
    expect(series.width).toBe(60_000);
    expect(series.starts).toHaveLength(61);
    expect(series.totals[0]).toBe(2);
    expect(series.totals.slice(1, 60).every((n) => n === 0)).toBe(true);
    expect(series.firstIds[0]).toBe(5);
    expect(Number.isNaN(series.firstIds[1])).toBe(true);
    expect(series).toEqual(recount(store));
  });

  it('keeps the lowest line id of the buckets it merges', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append([at(10, T0 + 200)]);
    volume.update();
    // An older line, in a bucket of its own that is made later.
    store.insertRun([at(5, T0)]);
    volume.update();
    expect(volume.series().firstIds).toEqual([5, NaN, 10]);
    store.append([at(11, T0 + 3_600_000)]);
    volume.update();
    expect(volume.series().firstIds[0]).toBe(5);
  });

  it('reads only the new lines on an append', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append(Array.from({ length: 5000 }, (_, i) => at(i + 1, T0 + i * 10)));
    volume.update();
    const forEach = vi.spyOn(store, 'forEach');
    store.append(Array.from({ length: 7 }, (_, i) => at(6000 + i, T0 + 60_000 + i)));
    volume.update();
    const read = forEach.mock.calls.reduce((sum, [from, to]) => sum + (to - from), 0);
    expect(read).toBe(7);
  });

  it('equals a fresh count over 40 random rounds of appends, backfills and stragglers', () => {
    const next = random(7);
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    // Every read of the whole store after the first count is a rebuild.
    let rebuilt = 0;
    let reads = 0;
    const recountAll = store.forEach.bind(store);
    vi.spyOn(store, 'forEach').mockImplementation((from, to, fn) => {
      if (reads++ > 0 && from === 0 && to === store.size) rebuilt++;
      recountAll(from, to, fn);
    });
    let top = 500_000;
    let bottom = 500_000;
    let clock = T0;
    const level = () => LEVELS[Math.floor(next() * LEVELS.length)]!;
    const time = (): number | null => {
      const r = next();
      if (r < 0.05) return null;
      // Mostly forward, sometimes far back (an unsorted log), sometimes a long pause.
      if (r < 0.15) return clock - Math.floor(next() * 86_400_000);
      clock += r > 0.97 ? Math.floor(next() * 7 * 86_400_000) : Math.floor(next() * 2000);
      return clock;
    };
    for (let round = 0; round < 40; round++) {
      const kind = next();
      const n = 1 + Math.floor(next() * 300);
      if (kind < 0.6) {
        store.append(Array.from({ length: n }, () => at(++top, time(), level())));
      } else if (kind < 0.9) {
        // A backfilled page, as the tail inserts it: older ids, in one run.
        bottom -= n;
        store.insertRun(Array.from({ length: n }, (_, i) => at(bottom + i, time(), level())));
      } else {
        // A straggler inside what is held, when its id is free.
        const id = bottom + 1 + Math.floor(next() * (top - bottom));
        if (store.indexOfId(id) < 0) store.append([at(id, time(), level())]);
      }
      // Not updated every round, so insertions can land between updates.
      if (next() < 0.6) volume.update();
    }
    // The store remembered every insertion: the counts were shifted, never rebuilt.
    expect(rebuilt).toBe(0);
    volume.update();
    expect(volume.series()).toEqual(recount(store));
    expect(volume.series().starts.length).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('each width divides the next, so a step up merges whole buckets', () => {
    for (let i = 1; i < BUCKET_WIDTHS.length + 5; i++) {
      expect(bucketWidth(i) % bucketWidth(i - 1)).toBe(0);
    }
  });

  it('fits far-off and negative times (year 1, the last date a Date holds) in MAX_BUCKETS', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append([at(1, T0), at(2, T0 + 5000, 'ERROR')]);
    volume.update();
    store.append([testLine(3, 'INFO', 'placeholder', '0001-01-01T00:00:00Z')]);
    volume.update();
    expect(volume.series().starts.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(volume.series()).toEqual(recount(store));
    store.append([testLine(4, 'INFO', 'far', '+275760-09-13T00:00:00Z')]);
    volume.update();
    expect(volume.series().starts.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(volume.series()).toEqual(recount(store));
  });

  it('counts afresh, and right, when the store no longer knows what was inserted', () => {
    const store = new LogStore();
    const volume = new VolumeHistogram(store);
    store.append(Array.from({ length: 200 }, (_, i) => at(1000 + i * 2, T0 + i * 100)));
    volume.update();
    // More stragglers than the store remembers insertions (64), between two updates.
    for (let i = 0; i < 80; i++) store.append([at(1001 + i * 2, T0 + i * 100 + 50, 'WARN')]);
    volume.update();
    expect(volume.series()).toEqual(recount(store));
    expect(volume.series().lines).toBe(280);
  });
});
