/**
 * Where the log of an aborted job opens: at the first ERROR written while the step that was
 * active when it ended ran, else at that step's first line. Lines are tied to steps by time
 * (lib/stepSpans.ts).
 */
import type { LogStore } from '../store/LogStore';
import type { LineIndex } from '../store/lineIndex';
import { lineTime, type LogLine } from './logLine';

/**
 * The store position to open at, or -1 when no line held belongs to the step. `inStep` says
 * whether a line was written while the step ran; `start` is the step's start (epoch ms).
 * The ERROR lines are few and indexed, so they are read first; the step's own first line is
 * found by walking back from the end of the log (the failed step is the last one, its lines
 * the last ones) until the lines are older than the step.
 */
export function failurePoint(
  store: LogStore,
  errors: LineIndex,
  inStep: (line: LogLine) => boolean,
  start: number,
): number {
  for (const position of errors.positions) {
    if (inStep(store.at(position))) return position;
  }
  let first = -1;
  for (let position = store.size - 1; position >= 0; position--) {
    const line = store.at(position);
    if (inStep(line)) first = position;
    else {
      const time = lineTime(line);
      if (time !== null && time < start) break;
    }
  }
  return first;
}
