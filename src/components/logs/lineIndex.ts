/**
 * Positions (in the store) of the lines that pass a test, kept up to date as lines stream in:
 * each update scans only the lines added since the last one. A line spliced in before the end
 * shifts positions, so then (rarely) the index is rebuilt.
 */
import type { LogStore } from '../../api/logStore';
import type { LogLine } from '../../api/schemas';

export class LineIndex {
  readonly positions: number[] = [];
  private scanned = 0;
  private layoutVersion = -1;

  constructor(
    private readonly store: LogStore,
    private readonly test: (line: LogLine) => boolean,
  ) {}

  /** Brings the index up to the store; cheap when nothing changed. */
  update(): this {
    const { store } = this;
    if (store.layoutVersion !== this.layoutVersion) {
      this.layoutVersion = store.layoutVersion;
      this.positions.length = 0;
      this.scanned = 0;
    }
    if (this.scanned < store.size) {
      const { positions, test } = this;
      store.forEach(this.scanned, store.size, (line, index) => {
        if (test(line)) positions.push(index);
      });
      this.scanned = store.size;
    }
    return this;
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
