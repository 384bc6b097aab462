/**
 * The Jobs API (WorkfloPlus-shaped), as faithful as its documentation and a known client tell:
 * lists paged by skip/limit in one fixed order with no total, no filters, sort or counts; one
 * job by jobId (bson) or clientJobId; abort. Tokens, when /__demo/access names some, decide who
 * the caller is and which jobs they see.
 */
import type { Context, Hono } from 'hono';
import type { SimContext } from './context.ts';
import { jobsError } from './errors.ts';
import { abandonJob } from './lifecycle.ts';
import { TERMINAL_STATUSES, type SimJob } from './model.ts';
import { QueryError, listJobs, parsePage, type ListScope } from './query.ts';
import { toWorkflowJob } from './serialize.ts';

export const ABORT_REASON = 'Aborted from Jobscope';

interface Caller {
  /** Whose jobs `/my/` lists. */
  username: string;
  visible: ListScope['visible'];
}

/** The caller behind the request's bearer token, or the 401 an unknown token gets. */
function callerOf(c: Context, ctx: SimContext): Caller | Response {
  if (ctx.access.size === 0) return { username: ctx.world.defaultUser, visible: null };
  const header = c.req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const access = ctx.access.get(token);
  if (!access) return jobsError(c, 401, 'Authorization has been denied for this request.');
  const own = (job: SimJob) => job.user.username === access.username;
  return { username: access.username, visible: access.sees === 'own' ? own : null };
}

export function registerJobsRoutes(app: Hono, ctx: SimContext): void {
  const list = (c: Context, scope: (caller: Caller) => Partial<ListScope>) => {
    const caller = callerOf(c, ctx);
    if (caller instanceof Response) return caller;
    let page;
    try {
      page = parsePage(c.req.query());
    } catch (error) {
      if (error instanceof QueryError) return jobsError(c, 400, error.message);
      throw error;
    }
    const jobs = listJobs(
      ctx.world,
      { workflowId: null, username: null, visible: caller.visible, ...scope(caller) },
      page,
    );
    return c.json(jobs.map(toWorkflowJob));
  };

  for (const slash of ['', '/']) {
    app.get(`/jobs/v1${slash}`, (c) => list(c, () => ({})));
    app.get(`/jobs/v1/my${slash}`, (c) => list(c, (caller) => ({ username: caller.username })));
    app.get(`/jobs/v1/workflow/:workflowId${slash}`, (c) =>
      list(c, () => ({ workflowId: c.req.param('workflowId') ?? null })),
    );
  }

  /** The job by id, when it exists and the caller may see it. */
  const find = (c: Context, id: string): SimJob | Response => {
    const caller = callerOf(c, ctx);
    if (caller instanceof Response) return caller;
    const job = ctx.world.find(id);
    if (!job || (caller.visible && !caller.visible(job))) {
      return jobsError(c, 404, `Job ${id} not found`);
    }
    return job;
  };

  app.get('/jobs/v1/bson/:jobId', (c) => {
    const job = find(c, c.req.param('jobId'));
    if (job instanceof Response) return job;
    const wire = toWorkflowJob(job);
    // The documented answer is an array of one; a known client reads a bare object.
    const shape = ctx.faults.effective('jobs', job.jobId).bson ?? 'array';
    return c.json(shape === 'object' ? wire : [wire]);
  });

  app.get('/jobs/v1/:clientJobId', (c) => {
    const job = find(c, c.req.param('clientJobId'));
    return job instanceof Response ? job : c.json(toWorkflowJob(job));
  });

  app.post('/jobs/v1/:clientJobId/abort', (c) => {
    const job = find(c, c.req.param('clientJobId'));
    if (job instanceof Response) return job;
    if (TERMINAL_STATUSES.has(job.status)) {
      return jobsError(c, 400, 'Only incomplete jobs can be aborted');
    }
    abandonJob(ctx.world, job, ctx.time(), ABORT_REASON, 'operator');
    job.running = false;
    return c.json(toWorkflowJob(job));
  });
}
