/**
 * Lines per time bucket, per level, over every line held: the volume histogram's counts, kept up
 * to date at a cost per new line.
 *
 * Bucket widths come from a ladder in which each width divides the next, and buckets are aligned
 * to the epoch (UTC). When the log's time span outgrows MAX_BUCKETS, the width steps up and
 * neighbouring buckets merge: their counts add, and no line is read again. Counting is
 * order-free, so lines appended, backfilled above or arriving out of time order all just add
 * one. The result equals counting every held line afresh at the final width (the tests check).
 */
import { LOG_LEVELS, type LogLevel, type LogLine } from '../model/logLine';
import type { LogStore } from './LogStore';
import { whereNow } from './lineIndex';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each width divides the next, so a step up merges whole buckets. Past the last, widths double. */
export const BUCKET_WIDTHS: readonly number[] = [
  100,
  500,
  SECOND,
  5 * SECOND,
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
  28 * DAY,
  364 * DAY,
];

/** At most this many bars; a narrow panel still gives each a few pixels. */
export const MAX_BUCKETS = 90;

/**
 * The width at a step of the ladder: past its last (364 d), each step doubles, so a far-off
 * time (a placeholder year 1 in one line) still fits MAX_BUCKETS bars.
 */
export function bucketWidth(step: number): number {
  const last = BUCKET_WIDTHS.length - 1;
  return step <= last ? BUCKET_WIDTHS[step]! : BUCKET_WIDTHS[last]! * 2 ** (step - last);
}

const LEVEL_SLOT: Record<LogLevel, number> = { ERROR: 0, WARN: 1, INFO: 2, DEBUG: 3, OTHER: 4 };

interface Bucket {
  /** Lines per level, in LOG_LEVELS order. */
  counts: number[];
  /** The lowest line id counted here: where a click on the bar jumps. */
  firstId: number;
}

/** The histogram as the chart draws it: every bucket from the first to the last, empty ones too. */
export interface VolumeSeries {
  /** Bucket width in ms. */
  width: number;
  /** Start (ms) of each bucket. */
  starts: number[];
  /** Lines per bucket for each level, in LOG_LEVELS order. */
  levels: number[][];
  totals: number[];
  /** The lowest line id in each bucket; NaN for an empty one. */
  firstIds: number[];
  /** Lines counted, and those without a readable time (not in any bucket). */
  lines: number;
  untimed: number;
}

export class VolumeHistogram {
  private readonly buckets = new Map<number, Bucket>();
  private step = 0;
  private low = 0;
  private high = -1;
  private seen = 0;
  private untimedLines = 0;
  private layoutVersion = -1;
  /** Changes whenever a count does. */
  revision = 0;

  constructor(private readonly store: LogStore) {}

  get width(): number {
    return bucketWidth(this.step);
  }

  /** Counts the lines that arrived since the last update; returns whether anything changed. */
  update(): boolean {
    const { store } = this;
    const before = this.revision;
    if (store.layoutVersion !== this.layoutVersion) {
      const insertions = this.layoutVersion < 0 ? null : store.insertionsSince(this.layoutVersion);
      const now = insertions && whereNow(insertions);
      if (insertions && now) {
        insertions.forEach(({ at, count }, k) => {
          // Lines inserted past what was counted are counted with the new ones below.
          if (at >= this.seen) return;
          store.forEach(now[k]!, now[k]! + count, this.add);
          this.seen += count;
        });
      } else this.reset();
      this.layoutVersion = store.layoutVersion;
    }
    if (this.seen < store.size) {
      store.forEach(this.seen, store.size, this.add);
      this.seen = store.size;
    }
    return this.revision !== before;
  }

  private reset(): void {
    this.buckets.clear();
    this.step = 0;
    this.low = 0;
    this.high = -1;
    this.seen = 0;
    this.untimedLines = 0;
    this.revision++;
  }

  private readonly add = (line: LogLine): void => {
    this.revision++;
    const { time } = line;
    if (Number.isNaN(time)) {
      this.untimedLines++;
      return;
    }
    let key = Math.floor(time / this.width);
    if (this.high < this.low) {
      this.low = key;
      this.high = key;
    } else if (key < this.low || key > this.high) {
      this.low = Math.min(this.low, key);
      this.high = Math.max(this.high, key);
      if (this.high - this.low + 1 > MAX_BUCKETS) {
        this.widen();
        key = Math.floor(time / this.width);
      }
    }
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { counts: [0, 0, 0, 0, 0], firstId: line.id };
      this.buckets.set(key, bucket);
    }
    bucket.counts[LEVEL_SLOT[line.severity]]!++;
    if (line.id < bucket.firstId) bucket.firstId = line.id;
  };

  /** Steps up the width until the span fits, merging buckets (never reading a line). */
  private widen(): void {
    const from = this.width;
    let step = this.step;
    const fits = (width: number) =>
      Math.floor((this.high * from) / width) - Math.floor((this.low * from) / width) + 1 <=
      MAX_BUCKETS;
    while (!fits(bucketWidth(step))) step++;
    const ratio = bucketWidth(step) / from;
    const merged = new Map<number, Bucket>();
    for (const [key, bucket] of this.buckets) {
      const to = Math.floor(key / ratio);
      const into = merged.get(to);
      if (!into) merged.set(to, bucket);
      else {
        for (let i = 0; i < into.counts.length; i++) into.counts[i]! += bucket.counts[i]!;
        into.firstId = Math.min(into.firstId, bucket.firstId);
      }
    }
    this.buckets.clear();
    for (const [key, bucket] of merged) this.buckets.set(key, bucket);
    this.step = step;
    this.low = Math.floor(this.low / ratio);
    this.high = Math.floor(this.high / ratio);
  }

  /** Every bucket from the first to the last, for drawing: O(buckets), not O(lines). */
  series(): VolumeSeries {
    const { width } = this;
    const starts: number[] = [];
    const levels: number[][] = LOG_LEVELS.map(() => []);
    const totals: number[] = [];
    const firstIds: number[] = [];
    let lines = this.untimedLines;
    for (let key = this.low; key <= this.high; key++) {
      const bucket = this.buckets.get(key);
      starts.push(key * width);
      let total = 0;
      for (let i = 0; i < levels.length; i++) {
        const n = bucket ? bucket.counts[i]! : 0;
        levels[i]!.push(n);
        total += n;
      }
      totals.push(total);
      lines += total;
      firstIds.push(bucket ? bucket.firstId : NaN);
    }
    return { width, starts, levels, totals, firstIds, lines, untimed: this.untimedLines };
  }
}
