/** Which lines the panel shows, in order: every line, or those a filter kept (by store position). */
import type { LogStore } from '../store/LogStore';
import type { LineIndex } from '../store/lineIndex';

export interface LogView {
  /** What the rows are drawn from (the store, or a filter's index): another source, other rows. */
  source: object;
  count: number;
  /** The store position shown at a row. */
  positionAt: (row: number) => number;
  /** The row showing a store position, or the row of the next line shown after it. */
  rowAtOrAfter: (position: number) => number;
  /** Whether the line at a store position is shown. */
  shows: (position: number) => boolean;
}

export function allLines(store: LogStore): LogView {
  return {
    source: store,
    count: store.size,
    positionAt: (row) => row,
    rowAtOrAfter: (position) => Math.min(position, store.size),
    shows: (position) => position >= 0 && position < store.size,
  };
}

export function filteredLines(index: LineIndex): LogView {
  return {
    source: index,
    count: index.size,
    positionAt: (row) => index.positions[row]!,
    rowAtOrAfter: (position) => index.lowerBound(position),
    shows: (position) => index.positions[index.lowerBound(position)] === position,
  };
}
