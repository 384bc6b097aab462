/**
 * Which rows the panel shows, in order: every line, those a filter kept (with context lines
 * around them and a gap row per run of hidden lines), or every line in step sections (a header
 * row per section, folded sections showing only their header).
 */
import type { LogStore } from '../store/LogStore';
import type { ContextRows } from '../store/contextRows';
import type { LineIndex } from '../store/lineIndex';
import type { SectionIndex } from '../store/sectionIndex';
import type { SectionRows } from '../store/sectionRows';

export interface LogView {
  /** What the rows are drawn from (the store, or a filter's index): another source, other rows. */
  source: object;
  count: number;
  /** The store position shown at a row; for a section's header, its first line's. */
  positionAt: (row: number) => number;
  /**
   * The row showing a store position, or the row of the next line shown after it; the header's
   * row for a line in a folded section.
   */
  rowAtOrAfter: (position: number) => number;
  /** Whether the line at a store position is in the view (maybe in a folded section). */
  shows: (position: number) => boolean;
  /** The section whose header a row is; -1 for a line's row. */
  headerAt: (row: number) => number;
  /** The run of hidden lines a gap row stands for (ContextRows.gap); -1 for any other row. */
  gapAt: (row: number) => number;
  /** Lines in the view at store positions from `position` on (folded ones too). */
  linesFrom: (position: number) => number;
  /** Changes when rows already laid out move while the store does not (a fold). */
  moves: number;
  /**
   * Every row in order, with its store position (-1 for a header): a whole layout's pass, at a
   * cost per row rather than a lookup per row.
   */
  forEachRow: (visit: (row: number, position: number) => void) => void;
}

export function allLines(store: LogStore): LogView {
  return {
    source: store,
    count: store.size,
    positionAt: (row) => row,
    rowAtOrAfter: (position) => Math.min(position, store.size),
    shows: (position) => position >= 0 && position < store.size,
    headerAt: () => -1,
    gapAt: () => -1,
    linesFrom: (position) => Math.max(0, store.size - position),
    moves: 0,
    forEachRow: (visit) => {
      for (let row = 0; row < store.size; row++) visit(row, row);
    },
  };
}

export function filteredLines(index: LineIndex): LogView {
  return {
    source: index,
    count: index.size,
    positionAt: (row) => index.positions[row]!,
    rowAtOrAfter: (position) => index.lowerBound(position),
    shows: (position) => index.positions[index.lowerBound(position)] === position,
    headerAt: () => -1,
    gapAt: () => -1,
    linesFrom: (position) => index.size - index.lowerBound(position),
    moves: 0,
    forEachRow: (visit) => {
      const { positions } = index;
      for (let row = 0; row < positions.length; row++) visit(row, positions[row]!);
    },
  };
}

/** Every line of the store in step sections; `sections` and `rows` are up to date with it. */
export function sectionedLines(
  store: LogStore,
  sections: SectionIndex,
  rows: SectionRows,
): LogView {
  return {
    source: rows,
    count: rows.count,
    positionAt: (row) => {
      const at = rows.rowAt(row);
      return at.kind === 'line' ? at.position : sections.sections[at.section]!.start;
    },
    rowAtOrAfter: (position) => {
      if (position >= store.size) return rows.count;
      return rows.rowOf(Math.max(0, position));
    },
    shows: (position) => position >= 0 && position < store.size,
    headerAt: (row) => {
      const at = rows.rowAt(row);
      return at.kind === 'header' ? at.section : -1;
    },
    gapAt: () => -1,
    linesFrom: (position) => Math.max(0, store.size - position),
    moves: rows.moves,
    forEachRow: (visit) => {
      let row = 0;
      sections.sections.forEach((section, k) => {
        visit(row++, -1);
        if (rows.isFolded(k)) return;
        const end = section.start + section.count;
        for (let position = section.start; position < end; position++) visit(row++, position);
      });
    },
  };
}

/** A filter's lines with context around them; `rows` is up to date with the store. */
export function contextLines(rows: ContextRows): LogView {
  return {
    source: rows,
    count: rows.count,
    positionAt: (row) => rows.positionAt(row),
    rowAtOrAfter: (position) => rows.rowAtOrAfter(position),
    shows: (position) => rows.shows(position),
    headerAt: () => -1,
    gapAt: (row) => rows.gapAt(row),
    linesFrom: (position) => rows.linesFrom(position),
    moves: rows.moves,
    forEachRow: (visit) => rows.forEachRow(visit),
  };
}
