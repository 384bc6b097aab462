/** The level filter, search matches and ERROR lines as incremental indexes over the store. */
import { useMemo } from 'react';
import { LOG_LEVELS, type LogLevel } from '../model/logLine';
import type { LogStore } from './LogStore';
import { LineIndex } from './lineIndex';
import { allLines, filteredLines, type LogView } from '../model/logView';

export interface LogIndexes {
  view: LogView;
  matches: LineIndex | null;
  errors: LineIndex;
}

export function useLogIndexes(
  store: LogStore,
  version: number,
  levels: ReadonlySet<LogLevel>,
  query: string,
  only: boolean,
): LogIndexes {
  const allLevels = LOG_LEVELS.every((level) => levels.has(level));
  const levelIndex = useMemo(
    () => (allLevels ? null : new LineIndex(store, (line) => levels.has(line.severity))),
    [store, levels, allLevels],
  );
  const matches = useMemo(() => {
    const needle = query.toLowerCase();
    if (!needle) return null;
    return new LineIndex(
      store,
      (line) => levels.has(line.severity) && line.message.toLowerCase().includes(needle),
    );
  }, [store, levels, query]);
  const errors = useMemo(() => new LineIndex(store, (line) => line.severity === 'ERROR'), [store]);

  return useMemo(() => {
    // Each update scans only the lines that arrived since the last one.
    levelIndex?.update();
    matches?.update();
    errors.update();
    let view: LogView;
    if (only && matches) view = filteredLines(matches);
    else if (levelIndex) view = filteredLines(levelIndex);
    else view = allLines(store);
    return { view, matches, errors };
    // `version` stands for the store's content, which the indexes read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, levelIndex, matches, errors, only]);
}
