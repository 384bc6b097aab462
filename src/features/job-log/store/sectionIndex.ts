/**
 * The log in step sections: runs of consecutive lines (in store order) written while the same
 * step ran, or between steps, or without a time (a placer from lib/stepSpans.ts decides). Lines
 * come in id order and mostly in time order, so a step's lines form one run; lines whose clocks
 * disagree split a step into several runs, each its own section (nothing is reordered).
 *
 * Kept up to date as lines stream in: each update places only the lines added since the last one
 * (extending the last run or opening new ones). Lines inserted before the end (a backfill) are
 * placed again from the insertion on.
 * Laid out as rows (headers, folds) by sectionRows.ts.
 */
import type { LogLine } from '../model/logLine';
import type { LogStore } from './LogStore';

export interface Section {
  /** What `place` said of its lines: a step's index, or BETWEEN_STEPS / UNPLACED. */
  step: number;
  /** Store position of its first line. */
  start: number;
  count: number;
  /** ERROR lines in it. */
  errors: number;
}

export class SectionIndex {
  readonly sections: Section[] = [];
  private placed = 0;
  private layoutVersion = -1;
  /** Bumped when sections before the last one change (not when the last one grows). */
  version = 0;

  constructor(
    private readonly store: LogStore,
    private readonly place: (line: LogLine) => number,
  ) {}

  update(): this {
    const { store } = this;
    if (store.layoutVersion !== this.layoutVersion) {
      const insertions = this.layoutVersion < 0 ? null : store.insertionsSince(this.layoutVersion);
      // Place again from the first insertion on; everything when that is not known.
      const from =
        insertions && insertions.length > 0
          ? Math.min(...insertions.map((insertion) => insertion.at))
          : insertions
            ? this.placed
            : 0;
      this.truncate(Math.min(from, this.placed));
      this.layoutVersion = store.layoutVersion;
    }
    if (this.placed < store.size) {
      store.forEach(this.placed, store.size, (line, position) => this.add(line, position));
      this.placed = store.size;
    }
    return this;
  }

  /** The section holding a store position (binary search); -1 when none. */
  sectionOf(position: number): number {
    let lo = 0;
    let hi = this.sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sections[mid]!.start <= position) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    return k >= 0 && position < this.sections[k]!.start + this.sections[k]!.count ? k : -1;
  }

  private add(line: LogLine, position: number): void {
    const step = this.place(line);
    const last = this.sections[this.sections.length - 1];
    const error = line.severity === 'ERROR' ? 1 : 0;
    if (last && last.step === step) {
      last.count++;
      last.errors += error;
    } else {
      this.sections.push({ step, start: position, count: 1, errors: error });
    }
  }

  /** Forgets what was placed from store position `from` on. */
  private truncate(from: number): void {
    const k = this.sectionOf(from);
    if (k < 0 && from >= this.placed) return;
    const cut = k < 0 ? this.sections.length : k;
    if (k >= 0 && this.sections[k]!.start < from) {
      // The section holding `from` keeps its lines before it: recount its errors.
      const kept = this.sections[k]!;
      kept.count = from - kept.start;
      kept.errors = 0;
      this.store.forEach(kept.start, from, (line) => {
        if (line.severity === 'ERROR') kept.errors++;
      });
      this.sections.length = k + 1;
    } else {
      this.sections.length = cut;
    }
    this.placed = from;
    this.version++;
  }
}
