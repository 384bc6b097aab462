/**
 * Which rows to render: the rows on screen plus an overscan, from the row layout (rowLayout.ts),
 * so the window costs the same at any number of lines held.
 */
import type { LogView } from '../model/logView';
import type { RowLayout } from './rowLayout';

/** Rows rendered beyond each edge of the view; every append renders the bottom ones anew. */
const OVERSCAN = 10;

export interface PlacedRow {
  row: number;
  top: number;
}

/**
 * The rows to render: the window, plus the row where a text selection began (`anchor`, a store
 * position). Its DOM node must live on, or the browser drops the selection when it scrolls out
 * of view.
 */
export function windowRows(
  layout: RowLayout,
  view: LogView,
  scrollTop: number,
  height: number,
  anchor: number | null,
): PlacedRow[] {
  const rows: PlacedRow[] = [];
  if (layout.count === 0) return rows;
  const first = Math.max(0, layout.rowAt(scrollTop) - OVERSCAN);
  const lastOnScreen = layout.rowAt(scrollTop + height);
  const last = Math.min(layout.count, lastOnScreen + 1 + OVERSCAN);
  for (let row = first; row < last; row++) rows.push({ row, top: layout.top(row) });
  if (anchor !== null && view.shows(anchor)) {
    const anchorRow = view.rowAtOrAfter(anchor);
    // In row order: moving the node within the DOM would drop the selection too.
    const pinned = { row: anchorRow, top: layout.top(anchorRow) };
    if (anchorRow < first) rows.unshift(pinned);
    else if (anchorRow >= last) rows.push(pinned);
  }
  return rows;
}
