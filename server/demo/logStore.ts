/**
 * One job's log, columnar. A history segment is pure arithmetic (ids, times, levels and text
 * all derived from the index), so creating a million-line job costs O(1); lines written later
 * live in plain number arrays, with text stored only when it is not derivable.
 */
import { derivedLevel, derivedMessage, levelName } from './logText.ts';
import { hash32 } from './random.ts';

// A type alias (not an interface) so it fits the wire type's index signature.
export type LogRow = {
  id: number;
  level: string;
  message: string;
  creationDate: string;
  lastUpdate: string;
};

/**
 * The one auto-increment key over every job's logs. Gaps are added on purpose: clients must
 * never assume a job's ids run 1, 2, 3.
 */
export class IdSequence {
  last = 0;

  constructor(private readonly salt: number) {}

  next(): number {
    const h = hash32(this.salt, this.last, 5);
    this.last += 1 + (h % 5 === 0 ? 1 + (h % 3) : 0);
    return this.last;
  }

  /** Reserves ids for a history of `count` lines: the segment maps index i to base + 2i + (0|1). */
  reserve(count: number): number {
    const base = this.last + 1 + (hash32(this.salt, this.last, 7) % 3);
    this.last = base + 2 * count;
    return base;
  }
}

/** A line with fixed text at the end of a history: a finished job's last words. */
export interface TailLine {
  level: number;
  message: string;
}

/** Lines written after the history, allocated on the first write (most jobs never get one). */
interface LiveLines {
  ids: number[];
  times: number[];
  levels: number[];
  /** Text of lines whose message is not derived, by line index. */
  messages: Map<number, string>;
}

export class LogStore {
  private histCount = 0;
  private histBase = 0;
  private histStart = 0;
  private histEnd = 0;
  private tail: TailLine[] | null = null;
  private live: LiveLines | null = null;

  constructor(private readonly salt: number) {}

  /** Lines kept in memory (written after the history). */
  get stored(): number {
    return this.live?.ids.length ?? 0;
  }

  get size(): number {
    return this.histCount + (this.live?.ids.length ?? 0);
  }

  /**
   * Only on an empty store: `count` derived lines spread evenly from `start` to `end`, then
   * the `tail` lines at `end`.
   */
  setHistory(ids: IdSequence, count: number, start: number, end: number, tail?: TailLine[]): void {
    if (this.size > 0) throw new Error('history must come first');
    const total = count + (tail?.length ?? 0);
    if (total <= 0) return;
    this.histCount = total;
    this.histBase = ids.reserve(total);
    this.histStart = start;
    this.histEnd = Math.max(start, end);
    if (tail?.length) this.tail = tail;
  }

  append(id: number, time: number, level: number, message?: string): void {
    const live = (this.live ??= {
      ids: [] as number[],
      times: [] as number[],
      levels: [] as number[],
      messages: new Map<number, string>(),
    });
    if (message !== undefined) live.messages.set(this.size, message);
    live.ids.push(id);
    live.times.push(time);
    live.levels.push(level);
  }

  idAt(i: number): number {
    if (i < this.histCount) return this.histBase + 2 * i + (hash32(this.salt, i, 1) & 1);
    return this.live?.ids[i - this.histCount] as number;
  }

  lastId(): number | null {
    return this.size === 0 ? null : this.idAt(this.size - 1);
  }

  /** The tail line at history index i, if any. */
  private tailAt(i: number): TailLine | undefined {
    return this.tail?.[i - (this.histCount - this.tail.length)];
  }

  private timeAt(i: number): number {
    if (i >= this.histCount) return this.live?.times[i - this.histCount] as number;
    const derived = this.histCount - (this.tail?.length ?? 0);
    if (i >= derived || derived === 1) return this.histEnd;
    return Math.round(this.histStart + ((this.histEnd - this.histStart) * i) / (derived - 1));
  }

  private levelAt(i: number): number {
    if (i >= this.histCount) return this.live?.levels[i - this.histCount] as number;
    return this.tailAt(i)?.level ?? derivedLevel(this.salt, i);
  }

  private messageAt(i: number, level: number): string {
    const text = i >= this.histCount ? this.live?.messages.get(i) : this.tailAt(i)?.message;
    return text ?? derivedMessage(this.salt, i, level);
  }

  /** The index of the first line whose id is greater than `afterId` (binary search). */
  indexAfter(afterId: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.idAt(mid) <= afterId) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  row(i: number): LogRow {
    const level = this.levelAt(i);
    const date = new Date(this.timeAt(i)).toISOString();
    return {
      id: this.idAt(i),
      level: levelName(level),
      message: this.messageAt(i, level),
      creationDate: date,
      lastUpdate: date,
    };
  }

  rows(from: number, to: number): LogRow[] {
    const out: LogRow[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.size); i++) out.push(this.row(i));
    return out;
  }
}
