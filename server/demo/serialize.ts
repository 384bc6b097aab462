/** Internal records to wire objects, shaped like the upstream examples (nulls included). */
import type { LogJob, Step, WorkflowJob } from '../../src/contract/index.ts';
import { applyHostileOverlay } from './hostileJobs.ts';
import { stepTitle } from './lifecycle.ts';
import { currentStep, iso, type SimJob, type StepRec } from './model.ts';
import { Random, hash32 } from './random.ts';

/** A stable id derived from a salt, so it needs no storage. */
const derivedUuid = (salt: number, key: number) => new Random(hash32(salt, key, 3)).uuid();
const derivedHex = (salt: number, key: number, length: number) =>
  new Random(hash32(salt, key, 4)).hex(length);

function stepValues(type: string, salt: number, index: number): unknown[] {
  const h = hash32(salt, index, 17);
  switch (type) {
    case 'Text':
      return [['All within limits', 'Minor wear noted', 'Replaced filter', 'OK'][h % 4]];
    case 'ConfirmStep':
      return [true];
    case 'Checklist':
      return ['Guards fitted', 'No leaks', 'Area clean', 'Labels legible'].map((label, i) => ({
        label,
        checked: ((h >>> i) & 3) !== 0,
      }));
    case 'Number':
      return [Math.round((h % 10000) / 10) / 10];
    case 'Photo':
      return [{ filename: `photo-${derivedHex(salt, index, 8)}.jpg`, contentType: 'image/jpeg' }];
    case 'Signature':
      return [{ filename: `signature-${derivedHex(salt, index, 8)}.png` }];
    default:
      return [];
  }
}

function stepJson(job: SimJob, step: StepRec, index: number): Step {
  const template = job.workflow.steps[index % Math.max(1, job.workflow.steps.length)];
  const type = job.stepType ?? template?.type ?? 'Text';
  const timeEvents: Record<string, number> = {};
  for (let i = 0; i < step.events.length; i += 2) {
    timeEvents[iso(step.events[i] as number)] = step.events[i + 1] as number;
  }
  const updated = step.events[step.events.length - 2] ?? step.started;
  const h = hash32(job.salt, index, 29);
  return {
    values: step.completed !== null ? stepValues(type, job.salt, index) : [],
    valueResourceIds: [],
    uniqueStepId: derivedUuid(job.salt, index),
    previousUniqueStepId: index === 0 ? '' : derivedUuid(job.salt, index - 1),
    userId: job.user.userId,
    userName: job.user.username,
    deviceId: job.salt % 3 === 0 ? null : `device-${derivedHex(job.salt, 0, 6)}`,
    stepId: derivedUuid(job.workflow.salt, index),
    stepNumber: index + 1,
    stepTitle: stepTitle(job, index),
    stepDescription: template?.description ?? '',
    stepType: type,
    connectionType: null,
    started: iso(step.started),
    completed: step.completed === null ? null : iso(step.completed),
    updated: iso(updated),
    cancelled: step.cancelled === null ? null : iso(step.cancelled),
    timeEvents,
    note: step.completed !== null && h % 5 === 0 ? 'Checked twice, see photo.' : null,
    noteResourceFilenames: null,
    coordinates: h % 4 === 0 ? { latitude: 51.5 + (h % 100) / 1000, longitude: -0.12 } : null,
    parentStepId: null,
    parentUniqueStepId: null,
    parentStepTitle: null,
    parentStepDescription: null,
    metadata: { tags: '' },
  };
}

/** Drops the milliseconds, as the upstream's `modified` does. */
const isoSeconds = (ms: number) => iso(ms).replace(/\.\d{3}Z$/, 'Z');

export function toWorkflowJob(job: SimJob): WorkflowJob {
  const current = currentStep(job);
  const completed: Step[] = [];
  const cancelled: Step[] = [];
  job.steps.forEach((step, index) => {
    if (step.completed !== null) completed.push(stepJson(job, step, index));
    else if (step.cancelled !== null) cancelled.push(stepJson(job, step, index));
  });
  const extras = hash32(job.salt, 0, 31);
  const wire: WorkflowJob = {
    jobId: job.jobId,
    metadata: {
      clientJobId: job.clientJobId,
      workflowId: job.workflow.workflowId,
      workflowVersionId: job.workflow.workflowVersionId,
      jobTitle: job.title,
      metadata: {
        ...(extras % 3 === 0
          ? {
              ScheduledJobId: derivedHex(job.salt, 1, 24),
              ScheduledTaskId: derivedUuid(job.salt, -1),
            }
          : {}),
        ...(job.logJobId ? { FuyukoJobId: job.logJobId } : {}),
      },
      created: iso(job.created),
      updated: iso(job.updated),
      modified: isoSeconds(job.updated),
      status: job.status,
      userId: job.user.userId,
      currentStep:
        current && job.status !== 'Completed' && job.status !== 'Aborted'
          ? { singleStep: stepJson(job, current, job.steps.length - 1), reportStep: null }
          : null,
      abandonReason: job.abandonReason,
      username: job.user.username,
      workflowName: job.workflow.name,
    },
    completedSteps: completed.length ? completed : null,
    cancelledSteps: cancelled.length ? cancelled : null,
    team: job.team,
    hierarchyStack:
      (extras >>> 3) % 4 === 0 ? [{ id: derivedHex(job.salt, 2, 24), name: job.team }] : null,
    packetIds: (extras >>> 5) % 5 === 0 ? [derivedHex(job.salt, 3, 24)] : null,
  };
  // Some real jobs carry no exclusion fields at all; clients must not depend on them.
  if ((extras >>> 7) % 10 !== 0) {
    wire.jobExclusion = [];
    wire.excluded = (extras >>> 11) % 25 === 0;
  }
  return applyHostileOverlay(job, wire);
}

export function logProgress(job: SimJob): string {
  if (job.progress) return job.progress;
  switch (job.status) {
    case 'Active':
    case 'Paused':
      return 'IN_PROGRESS';
    case 'Completed':
      return 'COMPLETED';
    case 'Aborted':
      return 'FAILED';
    default:
      return 'SCHEDULED';
  }
}

export function toLogJob(job: SimJob): LogJob {
  return {
    id: job.logJobId ?? job.jobId,
    name: job.title,
    description: `${job.workflow.name} job (${job.clientJobId}) for team ${job.team}`,
    status: 'ENABLED',
    creationDate: iso(job.created),
    progress: logProgress(job),
    lastUpdate: iso(job.updated),
  };
}
