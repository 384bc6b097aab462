/**
 * Lines tied to a job's steps by time (lib/stepSpans.ts), kept while the steps' times stay the
 * same: a refetched job is a new object, and a new placer would have every line placed again.
 */
import { useMemo } from 'react';
import { linePlacer, type StepSpan } from '../../../lib/stepSpans';
import { lineTime, type LogLine } from '../model/logLine';
import type { Placement } from '../store/sectionIndex';
import { useClockTolerance } from '../../../ui/clockTolerance';

/**
 * The steps and a placer of times over them (with the operator's clock tolerance); the placer
 * stays the same while the steps' times and the tolerance do.
 */
export function useSpanPlacer(steps: readonly StepSpan[]): Placement {
  const { toleranceMs } = useClockTolerance();
  const signature = steps.map((s) => `${s.key}:${s.start}:${s.end}:${s.open}`).join('|');
  const place = useMemo(
    () => linePlacer(steps, toleranceMs),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `signature` stands for `steps`
    [signature, toleranceMs],
  );
  // The steps themselves are the latest: their durations, shown in headers, change by the minute.
  return useMemo(() => ({ spans: steps, place, toleranceMs }), [steps, place, toleranceMs]);
}

/** The index (in `steps`) of the step a line was written in, BETWEEN_STEPS or UNPLACED. */
export function useStepPlacer(steps: readonly StepSpan[]): (line: LogLine) => number {
  const { place } = useSpanPlacer(steps);
  return useMemo(() => (line: LogLine) => place(lineTime(line)), [place]);
}

/** Whether a line was written while `chosen` ran; null when no step is chosen. */
export function useStepTest(
  steps: readonly StepSpan[],
  chosen: StepSpan | null,
): ((line: LogLine) => boolean) | null {
  const place = useStepPlacer(steps);
  const chosenIndex = chosen ? steps.indexOf(chosen) : -1;
  return useMemo(
    () => (chosenIndex < 0 ? null : (line: LogLine) => place(line) === chosenIndex),
    [place, chosenIndex],
  );
}
