/** Pure reads of a job for the list's cells, tolerant of the nulls real data holds. */
import { isTerminalStatus } from '../../../lib/job';
import type { Step, WorkflowJob } from '../../../contract';
import { activeTimeOfStep } from '../../../lib/timeEvents';
import { parseTime } from '../../../lib/time';

export function currentStep(job: WorkflowJob): Step | null {
  return job.metadata.currentStep?.singleStep ?? null;
}

/** "3 · Check valve pressure", "3", "Check valve pressure" or null when there is no step. */
export function stepLabel(step: Step | null): string | null {
  if (!step) return null;
  const number = step.stepNumber == null || step.stepNumber === '' ? null : String(step.stepNumber);
  const title = step.stepTitle?.trim() || null;
  if (number && title) return `${number} · ${title}`;
  return number ?? title;
}

/**
 * Active time of the current step. A finished job's step stops counting at the job's last
 * update when the step itself holds no completion event.
 */
export function currentStepActiveMs(job: WorkflowJob, now: number): number | null {
  const step = currentStep(job);
  if (!step) return null;
  const end = isTerminalStatus(job.metadata.status) ? parseTime(job.metadata.updated) : null;
  return activeTimeOfStep(step, now, end);
}

/** What "changed since the last refresh" compares: the status and the current step. */
export function rowSignature(job: WorkflowJob): string {
  const step = currentStep(job);
  return JSON.stringify([
    job.metadata.status ?? null,
    step?.uniqueStepId ?? step?.stepId ?? null,
    step?.stepNumber ?? null,
  ]);
}

/** Ids of jobs present in both lists whose status or current step differs. */
export function changedJobIds(previous: readonly WorkflowJob[], next: readonly WorkflowJob[]) {
  const before = new Map(previous.map((job) => [job.jobId, rowSignature(job)]));
  const changed = new Set<string>();
  for (const job of next) {
    const old = before.get(job.jobId);
    if (old !== undefined && old !== rowSignature(job)) changed.add(job.jobId);
  }
  return changed;
}
