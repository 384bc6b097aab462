/**
 * The step sections (sectionIndex.ts) laid out as rows: a header row each and its lines unless
 * folded. Row counts per section sit in a Fenwick tree: folding or unfolding a section is
 * O(log sections) and reads no line, whatever the number of lines held.
 */
import type { LogStore } from './LogStore';
import type { Section, SectionIndex } from './sectionIndex';

/** A row of the sectioned log: a section's header, or a line (by store position). */
export type SectionRow = { kind: 'header'; section: number } | { kind: 'line'; position: number };

/**
 * What a fold is remembered by: a step's sections fold together (a step split by clock disorder
 * folds as one) by the step's key, others by their first line, so folds survive sections being
 * placed again and steps being added.
 */
export function foldKey(store: LogStore, index: SectionIndex, section: Section): string {
  return section.step >= 0
    ? `step ${index.stepKey(section.step)}`
    : `${section.step} ${store.at(section.start).id}`;
}

export class SectionRows {
  /** Fenwick tree over each section's rows (1 + its lines unless folded), 1-based. */
  private tree: Float64Array = new Float64Array(1);
  private rows: number[] = [];
  private built = -1;
  /** Bumped when rows already laid out move (a fold, sections placed again), not on appends. */
  moves = 0;

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
    this.moves++;
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
    return foldKey(this.store, this.index, this.index.sections[k]!);
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
    this.moves++;
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
