/** Jobs made to order through /__demo: predictable timelines, exact log counts. */
import { BIG_LOG_WORKFLOW, FAILURE_REASONS, PLACES } from './catalog.ts';
import { makeJob } from './jobFactory.ts';
import { EVENT_ACTIVE, EVENT_COMPLETED, EVENT_PAUSED, type SimJob } from './model.ts';
import type { JobSpec } from './spec.ts';
import type { World } from './world.ts';

const STEP_MS = 30_000;
/** A long history is spread over more time, like a job that really wrote it (at most a week). */
const historyMs = (lines: number) => Math.min(7 * 86_400_000, Math.max(60_000, lines * 50));

export function createDemoJob(world: World, spec: JobSpec, now: number): SimJob {
  const rng = world.demoRng;
  const workflow = spec.workflowId
    ? world.adHocWorkflow(spec.workflowId)
    : rng.pick(world.workflows.filter((_, i) => i !== BIG_LOG_WORKFLOW));
  const status = spec.status ?? 'Active';
  const stepCount = spec.steps ?? Math.max(1, workflow.steps.length);
  const done = status === 'Completed' ? stepCount : Math.min(spec.currentStep ?? 1, stepCount) - 1;
  const lines = spec.historicalLogs ?? 0;
  const end = now - 1000;
  const currentStart = status === 'Active' || status === 'Completed' ? end : end - 10_000;
  const stepMs = spec.stepSeconds ? spec.stepSeconds * 1000 : STEP_MS;
  const firstStart = currentStart - done * stepMs;
  const created = Math.min(firstStart, end - historyMs(lines)) - 1000;

  const job = makeJob(world, rng, {
    title: spec.title ?? `${workflow.label} at ${rng.pick(PLACES)} #${world.titleSeq++}`,
    workflow,
    user: world.userFor(spec.username ?? world.defaultUser),
    team: spec.team ?? 'operations',
    status,
    created,
    stepCount,
    origin: 'demo',
  });
  job.stepType = spec.stepType ?? null;
  job.progress = spec.progress ?? null;
  if (spec.logJobId) job.logJobId = spec.logJobId;
  for (let i = 0; i < done; i++) {
    const start = firstStart + i * stepMs;
    const events = [start, EVENT_ACTIVE, start + stepMs, EVENT_COMPLETED];
    job.steps.push({ started: start, completed: start + stepMs, cancelled: null, events });
  }
  if (status !== 'Completed') {
    const events = [currentStart, EVENT_ACTIVE];
    if (status === 'Paused') events.push(end, EVENT_PAUSED);
    const cancelled = status === 'Aborted' ? end : null;
    job.steps.push({ started: currentStart, completed: null, cancelled, events });
  }
  if (status === 'Aborted') job.abandonReason = FAILURE_REASONS[0] ?? 'Aborted';
  job.updated = end;
  job.logs.setHistory(world.ids, lines, created, end);

  job.running = spec.running ?? true;
  job.logRate = spec.logRate ?? 2;
  job.simTime = now;
  world.add(job);
  if (job.running && status === 'Active') scheduleNextStep(world, job, now);
  return job;
}

/** Hands a running Active job (back) to the engine. */
export function scheduleNextStep(world: World, job: SimJob, now: number): void {
  if (!job.running || job.status !== 'Active') return;
  job.simTime = Math.max(job.simTime, now);
  job.nextStepAt = now + world.engineRng.int(job.stepMinMs, job.stepMaxMs);
  world.live.add(job);
}
