/**
 * Row heights while wrapping, predicted rather than measured one by one: the list's font is
 * monospace and wrapped rows break at any character (`word-break: break-all`), so a message of
 * `n` characters takes ceil(n / columns) lines, where `columns` is measured once per width. Rows
 * on screen are then measured, and a height that differs (wide or combining characters, a tab,
 * a space hanging at a line's end) replaces the prediction for that line.
 *
 * Hand-written because the measuring virtualizer (@tanstack/virtual-core 3.19) rebuilds every
 * row's measurement when the count changes: appending 1,000 lines cost 36.2 ms of main-thread
 * work at 10,000 lines held and 154.3 ms at 1,000,000 (4.3x; `npm run bench -- --only=wrap`,
 * 2026-11-29). Here the heights sit in a Fenwick tree: an append costs O(log n) per new row, a
 * row's top and the row at an offset O(log n), and only a new width, a filter or older lines
 * inserted above rebuild it (O(n), typed arrays).
 */
import type { LogStore } from '../store/LogStore';
import type { LogView } from '../model/logView';
import type { LogLine } from '../model/logLine';
import { ROW_HEIGHT, type RowLayout } from './rowLayout';

export interface WrapMetrics {
  /** Characters per line of a message; Infinity until measured (every message one line). */
  columns: number;
  /** Px above the message in a row (narrow screens put the message below id, time and level). */
  headerHeight: number;
}

export const UNMEASURED: WrapMetrics = { columns: Infinity, headerHeight: 0 };

/** A tab advances to the next multiple of 8 columns: counted as its widest. */
const TAB_EXTRA = 7;

/** The predicted height of a line's row, in px. */
export function predictHeight(line: LogLine, metrics: WrapMetrics): number {
  const message = line.text;
  let length = message.length;
  if (length > 0 && message.includes('\t')) {
    for (let i = message.indexOf('\t'); i !== -1; i = message.indexOf('\t', i + 1))
      length += TAB_EXTRA;
  }
  const messageLines = length === 0 ? 0 : Math.ceil(length / metrics.columns);
  return Math.max(ROW_HEIGHT, metrics.headerHeight + messageLines * ROW_HEIGHT);
}

export class WrapLayout implements RowLayout {
  count = 0;
  version = 0;
  private heights = new Float64Array(1024);
  /** Fenwick tree over `heights`, 1-based: tree[i] sums the rows (i - lowbit(i), i]. */
  private tree = new Float64Array(1025);
  /** Measured heights that differ from the prediction, by line id, for the current metrics. */
  private measured = new Map<number, number>();
  /**
   * Predicted heights by store position (0: not yet predicted), for the current metrics and
   * store layout: a fold rebuilds the rows from these without reading a message again.
   */
  private predicted = new Float64Array(1024);
  private source: object | null = null;
  private moves = -1;
  private storeLayout = -1;
  private metrics: WrapMetrics = UNMEASURED;
  private store: LogStore | null = null;
  private view: LogView | null = null;

  /** Brings the layout up to `view`: appended rows cost O(log n) each; anything else rebuilds. */
  sync(store: LogStore, view: LogView, metrics: WrapMetrics): void {
    this.store = store;
    this.view = view;
    const metricsChanged =
      metrics.columns !== this.metrics.columns ||
      metrics.headerHeight !== this.metrics.headerHeight;
    if (metricsChanged) this.measured.clear();
    if (metricsChanged || store.layoutVersion !== this.storeLayout) this.predicted.fill(0);
    this.metrics = metrics;
    if (
      metricsChanged ||
      view.source !== this.source ||
      view.moves !== this.moves ||
      store.layoutVersion !== this.storeLayout ||
      view.count < this.count
    ) {
      this.source = view.source;
      this.moves = view.moves;
      this.storeLayout = store.layoutVersion;
      this.rebuild();
      return;
    }
    for (let row = this.count; row < view.count; row++) this.push(this.lineHeight(row));
  }

  get total(): number {
    return this.prefix(this.count);
  }

  top = (row: number): number => this.prefix(Math.max(0, Math.min(row, this.count)));

  height = (row: number): number => this.heights[row] ?? ROW_HEIGHT;

  rowAt = (offset: number): number => {
    // The Fenwick descent: the most rows whose heights sum to at most `offset`.
    let position = 0;
    let rest = offset;
    for (let step = highestBit(this.count); step > 0; step >>= 1) {
      const next = position + step;
      if (next <= this.count && this.tree[next]! <= rest) {
        position = next;
        rest -= this.tree[next]!;
      }
    }
    return Math.max(0, Math.min(this.count - 1, position));
  };

  /**
   * A rendered row's measured height. Returns whether it moved anything (the caller renders
   * again); a row no longer showing `id` is ignored.
   */
  measure(row: number, id: number, height: number): boolean {
    if (row >= this.count || !this.view || !this.store) return false;
    if (this.view.headerAt(row) >= 0 || this.view.gapAt(row) >= 0) return false;
    if (this.store.at(this.view.positionAt(row)).id !== id) return false;
    const delta = height - this.heights[row]!;
    if (Math.abs(delta) < 0.5) return false;
    this.measured.set(id, height);
    this.heights[row] = height;
    for (let i = row + 1; i <= this.count; i += i & -i) this.tree[i]! += delta;
    this.version++;
    return true;
  }

  private lineHeight(row: number): number {
    // A section's header and a gap are one line high, whatever the width.
    if (this.view!.headerAt(row) >= 0 || this.view!.gapAt(row) >= 0) return ROW_HEIGHT;
    return this.heightAt(this.view!.positionAt(row));
  }

  /** The height of the line at a store position: measured, else predicted (and kept). */
  private heightAt(position: number): number {
    if (this.measured.size > 0) {
      const measured = this.measured.get(this.store!.at(position).id);
      if (measured !== undefined) return measured;
    }
    if (position >= this.predicted.length) {
      let size = this.predicted.length;
      while (size <= position) size *= 2;
      const grown = new Float64Array(size);
      grown.set(this.predicted);
      this.predicted = grown;
    }
    const kept = this.predicted[position]!;
    if (kept > 0) return kept;
    const height = predictHeight(this.store!.at(position), this.metrics);
    this.predicted[position] = height;
    return height;
  }

  private rebuild(): void {
    const count = this.view!.count;
    this.ensureCapacity(count);
    const { heights, tree } = this;
    this.view!.forEachRow((row, position) => {
      heights[row] = position < 0 ? ROW_HEIGHT : this.heightAt(position);
    });
    // The linear Fenwick build: each node adds itself to its parent.
    for (let i = 1; i <= count; i++) tree[i] = heights[i - 1]!;
    for (let i = 1; i <= count; i++) {
      const parent = i + (i & -i);
      if (parent <= count) tree[parent]! += tree[i]!;
    }
    this.count = count;
    this.version++;
  }

  private push(height: number): void {
    this.ensureCapacity(this.count + 1);
    const i = ++this.count;
    this.heights[i - 1] = height;
    // tree[i] covers (i - lowbit(i), i]: this row plus the rows before it in that range.
    this.tree[i] = height + this.prefix(i - 1) - this.prefix(i - (i & -i));
  }

  private prefix(rows: number): number {
    let sum = 0;
    for (let i = rows; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.heights.length) return;
    let size = this.heights.length;
    while (size < rows) size *= 2;
    const heights = new Float64Array(size);
    heights.set(this.heights.subarray(0, this.count));
    this.heights = heights;
    const tree = new Float64Array(size + 1);
    tree.set(this.tree.subarray(0, this.count + 1));
    this.tree = tree;
  }
}

function highestBit(n: number): number {
  return n <= 0 ? 0 : 2 ** Math.floor(Math.log2(n));
}
