/** The simulator's internal state: compact records, turned into wire objects on demand. */
import type { StepTemplate } from './catalog.ts';
import type { LogStore } from './logStore.ts';

export interface Workflow {
  workflowId: string;
  workflowVersionId: string;
  name: string;
  label: string;
  steps: StepTemplate[];
  /** Seeds the stable `stepId` of each step position. */
  salt: number;
}

export interface User {
  username: string;
  userId: string;
}

/** Event codes of `timeEvents` (the project's convention). */
export const EVENT_ACTIVE = 0;
export const EVENT_PAUSED = 1;
export const EVENT_COMPLETED = 2;

/** A step that has started; its position in `SimJob.steps` is its index in the workflow. */
export interface StepRec {
  started: number;
  completed: number | null;
  cancelled: number | null;
  /** Flattened pairs: time (ms), event code. */
  events: number[];
}

/** Who made a job: the seeded population, the engine (fresh jobs), or a /__demo request. */
export type JobOrigin = 'seed' | 'engine' | 'demo';

export interface SimJob {
  jobId: string;
  clientJobId: string;
  title: string;
  workflow: Workflow;
  user: User;
  team: string;
  status: string;
  created: number;
  updated: number;
  abandonReason: string | null;
  /** Log-API progress set through /__demo; null = derived from the status. */
  progress: string | null;
  stepCount: number;
  stepType: string | null;
  steps: StepRec[];
  /** Seeds everything derived on demand: step ids, values, extras, log messages. */
  salt: number;
  logs: LogStore;
  /**
   * Set through /__demo: the job's log lives under this id in the Job log API, which the Jobs
   * API gives as `metadata.metadata.FuyukoJobId`; absent, the log is under the jobId.
   */
  logJobId?: string;
  /** Job log API requests that named this job, by either of its ids (tests count them). */
  logReads?: number;
  origin: JobOrigin;
  /** Engine state. */
  running: boolean;
  logRate: number;
  /**
   * Part of a line owed, in thousandths. Whole numbers on purpose, like `salt`: a field that
   * once held a small integer and then a fraction makes V8 migrate all 100,000 job objects.
   */
  logCarry: number;
  /** The time up to which the engine has simulated this job. */
  simTime: number;
  nextStepAt: number | null;
  resumeAt: number | null;
  failAtStep: number | null;
  stepMinMs: number;
  stepMaxMs: number;
  mayPause: boolean;
  removed: boolean;
}

/** Salts stay small integers (31-bit), see `logCarry`. */
export const SALT_MAX = 0x3fffffff;

export const TERMINAL_STATUSES = new Set(['Completed', 'Aborted']);

/** The step in progress: the last started one, unless it finished or was cancelled. */
export function currentStep(job: SimJob): StepRec | null {
  const last = job.steps[job.steps.length - 1];
  return last && last.completed === null && last.cancelled === null ? last : null;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
