/** Job objects for the list's tests: just the fields the list reads, the rest null as upstream. */
import type { Step, WorkflowJob } from '../../contract';

interface TestJobSpec {
  jobId: string;
  title?: string | null;
  status?: string | null;
  step?: Partial<Step> | null;
  username?: string | null;
  team?: string | null;
  workflowId?: string | null;
  workflowName?: string | null;
  updated?: string | null;
  created?: string | null;
}

export function testJob(spec: TestJobSpec): WorkflowJob {
  return {
    jobId: spec.jobId,
    metadata: {
      jobTitle: spec.title === undefined ? `Job ${spec.jobId}` : spec.title,
      status: spec.status === undefined ? 'Active' : spec.status,
      username: spec.username === undefined ? 'ops@example.com' : spec.username,
      workflowId: spec.workflowId === undefined ? 'wf-pump' : spec.workflowId,
      workflowName: spec.workflowName === undefined ? 'Pump Station Inspection' : spec.workflowName,
      created: spec.created ?? '2026-11-24T10:00:00.000Z',
      updated: spec.updated ?? '2026-11-24T10:05:00.000Z',
      currentStep:
        spec.step === null
          ? null
          : {
              singleStep: {
                stepId: `${spec.jobId}-s`,
                uniqueStepId: `${spec.jobId}-u3`,
                stepNumber: 3,
                stepTitle: 'Check valve pressure',
                stepType: 'Number',
                ...spec.step,
              },
            },
    },
    team: spec.team === undefined ? 'maintenance' : spec.team,
  };
}
