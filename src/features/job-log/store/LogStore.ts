/**
 * The lines of one job's log, held in id order without duplicates.
 *
 * Lines live in chunks of at most CHUNK_SIZE, so appending after the highest id costs time in
 * the new lines only (no copy of everything held per poll), and a rare line that arrives out of
 * order is spliced into one chunk. A log of a million lines stays one array of ~250 chunks.
 */
import type { LogLevel, LogLine } from '../model/logLine';

export const CHUNK_SIZE = 4096;

export interface AppendResult {
  /** Lines that were new. */
  added: number;
  /** False when a new line landed before lines already held: positions after it shifted. */
  atEnd: boolean;
}

/** `count` lines were inserted at position `at`; `layoutVersion` became `version`. */
export interface Insertion {
  version: number;
  at: number;
  count: number;
}

/** Enough for indexes updated once per render. */
const INSERTIONS_KEPT = 64;

export class LogStore {
  private chunks: LogLine[][] = [];
  /** Position of each chunk's first line; rebuilt only when a line is spliced in. */
  private starts: number[] = [];
  private total = 0;
  private readonly levelCounts: Record<LogLevel, number> = {
    ERROR: 0,
    WARN: 0,
    INFO: 0,
    DEBUG: 0,
    OTHER: 0,
  };
  private listeners = new Set<() => void>();
  /** Changes on every change; a snapshot for useSyncExternalStore. */
  version = 0;
  /** Changes when lines were inserted before the end, so positions derived earlier are stale. */
  layoutVersion = 0;
  /** The latest insertions before the end, so indexes can shift rather than rebuild. */
  private insertions: Insertion[] = [];

  get size(): number {
    return this.total;
  }

  /** The highest id held; 0 when empty (the log API's "from the start"). */
  get maxId(): number {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last[last.length - 1]!.id : 0;
  }

  get counts(): Readonly<Record<LogLevel, number>> {
    return this.levelCounts;
  }

  /** The line at a position, 0 <= index < size. */
  at(index: number): LogLine {
    if (index < 0 || index >= this.total) throw new RangeError(`No line at ${index}`);
    const c = this.chunkOf(index);
    return this.chunks[c]![index - this.starts[c]!]!;
  }

  private chunkOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The position of the first line whose id is >= `id` (size when none). */
  lowerBound(id: number): number {
    let lo = 0;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position of the line with this id, or -1. */
  indexOfId(id: number): number {
    const i = this.lowerBound(id);
    return i < this.total && this.at(i).id === id ? i : -1;
  }

  /** Calls `fn` for each line in [from, to) in order, without building an array. */
  forEach(from: number, to: number, fn: (line: LogLine, index: number) => void): void {
    const end = Math.min(to, this.total);
    for (let i = Math.max(0, from); i < end;) {
      const c = this.chunkOf(i);
      const chunk = this.chunks[c]!;
      const base = this.starts[c]!;
      for (let j = i - base; j < chunk.length && i < end; j++, i++) fn(chunk[j]!, i);
    }
  }

  /**
   * Adds a page of lines, sorted by id without duplicates (as `readLogPage` gives them). Lines
   * above the highest id held go on the end; a rare one at or below it is spliced in, or dropped
   * when its id is held. Unsorted input is a bug upstream of the store: it throws.
   */
  append(lines: readonly LogLine[]): AppendResult {
    let added = 0;
    let atEnd = true;
    let previous = -Infinity;
    for (const line of lines) {
      if (line.id <= previous) {
        throw new Error(
          `LogStore.append: lines must be sorted by id (${line.id} after ${previous})`,
        );
      }
      previous = line.id;
      if (this.total > 0 && line.id <= this.maxId) {
        const at = this.insertEarlier(line);
        if (at >= 0) {
          added++;
          atEnd = false;
          this.recordInsertion(at, 1);
        }
        continue;
      }
      this.pushEnd(line);
      added++;
    }
    if (added > 0) this.changed();
    return { added, atEnd };
  }

  /**
   * Inserts lines older than some already held (a backfilled block): sorted by id, each run that
   * fits between two held lines goes in as whole chunks, so the cost is the new lines plus one
   * pass over the chunk list, never a copy of what is held. Ids already held are dropped.
   */
  insertRun(lines: readonly LogLine[]): number {
    let added = 0;
    let j = 0;
    while (j < lines.length) {
      // Each round takes at least one line; one that took none would loop forever: fail loudly.
      const from = j;
      const at = this.lowerBound(lines[j]!.id);
      const upper = at < this.total ? this.at(at).id : Infinity;
      if (upper === lines[j]!.id) {
        j++;
        continue;
      }
      const run: LogLine[] = [];
      for (; j < lines.length && lines[j]!.id < upper; j++) {
        const line = lines[j]!;
        if (run.length > 0 && line.id <= run[run.length - 1]!.id) continue;
        run.push(line);
      }
      if (j === from) throw new Error(`LogStore.insertRun: no progress at line ${lines[j]!.id}`);
      this.spliceRun(at, run);
      if (at < this.total - run.length) this.recordInsertion(at, run.length);
      added += run.length;
    }
    if (added > 0) this.changed();
    return added;
  }

  /** Insertions after layout version `since`, oldest first; null when they are no longer known. */
  insertionsSince(since: number): readonly Insertion[] | null {
    if (since === this.layoutVersion) return [];
    const first = this.insertions[0];
    if (!first || first.version > since + 1) return null;
    return this.insertions.filter((insertion) => insertion.version > since);
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  private recordInsertion(at: number, count: number): void {
    this.layoutVersion++;
    this.insertions.push({ version: this.layoutVersion, at, count });
    if (this.insertions.length > INSERTIONS_KEPT) this.insertions.shift();
  }

  private spliceRun(at: number, run: LogLine[]): void {
    if (at >= this.total) {
      for (const line of run) this.pushEnd(line);
      return;
    }
    const pieces: LogLine[][] = [];
    for (let i = 0; i < run.length; i += CHUNK_SIZE) pieces.push(run.slice(i, i + CHUNK_SIZE));
    const c = this.chunkOf(at);
    const chunk = this.chunks[c]!;
    const offset = at - this.starts[c]!;
    // Split the chunk at `at` (nothing to split at its start) and put the pieces between.
    const after = offset === 0 ? [] : chunk.splice(offset);
    const insertAt = offset === 0 ? c : c + 1;
    const added = after.length > 0 ? [...pieces, after] : pieces;
    this.chunks.splice(insertAt, 0, ...added);
    this.starts.splice(insertAt, 0, ...added.map(() => 0));
    this.restartFrom(c);
    this.total += run.length;
    for (const line of run) this.levelCounts[line.severity]++;
  }

  /** Recomputes each chunk's first position from chunk `c` on, after chunks changed size. */
  private restartFrom(c: number): void {
    let start = c > 0 ? this.starts[c - 1]! + this.chunks[c - 1]!.length : 0;
    for (let k = c; k < this.chunks.length; k++) {
      this.starts[k] = start;
      start += this.chunks[k]!.length;
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private pushEnd(line: LogLine): void {
    let last = this.chunks[this.chunks.length - 1];
    if (!last || last.length >= CHUNK_SIZE) {
      last = [];
      this.chunks.push(last);
      this.starts.push(this.total);
    }
    last.push(line);
    this.total++;
    this.levelCounts[line.severity]++;
  }

  /** Splices a line in before the end; its position, or -1 if its id is already held. */
  private insertEarlier(line: LogLine): number {
    const index = this.lowerBound(line.id);
    if (index < this.total && this.at(index).id === line.id) return -1;
    // At `index` == a chunk's start, adding to the end of the previous chunk keeps chunks dense.
    const c = index > 0 ? this.chunkOf(index - 1) : 0;
    const chunk = this.chunks[c]!;
    chunk.splice(index - this.starts[c]!, 0, line);
    if (chunk.length > CHUNK_SIZE * 2) {
      this.chunks.splice(c + 1, 0, chunk.splice(CHUNK_SIZE));
      this.starts.splice(c + 1, 0, 0);
    }
    this.restartFrom(c);
    this.total++;
    this.levelCounts[line.severity]++;
    return index;
  }
}
