/**
 * A job's steps on one time axis, and log lines placed on them by time.
 *
 * The Jobs API and the Job log API do not link a line to a step, so the link is made by time: a
 * line belongs to the step whose lifetime (started -> completed or cancelled; the current step
 * runs on) holds the line's `creationDate`. The two systems' clocks may be a little apart, so a
 * line within `toleranceMs` of a step's edges still counts as that step's when no step holds it
 * exactly. Where steps overlap, the one that started last holds the line (a step opened inside
 * another). Lines outside every step sit "between steps"; lines without a valid time are
 * "unplaced". Nothing is dropped: every oddity is kept and named in `issues`.
 */
import type { Step, WorkflowJob } from '../contract';
import { parseTime } from './time';
import { timingOfStep, type StepTiming } from './timeEvents';

/** The default tolerance between the Jobs API's and the log API's clocks. */
export const CLOCK_TOLERANCE_MS = 2_000;

export type StepOutcome = 'completed' | 'cancelled' | 'current';

export interface StepSpan {
  /** Unique among the job's spans: the `uniqueStepId`, or a stand-in when the step has none. */
  key: string;
  uniqueStepId: string | null;
  /** The step number as shown ('-' when absent). */
  number: string;
  title: string;
  outcome: StepOutcome;
  step: Step;
  /** Epoch ms; null when the step has no valid start (it is listed, not placed on the axis). */
  start: number | null;
  /** Epoch ms; null while the step runs on (the current step of a live job) or when unknown. */
  end: number | null;
  /** Still running or paused: its bar grows with the clock. */
  open: boolean;
  /** Active and paused periods, at `now` when the spans were made. */
  timing: StepTiming;
  /** What did not add up (invalid or contradicting times), in words. */
  issues: string[];
}

type JobSteps = Pick<WorkflowJob, 'completedSteps' | 'cancelledSteps' | 'metadata'>;

function numberOf(step: Step): number {
  const n = typeof step.stepNumber === 'string' ? Number(step.stepNumber) : step.stepNumber;
  return n != null && Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

function shownNumber(step: Step): string {
  const n = step.stepNumber;
  return n == null || String(n).trim() === '' ? '-' : String(n);
}

function describeTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Every step of the job (completed, cancelled, current), ordered by start time (steps without
 * one last, by step number). `now` closes the periods of a step still running.
 */
export function stepSpans(job: JobSteps, now: number): StepSpan[] {
  const status = job.metadata.status;
  const jobEnded = status === 'Completed' || status === 'Aborted';
  const jobEnd = jobEnded ? parseTime(job.metadata.updated) : null;
  const entries: { step: Step; outcome: StepOutcome }[] = [
    ...(job.completedSteps ?? []).map((step) => ({ step, outcome: 'completed' as const })),
    ...(job.cancelledSteps ?? []).map((step) => ({ step, outcome: 'cancelled' as const })),
  ];
  const current = job.metadata.currentStep?.singleStep;
  if (current) entries.push({ step: current, outcome: 'current' });

  const seen = new Set<string>();
  const spans = entries.map(({ step, outcome }, index): StepSpan => {
    const issues: string[] = [];
    let key = step.uniqueStepId?.trim() || `${outcome}-${shownNumber(step)}-${index}`;
    if (seen.has(key)) {
      issues.push(`another step has the same id (${key})`);
      key = `${key}#${index}`;
    }
    seen.add(key);

    const endField = outcome === 'completed' ? step.completed : step.cancelled;
    const endedAt = outcome === 'current' ? null : parseTime(endField);
    if (outcome !== 'current' && endField != null && endedAt === null) {
      issues.push(`its ${outcome} time is not a valid date (${JSON.stringify(endField)})`);
    }
    // A current step of a job that has ended stopped at the job's last update.
    const timing = timingOfStep(step, now, endedAt ?? (outcome === 'current' ? jobEnd : null));
    const started = parseTime(step.started);
    if (step.started != null && started === null) {
      issues.push(`its start time is not a valid date (${JSON.stringify(step.started)})`);
    }
    if (started !== null && timing.start !== null && timing.start < started - CLOCK_TOLERANCE_MS) {
      issues.push(
        `its time events begin at ${describeTime(timing.start)}, before its start time ${describeTime(started)}`,
      );
    }
    const start = started ?? timing.start;
    let end: number | null =
      outcome === 'current' ? (jobEnd ?? null) : (endedAt ?? (timing.open ? null : timing.end));
    const open = outcome === 'current' && jobEnd === null;
    if (outcome !== 'current' && end === null && start !== null) {
      issues.push(`it has no ${outcome} time`);
    }
    if (start !== null && end !== null && end < start) {
      issues.push(`it ends (${describeTime(end)}) before it starts (${describeTime(start)})`);
      end = start;
    }
    if (start === null) issues.push('it has no valid start time, so it is not on the time axis');
    return {
      key,
      uniqueStepId: step.uniqueStepId?.trim() || null,
      number: shownNumber(step),
      title: step.stepTitle?.trim() || 'Untitled step',
      outcome,
      step,
      start,
      end,
      open,
      timing,
      issues,
    };
  });

  return spans.sort((a, b) => {
    if (a.start === null || b.start === null) {
      if (a.start !== b.start) return a.start === null ? 1 : -1;
      return numberOf(a.step) - numberOf(b.step);
    }
    return a.start - b.start || numberOf(a.step) - numberOf(b.step);
  });
}

/** Where a line sits: a span's index in the list given to `linePlacer`, or one of these. */
export const BETWEEN_STEPS = -1;
export const UNPLACED = -2;

/**
 * A function from a line's time (epoch ms, or null) to the index of the span that holds it, or
 * BETWEEN_STEPS / UNPLACED. Spans without a start are never chosen; an unknown end holds the
 * line while the step runs on (the current step) or up to the next step's start otherwise.
 * O(log n) per line plus the overlapping spans, for spans sorted by start (as `stepSpans` gives).
 */
export function linePlacer(
  spans: readonly StepSpan[],
  toleranceMs = CLOCK_TOLERANCE_MS,
): (time: number | null) => number {
  const placed = placedEdges(spans);
  const starts = placed.map((edge) => edge.start);
  const ends = placed.map((edge) => edge.end);
  // The latest end among the spans up to each one: how far back an overlap can reach.
  const reach: number[] = [];
  for (let k = 0; k < placed.length; k++) reach.push(Math.max(reach[k - 1] ?? -Infinity, ends[k]!));

  /** The last span starting at or before `t`; -1 when none. */
  function lastStartingBy(t: number): number {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  return (time) => {
    if (time === null || !Number.isFinite(time)) return UNPLACED;
    // Exactly inside: the latest-starting span whose [start, end) holds the time (an instant
    // step, start = end, holds its own instant).
    for (let k = lastStartingBy(time); k >= 0 && reach[k]! >= time; k--) {
      if (time < ends[k]! || (time === starts[k] && starts[k] === ends[k])) return placed[k]!.index;
    }
    // Within the tolerance of an edge: the nearest one.
    let best = BETWEEN_STEPS;
    let bestDistance = toleranceMs;
    const from = lastStartingBy(time + toleranceMs);
    for (let k = from; k >= 0 && reach[k]! >= time - toleranceMs; k--) {
      const distance = time < starts[k]! ? starts[k]! - time : time - ends[k]!;
      if (distance <= bestDistance) {
        best = placed[k]!.index;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/** The spans a placer can choose (those with a start), with the ends it uses. */
function placedEdges(spans: readonly StepSpan[]): { index: number; start: number; end: number }[] {
  const placed = spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => span.start !== null);
  return placed.map(({ span, index }, k) => {
    let end: number;
    if (span.end !== null) end = span.end;
    else if (span.open) end = Number.POSITIVE_INFINITY;
    // An ended step whose end is unknown: up to the next step's start.
    else end = k + 1 < placed.length ? placed[k + 1]!.span.start! : Number.POSITIVE_INFINITY;
    return { index, start: span.start!, end };
  });
}

/**
 * The earliest line time that `linePlacer(after)` may place differently from
 * `linePlacer(before)`: Infinity when none, -Infinity when any (the steps were reordered or one
 * went away). A line's placement depends only on the spans whose edges, widened by the
 * tolerance, hold its time; so when the job advances (the current step ends, the next begins)
 * only lines from the old step's end on can move.
 */
export function changedSince(
  before: readonly StepSpan[],
  after: readonly StepSpan[],
  toleranceMs = CLOCK_TOLERANCE_MS,
): number {
  if (after.length < before.length) return Number.NEGATIVE_INFINITY;
  for (let k = 0; k < before.length; k++) {
    if (before[k]!.key !== after[k]!.key) return Number.NEGATIVE_INFINITY;
  }
  const old = placedEdges(before);
  const now = placedEdges(after);
  let since = Number.POSITIVE_INFINITY;
  for (let k = 0; k < Math.max(old.length, now.length); k++) {
    const a = old[k];
    const b = now[k];
    if (a && b && a.index !== b.index) return Number.NEGATIVE_INFINITY;
    if (!a || !b) {
      // A span placed after the others (a step began): from its start.
      since = Math.min(since, (a ?? b)!.start);
      continue;
    }
    if (a.start !== b.start) since = Math.min(since, a.start, b.start);
    if (a.end !== b.end) since = Math.min(since, a.end, b.end);
  }
  return since - toleranceMs;
}

/** The span a `?step=` value names: by `uniqueStepId`, else by its stand-in key. */
export function findSpan(spans: readonly StepSpan[], id: string | null): StepSpan | null {
  if (!id) return null;
  return spans.find((span) => span.uniqueStepId === id) ?? spans.find((s) => s.key === id) ?? null;
}
