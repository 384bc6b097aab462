/**
 * Where the log list's rows sit. Without wrapping every row is ROW_HEIGHT high, so the layout is
 * arithmetic; with wrapping, rows have predicted (and, once rendered, measured) heights
 * (wrapLayout.ts). The window, the anchor and follow read rows through this one interface.
 */

export const ROW_HEIGHT = 20;

export interface RowLayout {
  count: number;
  /** The list's height in px. */
  total: number;
  /** Where a row begins, in px from the top of the list; `count` for the end. */
  top: (row: number) => number;
  /** A row's height in px. */
  height: (row: number) => number;
  /** The row at an offset from the top of the list (clamped to the rows there are); `count` > 0. */
  rowAt: (offset: number) => number;
  /** Changes when rows already laid out move (a rebuild, a measured height), not on appends. */
  version: number;
}

export function fixedLayout(count: number, version = 0): RowLayout {
  return {
    count,
    total: count * ROW_HEIGHT,
    top: (row) => row * ROW_HEIGHT,
    height: () => ROW_HEIGHT,
    rowAt: (offset) => Math.max(0, Math.min(count - 1, Math.floor(offset / ROW_HEIGHT))),
    version,
  };
}
