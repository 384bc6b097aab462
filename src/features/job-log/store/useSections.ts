/**
 * The log in step sections (sectionIndex.ts, sectionRows.ts) for the panel: kept up to date as
 * lines arrive and as the job advances, with the folds the operator chose. Shown on the
 * unfiltered log of a job that has steps; a level filter or "only matching lines" shows plain
 * lines (the index stays current meanwhile, at a cost per new line).
 */
import { useCallback, useMemo, useState } from 'react';
import type { StepSpan } from '../../../lib/stepSpans';
import { useSpanPlacer } from '../hooks/useStepPlacer';
import { sectionedLines, type LogView } from '../model/logView';
import type { LogStore } from './LogStore';
import { SectionIndex } from './sectionIndex';
import { SectionRows } from './sectionRows';

export interface Sections {
  /** The sectioned view; null when sections are not shown. */
  view: LogView | null;
  index: SectionIndex;
  rows: SectionRows;
  toggle: (section: number) => void;
  /** Unfolds the section holding a store position; whether it was folded. */
  reveal: (position: number) => boolean;
}

export function useSections(
  store: LogStore,
  version: number,
  steps: readonly StepSpan[],
  shown: boolean,
): Sections {
  const placement = useSpanPlacer(steps);
  const [moves, setMoves] = useState(0);
  const index = useMemo(
    () => new SectionIndex(store, placement),
    // A new store is a new log; a new placement is handed to the index below, not a new index.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store],
  );
  const rows = useMemo(() => new SectionRows(store, index), [store, index]);

  const active = shown && steps.length > 0;
  const view = useMemo(() => {
    if (steps.length === 0) return null;
    // Kept current while hidden (a filter is on), at a cost per new line, so showing the
    // sections again places nothing old.
    index.update();
    // The job advanced: only the sections that can change are placed again.
    index.setPlacement(placement);
    if (!active) return null;
    rows.sync();
    return sectionedLines(store, index, rows);
    // `version` stands for the store's content and `moves` for the folds, which the rows read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, steps.length, store, index, rows, version, moves, placement]);

  const toggle = useCallback(
    (section: number) => {
      rows.setFolded(section, !rows.isFolded(section));
      setMoves((n) => n + 1);
    },
    [rows],
  );
  const reveal = useCallback(
    (position: number) => {
      const k = index.sectionOf(position);
      if (!active || k < 0 || !rows.isFolded(k)) return false;
      rows.setFolded(k, false);
      setMoves((n) => n + 1);
      return true;
    },
    [active, index, rows],
  );
  return useMemo(
    () => ({ view, index, rows, toggle, reveal }),
    [view, index, rows, toggle, reveal],
  );
}
