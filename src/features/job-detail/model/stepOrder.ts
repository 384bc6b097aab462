import type { Step } from '../../../contract';
import { parseTime } from '../../../lib/time';

export interface PastStep {
  step: Step;
  outcome: 'completed' | 'cancelled';
  /** When it completed or was cancelled. */
  endedAt: string | null | undefined;
}

function stepNumber(step: Step): number {
  const n = typeof step.stepNumber === 'string' ? Number(step.stepNumber) : step.stepNumber;
  return n != null && Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** Completed and cancelled steps in one list, in step order (then by start time). */
export function pastSteps(
  completed: Step[] | null | undefined,
  cancelled: Step[] | null | undefined,
): PastStep[] {
  const rows: PastStep[] = [
    ...(completed ?? []).map((step) => ({
      step,
      outcome: 'completed' as const,
      endedAt: step.completed,
    })),
    ...(cancelled ?? []).map((step) => ({
      step,
      outcome: 'cancelled' as const,
      endedAt: step.cancelled,
    })),
  ];
  return rows.sort(
    (a, b) =>
      stepNumber(a.step) - stepNumber(b.step) ||
      (parseTime(a.step.started) ?? 0) - (parseTime(b.step.started) ?? 0),
  );
}
