/**
 * ERROR lines per step, from the lines this page holds (the log tab's tail, kept in the query
 * cache). It never fetches: before the log has been read there is nothing to count, and while
 * older lines are still loading the counts may only grow, so they are marked partial.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { StepSpan } from '../../../lib/stepSpans';
import { LineIndex } from '../store/lineIndex';
import { logTailOptions } from '../tail/logTailQuery';
import { useStepPlacer } from './useStepPlacer';

export interface StepErrorCounts {
  /** ERROR lines held per step, by the step's key; null when no line of the log is held yet. */
  byStep: ReadonlyMap<string, number> | null;
  /** Lines may be missing (older ones loading, or the tail not at the end yet). */
  partial: boolean;
}

export function useStepErrorCounts(jobId: string, steps: readonly StepSpan[]): StepErrorCounts {
  // Watches the log's query without ever running it: the log tab's panel does that.
  const { data } = useQuery({ ...logTailOptions(jobId, false), enabled: false });
  const { store, session, tail } = data;
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const errors = useMemo(() => new LineIndex(store, (line) => line.severity === 'ERROR'), [store]);
  const place = useStepPlacer(steps);

  const byStep = useMemo(() => {
    if (tail.updatedAt === null && store.size === 0) return null;
    errors.update();
    const counts = new Map(steps.map((step) => [step.key, 0]));
    // ERROR lines are few: each is placed (O(log steps)) on every update.
    for (const position of errors.positions) {
      const k = place(store.at(position));
      if (k >= 0) counts.set(steps[k]!.key, counts.get(steps[k]!.key)! + 1);
    }
    return counts;
    // `version` stands for the store's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, errors, place, steps, tail.updatedAt]);

  return { byStep, partial: byStep !== null && !session.holdsWholeLog() };
}
