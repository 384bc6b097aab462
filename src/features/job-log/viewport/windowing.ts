/**
 * Where rows sit and which ones to render. Without wrapping every row is ROW_HEIGHT high, so the
 * window is arithmetic and appending costs nothing per line held (a measuring virtualizer
 * rebuilds its measurements on every count change: O(lines) per poll). With wrapping, the
 * virtualizer's measurements say where each row begins.
 */
import type { LogView } from '../model/logView';
import type { WrapVirtualizer } from './useWrapVirtualizer';

export const ROW_HEIGHT = 20;
/** Rows rendered beyond each edge of the view; every append renders the bottom ones anew. */
const OVERSCAN = 10;

export interface PlacedRow {
  row: number;
  top: number;
}

/** Where a row begins, in px from the top of the list. */
export function rowTop(virtualizer: WrapVirtualizer | null, row: number): number {
  return virtualizer
    ? (virtualizer.measurementsCache[row]?.start ?? row * ROW_HEIGHT)
    : row * ROW_HEIGHT;
}

/** The row at an offset from the top of the list; `count` > 0. */
export function rowAtOffset(virtualizer: WrapVirtualizer | null, top: number, count: number) {
  return virtualizer
    ? (virtualizer.getVirtualItemForOffset(top)?.index ?? 0)
    : Math.min(count - 1, Math.floor(top / ROW_HEIGHT));
}

/**
 * The rows to render: the window, plus the row where a text selection began (`anchor`, a store
 * position). Its DOM node must live on, or the browser drops the selection when it scrolls out
 * of view. With wrapping, the virtualizer's window is rendered as it stands.
 */
export function windowRows(
  virtualizer: WrapVirtualizer | null,
  view: LogView,
  scrollTop: number,
  height: number,
  anchor: number | null,
): PlacedRow[] {
  const rows: PlacedRow[] = [];
  if (virtualizer) {
    for (const item of virtualizer.getVirtualItems())
      rows.push({ row: item.index, top: item.start });
    return rows;
  }
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(view.count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  for (let row = first; row < last; row++) rows.push({ row, top: row * ROW_HEIGHT });
  if (anchor !== null && view.shows(anchor)) {
    const anchorRow = view.rowAtOrAfter(anchor);
    // In row order: moving the node within the DOM would drop the selection too.
    const pinned = { row: anchorRow, top: anchorRow * ROW_HEIGHT };
    if (anchorRow < first) rows.unshift(pinned);
    else if (anchorRow >= last) rows.push(pinned);
  }
  return rows;
}
