/**
 * Context around a filter's lines for the panel (contextRows.ts): N lines around each kept line,
 * the gaps between them, and the stretches the operator opened, kept up to date as lines
 * arrive. Shown while a level filter or "Only matching lines" is on and there is context to
 * show; opened stretches last until the filter or the number of context lines changes.
 */
import { useCallback, useMemo, useState } from 'react';
import { contextLines, type LogView } from '../model/logView';
import type { LogStore } from './LogStore';
import type { LineIndex } from './lineIndex';
import { CONTEXT_STEP, ContextRows } from './contextRows';

/** Which hidden lines of a gap to open: CONTEXT_STEP at its start or end, or all of them. */
export type GapPart = 'start' | 'end' | 'all';

export interface ContextLines {
  /** The view with context; null when there is none to show (no filter, 0 lines, none opened). */
  view: LogView | null;
  rows: ContextRows | null;
  openGap: (gap: number, part: GapPart) => void;
  /** Opens CONTEXT_STEP lines before and after a store position. */
  openAround: (position: number) => void;
  /** Opens the context of a store position the filter hides; whether it was hidden. */
  reveal: (position: number) => boolean;
}

export function useContextLines(
  store: LogStore,
  version: number,
  kept: LineIndex | null,
  around: number,
): ContextLines {
  const [opened, setOpened] = useState(0);
  const rows = useMemo(
    () => (kept ? new ContextRows(store, kept, around) : null),
    [store, kept, around],
  );
  const keptSize = kept?.size ?? 0;
  const view = useMemo(() => {
    // No context and nothing opened: the rows are not kept up (a filter's plain view shows),
    // so a backfill under a filter costs them nothing.
    if (!rows || !(rows.around > 0 || rows.hasOpened)) return null;
    // `kept` is brought up to the store earlier in the same render (useLogIndexes).
    rows.update();
    return contextLines(rows);
    // `version` stands for the store, `keptSize` for a search still scanning, `opened` for
    // the stretches opened: the rows read all three.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, version, keptSize, opened]);

  const open = useCallback(
    (start: number, end: number) => {
      if (!rows) return;
      rows.open(start, end);
      setOpened((n) => n + 1);
    },
    [rows],
  );
  const openGap = useCallback(
    (gap: number, part: GapPart) => {
      if (!rows) return;
      const { start, end } = rows.gap(gap);
      if (part === 'start') open(start, Math.min(end, start + CONTEXT_STEP));
      else if (part === 'end') open(Math.max(start, end - CONTEXT_STEP), end);
      else open(start, end);
    },
    [rows, open],
  );
  const openAround = useCallback(
    (position: number) => open(position - CONTEXT_STEP, position + CONTEXT_STEP + 1),
    [open],
  );
  const shown = view !== null;
  const reveal = useCallback(
    (position: number) => {
      if (!rows || !kept) return false;
      const visible = shown
        ? rows.shows(position)
        : kept.positions[kept.lowerBound(position)] === position;
      if (visible) return false;
      openAround(position);
      return true;
    },
    [rows, kept, shown, openAround],
  );
  return useMemo(
    () => ({ view, rows, openGap, openAround, reveal }),
    [view, rows, openGap, openAround, reveal],
  );
}
