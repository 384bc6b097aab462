/**
 * ERROR lines per step, from the lines this page holds (the log tab's tail, kept in the query
 * cache). It never fetches: before the log has been read there is nothing to count, and while
 * older lines are still loading the counts may only grow, so they are marked partial.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { StepSpan } from '../../../lib/stepSpans';
import { LineIndex } from '../store/lineIndex';
import type { LogStore } from '../store/LogStore';
import type { LogLine } from '../model/logLine';
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
  const place = useStepPlacer(steps);
  // A new placer (the steps' times changed) counts again from the first ERROR line.
  const tally = useMemo(() => new ErrorTally(store, place), [store, place]);

  const byStep = useMemo(() => {
    if (tail.updatedAt === null && store.size === 0) return null;
    const perStep = tally.update();
    return new Map(steps.map((step, k) => [step.key, perStep[k] ?? 0]));
    // `version` stands for the store's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, tally, steps, tail.updatedAt]);

  return { byStep, partial: byStep !== null && !session.holdsWholeLog() };
}

/**
 * ERROR lines per step index, counted incrementally: each update places only the ERROR lines
 * that arrived since the last (an append of a poll costs its new ERRORs, not every one held);
 * older lines inserted above (a backfill) count again from the start.
 */
class ErrorTally {
  private readonly errors: LineIndex;
  private perStep: number[] = [];
  private counted = 0;
  private layoutVersion: number;

  constructor(
    private readonly store: LogStore,
    private readonly place: (line: LogLine) => number,
  ) {
    this.errors = new LineIndex(store, (line) => line.severity === 'ERROR');
    this.layoutVersion = store.layoutVersion;
  }

  update(): readonly number[] {
    const { store, errors } = this;
    errors.update();
    if (store.layoutVersion !== this.layoutVersion) {
      this.layoutVersion = store.layoutVersion;
      this.perStep = [];
      this.counted = 0;
    }
    const { positions } = errors;
    for (; this.counted < positions.length; this.counted++) {
      const k = this.place(store.at(positions[this.counted]!));
      if (k >= 0) this.perStep[k] = (this.perStep[k] ?? 0) + 1;
    }
    return this.perStep;
  }
}
