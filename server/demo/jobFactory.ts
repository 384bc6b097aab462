/** Builds a blank job record; callers give it steps, logs and engine settings. */
import { LogStore } from './logStore.ts';
import { SALT_MAX, type JobOrigin, type SimJob, type User, type Workflow } from './model.ts';
import type { Random } from './random.ts';
import type { World } from './world.ts';

export interface JobInit {
  title: string;
  workflow: Workflow;
  user: User;
  team: string;
  status: string;
  created: number;
  stepCount: number;
  origin: JobOrigin;
}

export function makeJob(world: World, rng: Random, init: JobInit): SimJob {
  const jobId = world.newJobId(rng);
  const salt = rng.int(0, SALT_MAX);
  return {
    jobId,
    clientJobId: rng.uuid(),
    title: init.title,
    workflow: init.workflow,
    user: init.user,
    team: init.team,
    status: init.status,
    created: init.created,
    updated: init.created,
    abandonReason: null,
    progress: null,
    stepCount: Math.max(1, init.stepCount),
    stepType: null,
    steps: [],
    salt,
    logs: new LogStore(salt),
    origin: init.origin,
    running: false,
    logRate: 0,
    logCarry: 0,
    simTime: init.created,
    nextStepAt: null,
    resumeAt: null,
    failAtStep: null,
    stepMinMs: 4000,
    stepMaxMs: 10000,
    mayPause: false,
    removed: false,
  };
}
