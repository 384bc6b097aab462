/**
 * The level filter, search matches, ERROR lines and a step's lines as incremental indexes over
 * the store.
 */
import { useEffect, useMemo, useState } from 'react';
import { LOG_LEVELS, type LogLevel, type LogLine } from '../model/logLine';
import type { Matcher } from '../model/searchMatcher';
import type { LogStore } from './LogStore';
import { LineIndex } from './lineIndex';
import { allLines, filteredLines, type LogView } from '../model/logView';
import { scanInSlices, SLICE_MS } from './slicedScan';
import { inTimeRange, type TimeRange } from '../model/timeRange';

/** While a search scans, the panel shows its progress this often (and its first matches at once). */
const PROGRESS_MS = 100;

export interface LogIndexes {
  view: LogView;
  /** The search's matches; while `matches.complete` is false, so far. */
  matches: LineIndex | null;
  /** The lines a filter keeps (the view's source), or null when every line shows. */
  kept: LineIndex | null;
  errors: LineIndex;
  /** The chosen step's lines (by time), or null when no step is chosen. */
  stepLines: LineIndex | null;
}

/** A step chosen in the URL: which lines are its own, and whether only they are shown. */
export interface StepFilter {
  test: (line: LogLine) => boolean;
  only: boolean;
}

export function useLogIndexes(
  store: LogStore,
  version: number,
  levels: ReadonlySet<LogLevel>,
  search: Matcher | null,
  only: boolean,
  step: StepFilter | null,
  time: TimeRange | null,
): LogIndexes {
  const allLevels = LOG_LEVELS.every((level) => levels.has(level));
  const stepTest = step?.test ?? null;
  const stepOnly = step?.only ? stepTest : null;
  // The step and the time range narrow every filter's lines alike.
  const inScope = useMemo(() => {
    if (!time) return stepOnly;
    if (!stepOnly) return (line: LogLine) => inTimeRange(time, line.time);
    return (line: LogLine) => inTimeRange(time, line.time) && stepOnly(line);
  }, [time, stepOnly]);
  const levelIndex = useMemo(() => {
    if (allLevels && !inScope) return null;
    return new LineIndex(
      store,
      (line) => levels.has(line.severity) && (inScope === null || inScope(line)),
    );
  }, [store, levels, allLevels, inScope]);
  const matches = useMemo(() => {
    if (!search) return null;
    const { test } = search;
    return new LineIndex(
      store,
      (line) => levels.has(line.severity) && test(line.text) && (inScope === null || inScope(line)),
    );
  }, [store, levels, search, inScope]);
  const scanned = useSearchScan(matches, version);
  const errors = useMemo(() => new LineIndex(store, (line) => line.severity === 'ERROR'), [store]);
  const stepLines = useMemo(
    () => (stepTest ? new LineIndex(store, stepTest) : null),
    [store, stepTest],
  );

  return useMemo(() => {
    // Each update scans only the lines that arrived since the last one.
    levelIndex?.update();
    // A new search scans in slices: one here, the rest in tasks of their own (useSearchScan).
    matches?.update(SLICE_MS);
    errors.update();
    stepLines?.update();
    const kept = only && matches ? matches : levelIndex;
    const view: LogView = kept ? filteredLines(kept) : allLines(store);
    return { view, matches, kept, errors, stepLines };
    // `version` stands for the store's content, which the indexes read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, scanned, levelIndex, matches, errors, stepLines, only]);
}

/**
 * Finishes the search's scan in slices after render; returns a number that changes when the
 * panel should show more of it: the first matches, progress every PROGRESS_MS, the end.
 */
function useSearchScan(matches: LineIndex | null, version: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!matches || matches.complete) return;
    let last = performance.now();
    let found = matches.size;
    return scanInSlices(matches, {
      onSlice: (complete) => {
        const now = performance.now();
        if (complete || (found === 0 && matches.size > 0) || now - last >= PROGRESS_MS) {
          last = now;
          found = matches.size;
          setShown((n) => n + 1);
        }
      },
    });
    // After each render whose update left lines unscanned (a new search, a big page of lines).
  }, [matches, version]);
  return shown;
}
