/**
 * Positions (in the store) of the lines that pass a test, kept up to date as lines stream in:
 * each update scans only the lines added since the last one. Lines inserted before the end
 * (backfilled history, a straggler) shift the positions after them and are scanned alone; only
 * when the store no longer knows what was inserted is the index rebuilt.
 */
import type { Insertion, LogStore } from './LogStore';
import type { LogLine } from '../model/logLine';

/**
 * Where each insertion's lines sit in the store now, after the insertions that followed it; null
 * when a later one landed inside an earlier run (then the index is rebuilt).
 */
export function whereNow(insertions: readonly Insertion[]): number[] | null {
  const out: number[] = [];
  for (let k = 0; k < insertions.length; k++) {
    let start = insertions[k]!.at;
    const { count } = insertions[k]!;
    for (let j = k + 1; j < insertions.length; j++) {
      const later = insertions[j]!;
      if (later.at <= start) start += later.count;
      else if (later.at < start + count) return null;
    }
    out.push(start);
  }
  return out;
}

/**
 * Lines scanned between two looks at the clock: a tenth of a millisecond of a plain test (a
 * million lines take 24-60 ms), so a slice overruns its deadline by little even for a costly
 * pattern.
 */
const SLICE_LINES = 2048;

export class LineIndex {
  readonly positions: number[] = [];
  private scanned = 0;
  private layoutVersion = -1;

  constructor(
    private readonly store: LogStore,
    private readonly test: (line: LogLine) => boolean,
  ) {}

  /**
   * Brings the index up to the store; cheap when nothing changed. With a budget (ms) the scan
   * of new lines stops between slices once it is spent, and `complete` stays false until later
   * calls finish it.
   */
  update(budgetMs = Infinity): this {
    const { store } = this;
    if (store.layoutVersion !== this.layoutVersion) {
      const insertions = this.layoutVersion < 0 ? null : store.insertionsSince(this.layoutVersion);
      const scanAt = insertions && whereNow(insertions);
      if (insertions && scanAt) {
        insertions.forEach(({ at, count }, k) => this.applyInsertion(at, count, scanAt[k]!));
      } else {
        this.positions.length = 0;
        this.scanned = 0;
      }
      this.layoutVersion = store.layoutVersion;
    }
    const { positions, test } = this;
    const visit = (line: LogLine, index: number) => {
      if (test(line)) positions.push(index);
    };
    if (budgetMs === Infinity) {
      store.forEach(this.scanned, store.size, visit);
      this.scanned = store.size;
      return this;
    }
    const deadline = performance.now() + budgetMs;
    while (this.scanned < store.size) {
      const to = Math.min(store.size, this.scanned + SLICE_LINES);
      store.forEach(this.scanned, to, visit);
      this.scanned = to;
      if (performance.now() >= deadline) break;
    }
    return this;
  }

  /** Lines scanned so far, of the store's. */
  get scannedLines(): number {
    return this.scanned;
  }

  /** Whether every line the store held at the last update has been scanned. */
  get complete(): boolean {
    return this.scanned >= this.store.size;
  }

  /** Lines inserted where the index has not scanned yet are found by the scan of new lines. */
  private applyInsertion(at: number, count: number, now: number): void {
    if (at >= this.scanned) return;
    const { positions, test } = this;
    const found: number[] = [];
    this.store.forEach(now, now + count, (line, index) => {
      if (test(line)) found.push(at + index - now);
    });
    const i = this.lowerBound(at);
    const tail = positions.length - i;
    positions.length += found.length;
    positions.copyWithin(i + found.length, i, i + tail);
    for (let k = i + found.length; k < positions.length; k++) positions[k]! += count;
    for (let k = 0; k < found.length; k++) positions[i + k] = found[k]!;
    this.scanned += count;
  }

  get size(): number {
    return this.positions.length;
  }

  /** The first entry whose store position is >= `position` (size when none). */
  lowerBound(position: number): number {
    const { positions } = this;
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
