/**
 * The clock-driven engine: brings every live job up to a given time. Only live jobs are
 * visited (a few dozen at most), so advancing costs nothing per idle job.
 */
import { abandonJob, completeStep, pauseJob, resumeJob, writeLog } from './lifecycle.ts';
import { derivedLevel } from './logText.ts';
import type { SimJob } from './model.ts';
import { FAILURE_REASONS } from './catalog.ts';
import { spawnJob } from './population.ts';
import { MAX_LIVE, type World } from './world.ts';

/** A server that slept (or a test that jumps hours) does not write hours of backlog at once. */
const MAX_LOG_CATCH_UP_MS = 10 * 60 * 1000;

export function advanceWorld(world: World, to: number): void {
  if (to <= world.clock) return;
  const queue = [...world.live];
  for (let i = 0; i < queue.length; i++) {
    runJob(world, queue[i] as SimJob, to, (spawned) => queue.push(spawned));
  }
  world.clock = to;
}

function runJob(world: World, job: SimJob, to: number, onSpawn: (job: SimJob) => void): void {
  while (!job.removed && job.running) {
    if (job.status === 'Active') {
      const next = job.nextStepAt ?? Infinity;
      writeLogs(world, job, Math.min(next, to));
      if (next > to) return;
      stepDue(world, job, next, onSpawn);
    } else if (job.status === 'Paused' && job.resumeAt !== null) {
      if (job.resumeAt > to) {
        job.simTime = to;
        return;
      }
      const at = job.resumeAt;
      job.resumeAt = null;
      job.simTime = at;
      resumeJob(world, job, at);
      job.nextStepAt = at + world.engineRng.int(job.stepMinMs, job.stepMaxMs);
    } else {
      break;
    }
  }
  // Finished, frozen, or changed by a /__demo request: the engine lets go of it.
  world.live.delete(job);
}

/** Chatter at `logRate` lines a second between the job's last visit and `until`. */
function writeLogs(world: World, job: SimJob, until: number): void {
  const from = Math.max(job.simTime, until - MAX_LOG_CATCH_UP_MS);
  job.simTime = Math.max(job.simTime, until);
  if (job.logRate <= 0 || until <= from) return;
  const due = job.logCarry / 1000 + (job.logRate * (until - from)) / 1000;
  const count = Math.floor(due);
  job.logCarry = Math.round((due - count) * 1000);
  for (let k = 1; k <= count; k++) {
    const index = job.logs.size;
    writeLog(
      world,
      job,
      Math.round(from + ((until - from) * k) / count),
      derivedLevel(job.salt, index),
    );
  }
}

function stepDue(world: World, job: SimJob, at: number, onSpawn: (job: SimJob) => void): void {
  const rng = world.engineRng;
  job.nextStepAt = null;
  if (job.failAtStep !== null && job.failAtStep <= job.steps.length - 1) {
    abandonJob(world, job, at, rng.pick(FAILURE_REASONS), 'failure');
    finished(world, job, at, onSpawn);
    return;
  }
  if (completeStep(world, job, at) === 'done') {
    finished(world, job, at, onSpawn);
    return;
  }
  if (job.mayPause && rng.chance(0.12)) {
    pauseJob(world, job, at);
    job.resumeAt = at + rng.int(5000, 20000);
    return;
  }
  job.nextStepAt = at + rng.int(job.stepMinMs, job.stepMaxMs);
}

/** A finished job makes room: start a fresh one now and then, and keep the population capped. */
function finished(world: World, job: SimJob, at: number, onSpawn: (job: SimJob) => void): void {
  job.running = false;
  world.live.delete(job);
  if (job.origin === 'demo') return;
  const engineLive = [...world.live].filter((j) => j.origin !== 'demo').length;
  const wanted = engineLive < world.targetLive ? 0.9 : 0.3;
  if (engineLive < MAX_LIVE && world.engineRng.chance(wanted)) onSpawn(spawnJob(world, at));
  trimPopulation(world);
}

/** Drops the oldest finished jobs the engine started, then (if still over) seeded ones. */
function trimPopulation(world: World): void {
  if (world.jobs.size <= world.populationCap) return;
  const oldestFirst = world.index.sorted('created', () => world.jobs.values());
  for (const origin of ['engine', 'seed'] as const) {
    for (const job of oldestFirst) {
      if (world.jobs.size <= world.populationCap) return;
      if (job.origin !== origin || job.running || job.removed) continue;
      if (job.jobId === world.bigLogJobId) continue;
      if (job.status === 'Completed' || job.status === 'Aborted') world.remove(job);
    }
  }
}
