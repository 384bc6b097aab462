/** /__demo: drive the simulator from tests and benchmarks (never affected by faults). */
import type { Context, Hono } from 'hono';
import { readBody } from './body.ts';
import type { SimContext } from './context.ts';
import { createDemoJob, scheduleNextStep } from './demoJobs.ts';
import { jobsError } from './errors.ts';
import { registerHostileRoute } from './hostileRoute.ts';
import { DEMO_LIMITS, createdJobsRefusal, limitMessage } from './limits.ts';
import { completeStep, pauseJob, pushEvent, resumeJob, writeLog } from './lifecycle.ts';
import { derivedLevel, levelCode } from './logText.ts';
import { EVENT_COMPLETED, currentStep, iso, type SimJob } from './model.ts';
import { toWorkflowJob } from './serialize.ts';
import {
  accessSpecSchema,
  appendLogsSchema,
  faultsPatchSchema,
  jobSpecSchema,
  resetSpecSchema,
  statusSpecSchema,
  type AppendLogsResult,
  type DemoState,
} from './spec.ts';

export function demoState(ctx: SimContext): DemoState {
  const world = ctx.world;
  const now = ctx.time();
  return {
    seed: world.config.seed,
    jobs: world.config.jobs,
    population: world.jobs.size,
    bigLogLines: world.config.bigLogLines,
    faults: ctx.faults.toJSON(),
    now: iso(now),
    nowMs: now,
    currentUser: world.defaultUser,
    workflows: world.workflows.map(({ workflowId, workflowVersionId, name }) => ({
      workflowId,
      workflowVersionId,
      name,
    })),
    users: world.users.map((user) => user.username),
    teams: [...world.teams],
    bigLogJobId: world.bigLogJobId,
    requests: { ...ctx.requests },
  };
}

/** Stops the engine's plans for a job that a request just changed. */
function detach(ctx: SimContext, job: SimJob) {
  job.nextStepAt = null;
  job.resumeAt = null;
  ctx.world.live.delete(job);
}

export function registerControlRoutes(app: Hono, ctx: SimContext): void {
  const withJob = (handler: (c: Context, job: SimJob) => Response | Promise<Response>) => {
    return (c: Context) => {
      const id = c.req.param('jobId') ?? '';
      const job = ctx.world.find(id);
      return job ? handler(c, job) : jobsError(c, 404, `Job ${id} not found`);
    };
  };

  app.post('/__demo/reset', async (c) => {
    const body = await readBody(c, resetSpecSchema);
    if (!body.ok) return body.response;
    ctx.reset(body.value);
    return c.json(demoState(ctx));
  });

  app.get('/__demo/state', (c) => c.json(demoState(ctx)));

  registerHostileRoute(app, ctx);

  app.post('/__demo/jobs', async (c) => {
    const body = await readBody(c, jobSpecSchema);
    if (!body.ok) return body.response;
    const refusal = createdJobsRefusal(c, ctx.world.createdJobs, 1);
    if (refusal) return refusal;
    ctx.world.createdJobs += 1;
    const job = createDemoJob(ctx.world, body.value, ctx.time());
    return c.json(toWorkflowJob(job), 201);
  });

  // The upstream double's own copy of a job's log, in id order, without the Job log API's
  // faults: what a test compares the gateway and the app with. `?summary=1`: only its size,
  // first and last ids, and how many Job log API requests named the job.
  app.get(
    '/__demo/jobs/:jobId/logs',
    withJob(async (c, job) => {
      const size = job.logs.size;
      if (c.req.query('summary') === '1') {
        return c.json({
          lines: size,
          firstId: job.logs.idAt(0) ?? null,
          lastId: job.logs.lastId(),
          reads: job.logReads ?? 0,
        });
      }
      if (size > DEMO_LIMITS.linesPerRead) {
        return jobsError(c, 413, limitMessage('lines per read', DEMO_LIMITS.linesPerRead));
      }
      return c.json({ logs: job.logs.rows(0, size) });
    }),
  );

  app.post(
    '/__demo/jobs/:jobId/logs',
    withJob(async (c, job) => {
      const body = await readBody(c, appendLogsSchema);
      if (!body.ok) return body.response;
      const world = ctx.world;
      const adding = 'entries' in body.value ? body.value.entries.length : (body.value.count ?? 1);
      const held = world.storedLines();
      if (held + adding > DEMO_LIMITS.storedLines) {
        const detail = ` (${held.toLocaleString('en-US')} held); POST /__demo/reset`;
        return jobsError(c, 413, limitMessage('log lines held', DEMO_LIMITS.storedLines, detail));
      }
      const now = ctx.time();
      const before = job.logs.size;
      if ('entries' in body.value) {
        for (const entry of body.value.entries) {
          writeLog(world, job, now, levelCode(entry.level), entry.message);
        }
      } else {
        const count = body.value.count ?? 1;
        for (let i = 0; i < count; i++) {
          // No text stored: it is derived from the line's index when read.
          writeLog(world, job, now, derivedLevel(job.salt, job.logs.size));
        }
      }
      const appended = job.logs.size - before;
      const result: AppendLogsResult = {
        appended,
        firstId: appended ? job.logs.idAt(before) : null,
        lastId: appended ? job.logs.lastId() : null,
      };
      return c.json(result);
    }),
  );

  app.post(
    '/__demo/jobs/:jobId/status',
    withJob(async (c, job) => {
      const body = await readBody(c, statusSpecSchema);
      if (!body.ok) return body.response;
      const { status, progress, abandonReason } = body.value;
      const now = ctx.time();
      if (progress !== undefined) job.progress = progress;
      if (abandonReason !== undefined) job.abandonReason = abandonReason;
      if (status !== undefined && status !== job.status) {
        const step = currentStep(job);
        if (step && status === 'Completed') step.completed = pushEvent(step, now, EVENT_COMPLETED);
        if (step && status === 'Aborted') step.cancelled = now;
        job.status = status;
        detach(ctx, job);
        scheduleNextStep(ctx.world, job, now);
      }
      ctx.world.touch(job, now);
      return c.json(toWorkflowJob(job));
    }),
  );

  app.post(
    '/__demo/jobs/:jobId/pause',
    withJob((c, job) => {
      if (job.status !== 'Active') return jobsError(c, 400, 'Only an Active job can be paused');
      detach(ctx, job);
      pauseJob(ctx.world, job, ctx.time());
      return c.json(toWorkflowJob(job));
    }),
  );

  app.post(
    '/__demo/jobs/:jobId/resume',
    withJob((c, job) => {
      if (job.status !== 'Paused') return jobsError(c, 400, 'Only a Paused job can be resumed');
      const now = ctx.time();
      detach(ctx, job);
      resumeJob(ctx.world, job, now);
      scheduleNextStep(ctx.world, job, now);
      return c.json(toWorkflowJob(job));
    }),
  );

  app.post(
    '/__demo/jobs/:jobId/advance',
    withJob((c, job) => {
      if (job.status === 'Paused') return jobsError(c, 400, 'Resume the job before advancing it');
      if (job.status === 'Completed' || job.status === 'Aborted' || !currentStep(job)) {
        return jobsError(c, 400, 'The job has no step in progress');
      }
      const now = ctx.time();
      detach(ctx, job);
      if (completeStep(ctx.world, job, now) === 'next') scheduleNextStep(ctx.world, job, now);
      return c.json(toWorkflowJob(job));
    }),
  );

  app.put('/__demo/faults', async (c) => {
    const body = await readBody(c, faultsPatchSchema);
    if (!body.ok) return body.response;
    const { jobId, ...patch } = body.value;
    const scope = jobId ? (ctx.world.find(jobId)?.jobId ?? jobId) : null;
    ctx.faults.apply(patch, scope);
    return c.json(ctx.faults.toJSON());
  });

  app.put('/__demo/access', async (c) => {
    const body = await readBody(c, accessSpecSchema);
    if (!body.ok) return body.response;
    ctx.access.clear();
    for (const [token, access] of Object.entries(body.value.tokens)) ctx.access.set(token, access);
    return c.json({ tokens: ctx.access.size });
  });

  app.delete('/__demo/faults', (c) => {
    ctx.faults.clear();
    return c.json(ctx.faults.toJSON());
  });
}
