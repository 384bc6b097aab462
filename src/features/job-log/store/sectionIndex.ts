/**
 * The log in step sections: runs of consecutive lines (in store order) written while the same
 * step ran, or between steps (a placer from lib/stepSpans.ts decides by each line's time). Lines
 * come in id order and mostly in time order, so a step's lines form one run; lines whose clocks
 * disagree split a step into several runs, each its own section (nothing is reordered). A line
 * without a valid time cannot be placed by time: it stays in the section it sits in by order,
 * which counts it as `untimed` (lines before any timed line form an UNPLACED section).
 *
 * Kept up to date as lines stream in, at a cost per new line, not per line held:
 * - lines appended extend the last run or open new ones;
 * - a run of lines inserted before the end (a backfill page) is placed alone, with the section
 *   it lands inside, and the sections after it shift;
 * - a new placer (the job advanced: a step ended, another began) places again only the sections
 *   holding a line at or after the first time whose placement can differ (`changedSince` in
 *   stepSpans.ts): on a running job, the last step's.
 * Laid out as rows (headers, folds) by sectionRows.ts.
 */
import { BETWEEN_STEPS, changedSince, UNPLACED, type StepSpan } from '../../../lib/stepSpans';
import { lineTime, type LogLine } from '../model/logLine';
import { whereNow } from './lineIndex';
import type { LogStore } from './LogStore';

export { BETWEEN_STEPS, UNPLACED };

export interface Section {
  /** What the placer said of its lines: a step's index, BETWEEN_STEPS, or UNPLACED. */
  step: number;
  /** Store position of its first line. */
  start: number;
  count: number;
  /** ERROR lines in it. */
  errors: number;
  /** Lines in it without a valid time (placed by order, not by time). */
  untimed: number;
  /** Earliest and latest valid line times in it (epoch ms); NaN when it has none. */
  minTime: number;
  maxTime: number;
}

/** A step's index for a line's time (epoch ms, or null), BETWEEN_STEPS or UNPLACED. */
export type Placer = (time: number | null) => number;

/** The steps, and the placer over them (`linePlacer` in stepSpans.ts) with its tolerance. */
export interface Placement {
  spans: readonly StepSpan[];
  place: Placer;
  /** The clock tolerance `place` uses, in ms (the default when absent). */
  toleranceMs?: number;
}

export class SectionIndex {
  readonly sections: Section[] = [];
  private placed = 0;
  private layoutVersion = -1;
  /** Bumped when sections before the last one change (not when the last one grows). */
  version = 0;

  private place: Placer;

  constructor(
    private readonly store: LogStore,
    private placement: Placement,
    private readonly timeOf: (line: LogLine) => number | null = lineTime,
  ) {
    this.place = placement.place;
  }

  /** The key (StepSpan.key) of the step a section's `step` names. */
  stepKey(step: number): string {
    return this.placement.spans[step]?.key ?? String(step);
  }

  /** The step a section's `step` names; null for lines outside every step. */
  spanOf(step: number): StepSpan | null {
    return this.placement.spans[step] ?? null;
  }

  /**
   * The job's steps again: when their times or the tolerance changed (a new placer), see
   * `setPlacer`; otherwise only the steps shown in headers (their durations) are new.
   */
  setPlacement(next: Placement): void {
    if (next === this.placement) return;
    if (next.place === this.placement.place) {
      this.placement = next;
      return;
    }
    // The sections must describe the store as it is before they are placed again.
    this.update();
    // Another tolerance can move any line.
    const since =
      next.toleranceMs !== this.placement.toleranceMs
        ? -Infinity
        : changedSince(this.placement.spans, next.spans, next.toleranceMs);
    this.placement = next;
    this.setPlacer(next.place, since);
  }

  update(): this {
    const { store } = this;
    if (store.layoutVersion !== this.layoutVersion) {
      const insertions = this.layoutVersion < 0 ? null : store.insertionsSince(this.layoutVersion);
      this.layoutVersion = store.layoutVersion;
      const at = insertions && insertions.length === 1 ? whereNow(insertions) : null;
      if (insertions && at) {
        this.insert(at[0]!, insertions[0]!.count);
      } else if (insertions === null || insertions.length > 0) {
        // Several runs inserted at once (rare), or history the store no longer keeps: place
        // again from the first insertion known, else from the start.
        const from = insertions ? Math.min(...insertions.map((i) => i.at)) : 0;
        this.truncate(Math.min(from, this.placed));
      }
    }
    if (this.placed < store.size) {
      this.replaceSections(this.sections.length, this.sections.length, this.placed, store.size);
      this.placed = store.size;
    }
    return this;
  }

  /**
   * A new placer. `since`: the first time whose placement may differ from the old placer's
   * (-Infinity: any; Infinity: none). Only sections holding a line at or after it are placed
   * again.
   */
  setPlacer(place: Placer, since: number): void {
    this.place = place;
    if (since === Infinity) return;
    for (let k = this.sections.length - 1; k >= 0; k--) {
      const section = this.sections[k]!;
      if (section.step === UNPLACED || !(section.maxTime >= since)) continue;
      // A maximal group of such sections, placed again together.
      let first = k;
      while (first > 0 && this.sections[first - 1]!.maxTime >= since) first--;
      const from = this.sections[first]!.start;
      const to = section.start + section.count;
      this.replaceSections(first, k + 1, from, to);
      k = first;
    }
    this.version++;
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

  /** `count` lines inserted at store position `at`. */
  private insert(at: number, count: number): void {
    if (at >= this.placed) return; // beyond what was placed: the append places them
    this.placed += count;
    const k = this.sectionOf(at);
    const { sections } = this;
    for (let j = k; j < sections.length; j++) {
      if (sections[j]!.start >= at) sections[j]!.start += count;
    }
    const holder = sections[k]!;
    if (holder.start < at) {
      // Inside a section: it is placed again with the new lines.
      this.replaceSections(k, k + 1, holder.start, holder.start + holder.count + count);
    } else {
      this.replaceSections(k, k, at, at + count);
    }
    this.version++;
  }

  /**
   * Replaces sections [k0, k1) by the runs of the lines at store positions [from, to), which
   * lie between section k0 - 1 and section k1; runs that meet a neighbour of the same step
   * join it.
   */
  private replaceSections(k0: number, k1: number, from: number, to: number): void {
    const { sections } = this;
    const before = sections[k0 - 1];
    const runs: Section[] = [];
    let last = before;
    this.store.forEach(from, to, (line, position) => {
      const time = this.timeOf(line);
      // A line without a time stays in the section it sits in.
      const step = time === null ? (last?.step ?? UNPLACED) : this.place(time);
      if (!last || last.step !== step) {
        last = {
          step,
          start: position,
          count: 0,
          errors: 0,
          untimed: 0,
          minTime: NaN,
          maxTime: NaN,
        };
        runs.push(last);
      }
      addLine(last, line, time);
    });
    sections.splice(k0, k1 - k0, ...runs);
    // The runs' end meets the next section: the same step, or lines without a time (placed by
    // order, they join what now precedes them), joins.
    let next = sections[k0 + runs.length];
    while (last && next && (next.step === last.step || next.step === UNPLACED)) {
      merge(last, next);
      sections.splice(k0 + runs.length, 1);
      next = sections[k0 + runs.length];
    }
  }

  /** Forgets what was placed from store position `from` on. */
  private truncate(from: number): void {
    const k = this.sectionOf(from);
    if (k < 0 && from >= this.placed) return;
    if (k >= 0 && this.sections[k]!.start < from) {
      // The section holding `from` is placed again up to it.
      const kept = this.sections[k]!;
      this.replaceSections(k, this.sections.length, kept.start, from);
    } else {
      this.sections.length = k < 0 ? this.sections.length : k;
    }
    this.placed = from;
    this.version++;
  }
}

function addLine(section: Section, line: LogLine, time: number | null): void {
  section.count++;
  if (line.severity === 'ERROR') section.errors++;
  if (time === null) section.untimed++;
  else {
    if (!(section.minTime <= time)) section.minTime = time;
    if (!(section.maxTime >= time)) section.maxTime = time;
  }
}

function merge(into: Section, next: Section): void {
  into.count += next.count;
  into.errors += next.errors;
  into.untimed += next.untimed;
  // NaN (no timed line) on either side: the other's.
  if (Number.isNaN(into.minTime) || next.minTime < into.minTime) into.minTime = next.minTime;
  if (Number.isNaN(into.maxTime) || next.maxTime > into.maxTime) into.maxTime = next.maxTime;
}
