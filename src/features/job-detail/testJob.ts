/** Job fixtures for this folder's tests: a job as the Jobs API sends it, with overrides. */
import type { Step, WorkflowJob } from '../../contract';

export const T0 = Date.parse('2026-03-01T10:00:00.000Z');
export const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export function makeStep(overrides: Partial<Step> = {}): Step {
  return {
    stepId: 'step-id',
    uniqueStepId: `u-${String(overrides.stepNumber ?? 1)}`,
    stepNumber: 1,
    stepTitle: 'Check the pump',
    stepDescription: 'Look for leaks around the seal.',
    stepType: 'Checklist',
    userId: 'u1',
    userName: 'ana@example.com',
    deviceId: 'device-abc',
    started: iso(0),
    completed: null,
    updated: iso(0),
    cancelled: null,
    timeEvents: { [iso(0)]: 0 },
    note: null,
    values: [],
    metadata: { tags: '' },
    ...overrides,
  };
}

export function makeJob(
  overrides: Partial<WorkflowJob> = {},
  meta: Partial<WorkflowJob['metadata']> = {},
): WorkflowJob {
  return {
    jobId: 'job-123',
    metadata: {
      clientJobId: 'client-456',
      workflowId: 'wf-1',
      workflowVersionId: 'wfv-9',
      jobTitle: 'Pump station 4 check',
      metadata: { ScheduledJobId: 'sched-1', ScheduledTaskId: 'task-2' },
      created: iso(-600),
      updated: iso(60),
      modified: iso(60),
      status: 'Active',
      userId: 'u1',
      username: 'ana@example.com',
      workflowName: 'Pump maintenance',
      abandonReason: null,
      currentStep: {
        singleStep: makeStep({ stepNumber: 3, stepTitle: 'Inspect the seal' }),
        reportStep: null,
      },
      ...meta,
    },
    completedSteps: [
      makeStep({
        stepNumber: 2,
        stepTitle: 'Isolate the pump',
        stepType: 'ConfirmStep',
        completed: iso(-100),
        timeEvents: { [iso(-100)]: 2, [iso(-200)]: 0 },
        values: [true],
      }),
      makeStep({
        stepNumber: 1,
        stepTitle: 'Read the meter',
        stepType: 'Number',
        completed: iso(-200),
        timeEvents: { [iso(-300)]: 0, [iso(-260)]: 1, [iso(-250)]: 0, [iso(-200)]: 2 },
        values: [42.5],
      }),
    ],
    cancelledSteps: null,
    team: 'operations',
    hierarchyStack: null,
    packetIds: ['packet-1'],
    jobExclusion: [],
    excluded: false,
    ...overrides,
  };
}
