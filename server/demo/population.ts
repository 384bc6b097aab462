/** The seeded population: a mix of every status, with histories that add up. */
import { BIG_LOG_TITLE, BIG_LOG_WORKFLOW, FAILURE_REASONS, PLACES, USERS } from './catalog.ts';
import { makeJob } from './jobFactory.ts';
import { startStep } from './lifecycle.ts';
import type { TailLine } from './logStore.ts';
import { LEVEL_ERROR, LEVEL_INFO } from './logText.ts';
import { EVENT_ACTIVE, EVENT_COMPLETED, EVENT_PAUSED, type SimJob, type StepRec } from './model.ts';
import type { Random } from './random.ts';
import { MAX_LIVE, type World } from './world.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Joins parts into one flat string. Template literals make rope strings in V8, several
 * objects each, and 100,000 jobs keep theirs for good.
 */
const flat = (...parts: unknown[]) => parts.join('');
const seedTitle = (label: string, place: string, seq: number) =>
  flat(label, ' at ', place, ' #', seq);

/** Everyday workflows; the index-maintenance one belongs to the big-log job. */
const everyday = (world: World) => {
  world.everyday ??= world.workflows.filter((_, i) => i !== BIG_LOG_WORKFLOW);
  return world.everyday;
};

function completedStep(start: number, duration: number, rng: Random): StepRec {
  const end = start + duration;
  // Some finished steps were paused once on the way: an operator stepped away. Literal arrays
  // of the exact size: growing them by push() would triple their memory.
  const events =
    duration > 30 * SECOND && rng.chance(0.15)
      ? [
          start,
          EVENT_ACTIVE,
          start + Math.floor(duration / 3),
          EVENT_PAUSED,
          start + Math.floor((2 * duration) / 3),
          EVENT_ACTIVE,
          end,
          EVENT_COMPLETED,
        ]
      : [start, EVENT_ACTIVE, end, EVENT_COMPLETED];
  return { started: start, completed: start + duration, cancelled: null, events };
}

/** Completed steps before `count`, ending at `end`; returns the time the first one started. */
function pastSteps(job: SimJob, rng: Random, count: number, end: number, stepMs: () => number) {
  const durations: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) total += durations[i] = stepMs();
  let t = end - total;
  const start = t;
  for (let i = 0; i < count; i++) {
    const duration = durations[i] as number;
    job.steps.push(completedStep(t, duration, rng));
    t += duration;
  }
  return start;
}

function pickStatus(rng: Random, world: World): string {
  const r = rng.next();
  if (r < 0.2) return world.live.size < MAX_LIVE ? 'Active' : 'Completed';
  if (r < 0.35) return 'Paused';
  if (r < 0.8) return 'Completed';
  return 'Aborted';
}

function makeLive(world: World, rng: Random, job: SimJob, now: number): void {
  job.running = true;
  job.mayPause = true;
  job.logRate = rng.int(1, 4);
  job.simTime = now;
  const current = job.steps.length - 1;
  job.failAtStep = rng.chance(0.15) ? rng.int(current, job.stepCount - 1) : null;
  world.live.add(job);
}

function seedJob(world: World, rng: Random, i: number, now: number): SimJob {
  const workflow = rng.pick(everyday(world));
  // Every sixth job belongs to the demo operator, so "my jobs" is never empty.
  const username = i % 6 === 1 ? world.defaultUser : rng.pick(USERS);
  const status = pickStatus(rng, world);
  const job = makeJob(world, rng, {
    title: seedTitle(workflow.label, rng.pick(PLACES), world.titleSeq++),
    workflow,
    user: world.userFor(username),
    team: rng.pick(world.teams),
    status,
    created: now,
    stepCount: workflow.steps.length,
    origin: 'seed',
  });
  const stepMs = () => rng.int(20 * SECOND, 4 * MINUTE);
  let end: number;
  if (status === 'Active' || status === 'Paused') {
    const current = rng.int(0, job.stepCount - 1);
    const started =
      status === 'Active' ? now - rng.int(2 * SECOND, MINUTE) : now - rng.int(MINUTE, 3 * DAY);
    job.created = pastSteps(job, rng, current, started, stepMs);
    end = started;
    let events = [started, EVENT_ACTIVE];
    if (status === 'Paused') {
      end = Math.min(now - SECOND, started + rng.int(5 * SECOND, 2 * MINUTE));
      events = [started, EVENT_ACTIVE, end, EVENT_PAUSED];
    }
    job.steps.push({ started, completed: null, cancelled: null, events });
  } else {
    end = now - rng.int(HOUR, 14 * DAY);
    const done = status === 'Completed' ? job.stepCount : rng.int(0, job.stepCount - 1);
    const lastStart = status === 'Completed' ? end : end - rng.int(10 * SECOND, 2 * MINUTE);
    job.created = pastSteps(job, rng, done, lastStart, stepMs) - rng.int(SECOND, 10 * SECOND);
    if (status === 'Aborted') {
      job.steps.push({
        started: lastStart,
        completed: null,
        cancelled: end,
        events: [lastStart, 0],
      });
      job.abandonReason = rng.pick(FAILURE_REASONS);
    }
  }
  job.updated = end;
  const lines = rng.chance(0.06) ? 0 : rng.int(10, 300);
  const historyEnd = status === 'Active' ? now - SECOND : end - 1;
  job.logs.setHistory(world.ids, lines, job.created, historyEnd, lines ? tail(job) : undefined);
  if (status === 'Active') makeLive(world, rng, job, now);
  if (status === 'Active') job.nextStepAt = now + rng.int(SECOND, 8 * SECOND);
  if (status === 'Paused' && world.live.size < MAX_LIVE && rng.chance(0.4)) {
    makeLive(world, rng, job, now);
    job.resumeAt = now + rng.int(5 * SECOND, 30 * SECOND);
  }
  return job;
}

/** The last lines a finished or paused job wrote. */
function tail(job: SimJob): TailLine[] | undefined {
  const n = job.steps.length;
  switch (job.status) {
    case 'Completed':
      return [{ level: LEVEL_INFO, message: flat('Job completed after ', n, ' steps') }];
    case 'Paused':
      return [{ level: LEVEL_INFO, message: flat('Job paused at step ', n) }];
    case 'Aborted':
      return [
        { level: LEVEL_ERROR, message: flat('Step ', n, ' failed: ', job.abandonReason) },
        { level: LEVEL_ERROR, message: flat('Job aborted at step ', n, ': ', job.abandonReason) },
      ];
    default:
      return undefined;
  }
}

/** The long-running job that holds the big log: slow steps, never pauses or fails. */
function bigLogJob(world: World, rng: Random, now: number): SimJob {
  const workflow = world.workflows[BIG_LOG_WORKFLOW] ?? rng.pick(world.workflows);
  const job = makeJob(world, rng, {
    title: BIG_LOG_TITLE,
    workflow,
    user: world.userFor(USERS[5] ?? world.defaultUser),
    team: 'operations',
    status: 'Active',
    created: now,
    stepCount: 60,
    origin: 'seed',
  });
  job.stepMinMs = 5 * MINUTE;
  job.stepMaxMs = 10 * MINUTE;
  const started = now - 4 * MINUTE;
  job.created = pastSteps(job, rng, 8, started, () => 20 * MINUTE);
  job.steps.push({ started, completed: null, cancelled: null, events: [started, 0] });
  job.updated = started;
  job.logs.setHistory(world.ids, world.config.bigLogLines, job.created, now - SECOND);
  job.running = true;
  job.logRate = 3;
  job.simTime = now;
  job.nextStepAt = now + 3 * MINUTE;
  world.live.add(job);
  return job;
}

export function generatePopulation(world: World, now: number): void {
  const rng = world.genRng;
  for (let i = 0; i < world.config.jobs; i++) {
    const job = i === 0 ? bigLogJob(world, rng, now) : seedJob(world, rng, i, now);
    if (i === 0) world.bigLogJobId = job.jobId;
    world.add(job);
  }
  world.targetLive = world.live.size;
}

/** A fresh job the engine starts when another finishes, so the demo stays alive. */
export function spawnJob(world: World, at: number): SimJob {
  const rng = world.engineRng;
  const workflow = rng.pick(everyday(world));
  const job = makeJob(world, rng, {
    title: seedTitle(workflow.label, rng.pick(PLACES), world.titleSeq++),
    workflow,
    user: world.userFor(rng.pick(USERS)),
    team: rng.pick(world.teams),
    status: 'Active',
    created: at,
    stepCount: workflow.steps.length,
    origin: 'engine',
  });
  world.add(job);
  startStep(world, job, at);
  makeLive(world, rng, job, at);
  job.nextStepAt = at + rng.int(job.stepMinMs, job.stepMaxMs);
  return job;
}
