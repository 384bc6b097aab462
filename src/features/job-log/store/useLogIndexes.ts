/**
 * The level filter, search matches, ERROR lines and a step's lines as incremental indexes over
 * the store.
 */
import { useMemo } from 'react';
import { LOG_LEVELS, type LogLevel, type LogLine } from '../model/logLine';
import type { LogStore } from './LogStore';
import { LineIndex } from './lineIndex';
import { allLines, filteredLines, type LogView } from '../model/logView';

export interface LogIndexes {
  view: LogView;
  matches: LineIndex | null;
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
  query: string,
  only: boolean,
  step: StepFilter | null,
): LogIndexes {
  const allLevels = LOG_LEVELS.every((level) => levels.has(level));
  const stepTest = step?.test ?? null;
  const inScope = step?.only ? stepTest : null;
  const levelIndex = useMemo(() => {
    if (allLevels && !inScope) return null;
    return new LineIndex(
      store,
      (line) => levels.has(line.severity) && (inScope === null || inScope(line)),
    );
  }, [store, levels, allLevels, inScope]);
  const matches = useMemo(() => {
    const needle = query.toLowerCase();
    if (!needle) return null;
    return new LineIndex(
      store,
      (line) =>
        levels.has(line.severity) &&
        line.message.toLowerCase().includes(needle) &&
        (inScope === null || inScope(line)),
    );
  }, [store, levels, query, inScope]);
  const errors = useMemo(() => new LineIndex(store, (line) => line.severity === 'ERROR'), [store]);
  const stepLines = useMemo(
    () => (stepTest ? new LineIndex(store, stepTest) : null),
    [store, stepTest],
  );

  return useMemo(() => {
    // Each update scans only the lines that arrived since the last one.
    levelIndex?.update();
    matches?.update();
    errors.update();
    stepLines?.update();
    let view: LogView;
    if (only && matches) view = filteredLines(matches);
    else if (levelIndex) view = filteredLines(levelIndex);
    else view = allLines(store);
    return { view, matches, errors, stepLines };
    // `version` stands for the store's content, which the indexes read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, levelIndex, matches, errors, stepLines, only]);
}
