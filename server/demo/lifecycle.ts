/**
 * State changes of one job, shared by the engine and the /__demo routes so both record time
 * events and log lines the same way.
 */
import { LEVEL_ERROR, LEVEL_INFO, LEVEL_WARN } from './logText.ts';
import {
  EVENT_ACTIVE,
  EVENT_COMPLETED,
  EVENT_PAUSED,
  currentStep,
  type SimJob,
  type StepRec,
} from './model.ts';
import type { World } from './world.ts';

export function stepTitle(job: SimJob, index: number): string {
  const templates = job.workflow.steps;
  const template = templates[index % Math.max(1, templates.length)];
  const title = template?.title ?? `Step ${index + 1}`;
  return index < templates.length
    ? title
    : `${title} (${Math.floor(index / templates.length) + 1})`;
}

export function writeLog(
  world: World,
  job: SimJob,
  at: number,
  level: number,
  message?: string,
): void {
  job.logs.append(world.ids.next(), at, level, message);
}

/**
 * Records an event, returning its time. Two events of one step never share a millisecond:
 * `timeEvents` is keyed by timestamp, so a tie would silently drop one.
 */
export function pushEvent(step: StepRec, at: number, code: number): number {
  const last = step.events.length ? (step.events[step.events.length - 2] as number) : -Infinity;
  const time = Math.max(at, last + 1);
  step.events.push(time, code);
  return time;
}

export function startStep(world: World, job: SimJob, at: number): StepRec {
  const step: StepRec = { started: at, completed: null, cancelled: null, events: [] };
  pushEvent(step, at, EVENT_ACTIVE);
  job.steps.push(step);
  world.touch(job, at);
  const n = job.steps.length;
  writeLog(world, job, at, LEVEL_INFO, `Step ${n} started: ${stepTitle(job, n - 1)}`);
  return step;
}

/** Completes the current step and starts the next, or completes the job after the last. */
export function completeStep(world: World, job: SimJob, at: number): 'next' | 'done' {
  const step = currentStep(job);
  if (!step) return 'done';
  const time = pushEvent(step, at, EVENT_COMPLETED);
  step.completed = time;
  const n = job.steps.length;
  writeLog(world, job, time, LEVEL_INFO, `Step ${n} completed: ${stepTitle(job, n - 1)}`);
  if (n >= job.stepCount) {
    job.status = 'Completed';
    world.touch(job, time);
    writeLog(world, job, time, LEVEL_INFO, `Job completed after ${n} steps`);
    return 'done';
  }
  startStep(world, job, time);
  return 'next';
}

export function pauseJob(world: World, job: SimJob, at: number): void {
  const step = currentStep(job);
  const time = step ? pushEvent(step, at, EVENT_PAUSED) : at;
  job.status = 'Paused';
  world.touch(job, time);
  writeLog(world, job, time, LEVEL_INFO, `Job paused at step ${job.steps.length}`);
}

export function resumeJob(world: World, job: SimJob, at: number): void {
  const step = currentStep(job);
  const time = step ? pushEvent(step, at, EVENT_ACTIVE) : at;
  job.status = 'Active';
  world.touch(job, time);
  writeLog(world, job, time, LEVEL_INFO, `Job resumed at step ${job.steps.length}`);
}

/** Ends a job unfinished: the current step is cancelled and the job gets `status`. */
export function abandonJob(
  world: World,
  job: SimJob,
  at: number,
  reason: string,
  cause: 'failure' | 'operator',
): void {
  const step = currentStep(job);
  const n = job.steps.length;
  if (cause === 'failure') {
    writeLog(world, job, at, LEVEL_ERROR, `Step ${n} failed: ${reason}`);
  }
  if (step) step.cancelled = at;
  job.status = 'Aborted';
  job.abandonReason = reason;
  job.nextStepAt = null;
  job.resumeAt = null;
  world.live.delete(job);
  world.touch(job, at);
  writeLog(
    world,
    job,
    at,
    cause === 'failure' ? LEVEL_ERROR : LEVEL_WARN,
    `Job aborted at step ${n}: ${reason}`,
  );
}
