/** The Jobs API (WorkfloPlus-shaped): lists with filters, counts, one job, abort. */
import type { Context, Hono } from 'hono';
import type { SimContext } from './context.ts';
import { jobsError } from './errors.ts';
import { abandonJob } from './lifecycle.ts';
import { TERMINAL_STATUSES } from './model.ts';
import {
  QueryError,
  countJobs,
  listJobs,
  parseFilter,
  parseListQuery,
  type ListFilter,
} from './query.ts';
import { toWorkflowJob } from './serialize.ts';

export const ABORT_REASON = 'Aborted from Jobscope';

/** Query parameters; `status` may be comma-separated, repeated, or both. */
function params(c: Context): Record<string, string> {
  const all = c.req.query();
  const statuses = c.req.queries('status');
  return statuses ? { ...all, status: statuses.join(',') } : all;
}

export function registerJobsRoutes(app: Hono, ctx: SimContext): void {
  const list = (c: Context, scope: Partial<ListFilter>) => {
    let query;
    try {
      query = { ...parseListQuery(params(c)), ...scope };
    } catch (error) {
      if (error instanceof QueryError) return jobsError(c, 400, error.message);
      throw error;
    }
    const { total, page } = listJobs(ctx.world, query);
    if (ctx.faults.effective('jobs', null).totalCount !== false) {
      c.header('X-Total-Count', String(total));
    }
    return c.json(page.map(toWorkflowJob));
  };

  const mineScope = () => ({ username: ctx.world.defaultUser });

  const counts = (c: Context, scope: Partial<ListFilter>) => {
    if (ctx.faults.effective('jobs', null).counts === false) {
      return jobsError(c, 404, 'Not Found');
    }
    // `mine=true` on the shared path, as the app asks; `/my/counts` says the same by path.
    const mine = ['true', '1'].includes(c.req.query('mine') ?? '') ? mineScope() : {};
    return c.json(countJobs(ctx.world, { ...parseFilter(params(c)), ...mine, ...scope }));
  };

  for (const slash of ['', '/']) {
    app.get(`/jobs/v1${slash}`, (c) => list(c, {}));
    app.get(`/jobs/v1/my${slash}`, (c) => list(c, mineScope()));
    app.get(`/jobs/v1/counts${slash}`, (c) => counts(c, {}));
    app.get(`/jobs/v1/my/counts${slash}`, (c) => counts(c, mineScope()));
    app.get(`/jobs/v1/workflow/:workflowId${slash}`, (c) =>
      list(c, { workflowId: c.req.param('workflowId') }),
    );
  }

  const notFound = (c: Context, id: string) => jobsError(c, 404, `Job ${id} not found`);

  app.get('/jobs/v1/bson/:jobId', (c) => {
    const id = c.req.param('jobId');
    const job = ctx.world.find(id);
    if (!job) return notFound(c, id);
    const wire = toWorkflowJob(job);
    // The documented answer is an array of one; a known client reads a bare object.
    const shape = ctx.faults.effective('jobs', job.jobId).bson ?? 'array';
    return c.json(shape === 'object' ? wire : [wire]);
  });

  app.get('/jobs/v1/:clientJobId', (c) => {
    const id = c.req.param('clientJobId');
    const job = ctx.world.find(id);
    return job ? c.json(toWorkflowJob(job)) : notFound(c, id);
  });

  app.post('/jobs/v1/:clientJobId/abort', (c) => {
    const id = c.req.param('clientJobId');
    const job = ctx.world.find(id);
    if (!job) return notFound(c, id);
    if (TERMINAL_STATUSES.has(job.status)) {
      return jobsError(c, 400, 'Only incomplete jobs can be aborted');
    }
    abandonJob(ctx.world, job, ctx.time(), ABORT_REASON, 'operator');
    job.running = false;
    return c.json(toWorkflowJob(job));
  });
}
