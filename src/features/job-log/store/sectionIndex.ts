/**
 * The log in step sections: runs of consecutive lines (in store order) written while the same
 * step ran, or between steps, or without a time (a placer from lib/stepSpans.ts decides). Lines
 * come in id order and mostly in time order, so a step's lines form one run; lines whose clocks
 * disagree split a step into several runs, each its own section (nothing is reordered).
 *
 * Kept up to date as lines stream in: each update places only the lines added since the last one
 * (extending the last run or opening new ones). Lines inserted before the end (a backfill) are
 * placed again from the insertion on.
 *
 * `SectionRows` lays the sections out as rows, a header row each and its lines unless folded.
 * Row counts per section sit in a Fenwick tree: folding or unfolding a section is O(log sections)
 * and reads no line, whatever the number of lines held.
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

/** A row of the sectioned log: a section's header, or a line (by store position). */
export type SectionRow = { kind: 'header'; section: number } | { kind: 'line'; position: number };

/**
 * What a fold is remembered by: a step's sections fold together (a step split by clock disorder
 * folds as one), others by their first line, so folds survive sections being placed again.
 */
export function foldKey(store: LogStore, section: Section): string {
  return section.step >= 0
    ? `step ${section.step}`
    : `${section.step} ${store.at(section.start).id}`;
}

export class SectionRows {
  /** Fenwick tree over each section's rows (1 + its lines unless folded), 1-based. */
  private tree: Float64Array = new Float64Array(1);
  private rows: number[] = [];
  private built = -1;

  constructor(
    private readonly store: LogStore,
    private readonly index: SectionIndex,
    /** Folded sections, by `foldKey`. */
    private readonly folded: Set<string> = new Set(),
  ) {}

  /**
   * Brings the rows up to the index: lines appended grow the last sections (O(log sections)
   * each); sections placed again (a backfill) rebuild the tree (O(sections)).
   */
  sync(): this {
    const { sections } = this.index;
    if (this.built !== this.index.version || this.rows.length > sections.length) {
      this.rebuild();
      return this;
    }
    for (let k = Math.max(0, this.rows.length - 1); k < sections.length; k++) {
      const want = this.rowsOf(k);
      if (k >= this.rows.length) this.push(want);
      else if (this.rows[k] !== want) this.set(k, want);
    }
    return this;
  }

  get count(): number {
    return this.prefix(this.rows.length);
  }

  isFolded(section: number): boolean {
    return this.folded.has(this.keyOf(section));
  }

  /**
   * Folds or unfolds a section (and the other runs of its step): a pass over the sections and
   * O(log sections) per run changed, whatever the number of lines held; no line is placed or
   * read (but the first line of a section between steps, which names its fold).
   */
  setFolded(section: number, fold: boolean): void {
    const key = this.keyOf(section);
    if (fold) this.folded.add(key);
    else this.folded.delete(key);
    const { sections } = this.index;
    const step = sections[section]!.step;
    for (let k = 0; k < this.rows.length; k++) {
      if (k === section || (step >= 0 && sections[k]!.step === step)) this.set(k, this.rowsOf(k));
    }
  }

  /** The row where a section's header sits. */
  headerRow(section: number): number {
    return this.prefix(section);
  }

  /** What a row shows; `row` in [0, count). */
  rowAt(row: number): SectionRow {
    // The Fenwick descent: the sections whose rows end at or before `row`.
    let k = 0;
    let rest = row;
    for (let step = highestBit(this.rows.length); step > 0; step >>= 1) {
      const next = k + step;
      if (next <= this.rows.length && this.tree[next]! <= rest) {
        k = next;
        rest -= this.tree[next]!;
      }
    }
    if (rest === 0) return { kind: 'header', section: k };
    return { kind: 'line', position: this.index.sections[k]!.start + rest - 1 };
  }

  /** The row of a store position's line, or of its section's header while folded; -1: none. */
  rowOf(position: number): number {
    const k = this.index.sectionOf(position);
    if (k < 0) return -1;
    const header = this.prefix(k);
    return this.isFolded(k) ? header : header + 1 + position - this.index.sections[k]!.start;
  }

  private keyOf(k: number): string {
    return foldKey(this.store, this.index.sections[k]!);
  }

  private rowsOf(k: number): number {
    return 1 + (this.isFolded(k) ? 0 : this.index.sections[k]!.count);
  }

  private rebuild(): void {
    const n = this.index.sections.length;
    this.rows = Array.from({ length: n }, (_, k) => this.rowsOf(k));
    this.tree = new Float64Array(Math.max(1, n * 2) + 1);
    for (let i = 1; i <= n; i++) this.tree[i] = this.rows[i - 1]!;
    for (let i = 1; i <= n; i++) {
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent]! += this.tree[i]!;
    }
    this.built = this.index.version;
  }

  private push(value: number): void {
    const n = this.rows.length + 1;
    if (n >= this.tree.length) {
      const grown = new Float64Array(this.tree.length * 2);
      grown.set(this.tree);
      this.tree = grown;
    }
    this.rows.push(value);
    this.tree[n] = value + this.prefix(n - 1) - this.prefix(n - (n & -n));
  }

  private set(k: number, value: number): void {
    const delta = value - this.rows[k]!;
    this.rows[k] = value;
    for (let i = k + 1; i <= this.rows.length; i += i & -i) this.tree[i]! += delta;
  }

  private prefix(sections: number): number {
    let sum = 0;
    for (let i = sections; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }
}

function highestBit(n: number): number {
  return n <= 0 ? 0 : 2 ** Math.floor(Math.log2(n));
}
