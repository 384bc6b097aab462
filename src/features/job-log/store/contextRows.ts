/**
 * The rows of a filtered log with context: the lines a filter kept, N lines around each, and the
 * stretches the operator opened; between them one gap row per run of hidden lines. Kept up to
 * date as lines arrive at a cost per new line: a new kept line extends the last range or opens
 * a new one after it, so rows are only ever added at the end. Lines inserted above, an opened
 * stretch, or a new kept line whose context reaches back before the last range rebuild the
 * ranges from the kept lines (a cost per kept line, not per line held).
 */
import type { LogStore } from './LogStore';
import type { LineIndex } from './lineIndex';

/** Lines around a line that "Show context" opens, and that a gap's "50 more" adds. */
export const CONTEXT_STEP = 50;

/** Ids from `from` to `to`, inclusive: lines inserted later between them show too. */
interface IdRange {
  from: number;
  to: number;
}

export class ContextRows {
  /** Visible ranges of store positions, sorted and apart: [starts[k], ends[k]). */
  private starts: number[] = [];
  /** The end each range wants; the last may reach past the lines held so far. */
  private ends: number[] = [];
  /** The row of each range's first line (its gap row, if any, is the row before). */
  private rowStarts: number[] = [];
  /** Lines in the ranges before each. */
  private lineStarts: number[] = [];
  private opened: IdRange[] = [];
  /** Kept lines already in the ranges. */
  private consumed = 0;
  private layoutVersion = -1;
  private size = 0;
  /** Changes when rows already laid out move while the store does not. */
  moves = 0;

  constructor(
    private readonly store: LogStore,
    private readonly kept: LineIndex,
    readonly around: number,
  ) {}

  /** Brings the rows up to the store and the kept lines; `kept` must be updated first. */
  update(): this {
    const { store, kept } = this;
    if (store.layoutVersion !== this.layoutVersion || kept.size < this.consumed) {
      this.rebuild();
      return this;
    }
    // The rows laid out last ended here: a trailing gap row covered the lines after the ranges.
    const laidOut = this.size;
    this.size = this.known();
    const { positions } = kept;
    for (; this.consumed < kept.size; this.consumed++) {
      if (!this.add(positions[this.consumed]!, laidOut)) {
        this.rebuild();
        return this;
      }
    }
    return this;
  }

  /** Adds a kept line after every range; false when its context reaches before the last range. */
  private add(position: number, laidOut: number): boolean {
    const start = Math.max(0, position - this.around);
    const end = position + this.around + 1;
    const last = this.starts.length - 1;
    if (last < 0) {
      this.push(start, end);
      return true;
    }
    if (start < this.starts[last]!) return false;
    const lastEnd = this.ends[last]!;
    if (start > lastEnd) {
      this.push(start, end);
      return true;
    }
    // Joins the last range: a trailing gap row laid out after it becomes lines.
    if (lastEnd < laidOut) this.moves++;
    this.ends[last] = Math.max(lastEnd, end);
    return true;
  }

  private push(start: number, end: number): void {
    const k = this.starts.length;
    const lines = k === 0 ? 0 : this.lineStarts[k - 1]! + this.lengthOf(k - 1);
    const rowsBefore = k === 0 ? 0 : this.rowStarts[k - 1]! + this.lengthOf(k - 1);
    const gap = start > (k === 0 ? 0 : this.ends[k - 1]!) ? 1 : 0;
    this.starts.push(start);
    this.ends.push(end);
    this.lineStarts.push(lines);
    this.rowStarts.push(rowsBefore + gap);
  }

  /** Lines of range k held now (only the last can reach past the store's end). */
  private lengthOf(k: number): number {
    return Math.min(this.ends[k]!, this.size) - this.starts[k]!;
  }

  /**
   * The lines the rows reach to: those the kept index has read (a search still scanning has not
   * read them all), so no gap counts lines it cannot yet know are hidden.
   */
  private known(): number {
    return Math.min(this.store.size, this.kept.scannedLines);
  }

  private rebuild(): void {
    const { store, kept } = this;
    this.size = this.known();
    this.layoutVersion = store.layoutVersion;
    this.starts = [];
    this.ends = [];
    this.rowStarts = [];
    this.lineStarts = [];
    const opened = this.opened
      .map(({ from, to }) => [store.lowerBound(from), store.lowerBound(to + 1)] as const)
      .filter(([start, end]) => end > start)
      .sort((a, b) => a[0] - b[0]);
    let next = 0;
    const take = (start: number, end: number) => {
      const last = this.starts.length - 1;
      if (last >= 0 && start <= this.ends[last]!) {
        this.ends[last] = Math.max(this.ends[last]!, end);
      } else this.push(start, end);
    };
    const { positions } = kept;
    for (let i = 0; i < kept.size; i++) {
      const position = positions[i]!;
      const start = Math.max(0, position - this.around);
      while (next < opened.length && opened[next]![0] <= start) take(...opened[next++]!);
      take(start, position + this.around + 1);
    }
    while (next < opened.length) take(...opened[next++]!);
    this.consumed = kept.size;
    this.moves++;
  }

  /** Opens store positions [start, end): they show until the filter or the context changes. */
  open(start: number, end: number): void {
    const from = Math.max(0, start);
    const to = Math.min(this.store.size, end) - 1;
    if (to < from) return;
    this.opened.push({ from: this.store.at(from).id, to: this.store.at(to).id });
    this.rebuild();
  }

  /** Whether the operator opened any stretch: then rows show even with no context around. */
  get hasOpened(): boolean {
    return this.opened.length > 0;
  }

  get ranges(): number {
    return this.starts.length;
  }

  /** Rows: each range's lines, a gap row before each range that follows hidden lines, one after. */
  get count(): number {
    const last = this.starts.length - 1;
    if (last < 0) return 0;
    const end = Math.min(this.ends[last]!, this.size);
    return this.rowStarts[last]! + this.lengthOf(last) + (end < this.size ? 1 : 0);
  }

  /** The hidden store positions of gap g (before range g; g = ranges is the one after them). */
  gap(g: number): { start: number; end: number } {
    const start = g === 0 ? 0 : Math.min(this.ends[g - 1]!, this.size);
    const end = g < this.starts.length ? this.starts[g]! : this.size;
    return { start, end };
  }

  /** The last range whose first row (or gap row) is at or before `row`. */
  private rangeOfRow(row: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowStarts[mid]! - this.gapRows(mid) <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private gapRows(k: number): number {
    return this.starts[k]! > (k === 0 ? 0 : this.ends[k - 1]!) ? 1 : 0;
  }

  /** The gap a row is, or -1 for a line's row. */
  gapAt(row: number): number {
    const k = this.rangeOfRow(row);
    if (row < this.rowStarts[k]!) return k;
    return row - this.rowStarts[k]! >= this.lengthOf(k) ? k + 1 : -1;
  }

  /** The store position a row shows; a gap row's first hidden line. */
  positionAt(row: number): number {
    const k = this.rangeOfRow(row);
    const offset = row - this.rowStarts[k]!;
    if (offset < 0 || offset >= this.lengthOf(k)) return this.gap(offset < 0 ? k : k + 1).start;
    return this.starts[k]! + offset;
  }

  /** The last range starting at or before `position`; -1 when none. */
  private rangeOfPosition(position: number): number {
    let lo = -1;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  shows(position: number): boolean {
    const k = this.rangeOfPosition(position);
    return k >= 0 && position < Math.min(this.ends[k]!, this.size);
  }

  /** The row of a position: its line's, or its gap's; `count` past the end. */
  rowAtOrAfter(position: number): number {
    if (position >= this.size || this.starts.length === 0) return this.count;
    const k = this.rangeOfPosition(position);
    if (k < 0) return 0;
    const offset = position - this.starts[k]!;
    if (offset < this.lengthOf(k)) return this.rowStarts[k]! + offset;
    return k + 1 < this.starts.length ? this.rowStarts[k + 1]! - 1 : this.count - 1;
  }

  /** Lines shown at store positions from `position` on. */
  linesFrom(position: number): number {
    const last = this.starts.length - 1;
    if (last < 0) return 0;
    const total = this.lineStarts[last]! + this.lengthOf(last);
    const k = this.rangeOfPosition(position);
    if (k < 0) return total;
    const before = this.lineStarts[k]! + Math.min(position - this.starts[k]!, this.lengthOf(k));
    return total - before;
  }

  /** Every row in order with its store position (-1 for a gap row). */
  forEachRow(visit: (row: number, position: number) => void): void {
    let row = 0;
    for (let k = 0; k < this.starts.length; k++) {
      if (this.gapRows(k)) visit(row++, -1);
      const end = this.starts[k]! + this.lengthOf(k);
      for (let position = this.starts[k]!; position < end; position++) visit(row++, position);
    }
    if (row < this.count) visit(row, -1);
  }
}
