/**
 * Fault injection for the two APIs: the faults in force (faults.ts) strike a request here.
 * Decisions draw from the world's seeded fault stream, so a seed replays the same failures.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { SimContext } from './context.ts';
import { echoOf, errorAnswer, type Echo } from './echo.ts';
import type { ApiName, FaultLayer } from './faults.ts';

const JOBS_NON_JOB_SEGMENTS = new Set(['', 'my', 'workflow']);

/** The job a request is about (jobId), or null for lists and unknown ids. */
export function jobOfRequest(ctx: SimContext, api: ApiName, path: string): string | null {
  const parts = path.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  // ['', 'jobs', 'v1', seg, ...] or ['', 'api', 'v1', 'job', id, 'details', ...]
  let id: string | undefined;
  if (api === 'logs') id = parts[3] === 'job' ? parts[4] : undefined;
  else if (parts[3] === 'bson') id = parts[4];
  else if (!JOBS_NON_JOB_SEGMENTS.has(parts[3] ?? '')) id = parts[3];
  if (!id) return null;
  return ctx.world.find(id)?.jobId ?? id;
}

const TRUNCATED_MIN = 1;

function schemaBreakingBody(api: ApiName): unknown {
  if (api === 'logs') {
    return { status: 'SUCCESS', message: 'Job details', payload: { job: 'unavailable', logs: {} } };
  }
  return [{ id: 42, metadata: 'unavailable' }];
}

function rejectUnauthorized(c: Context, api: ApiName, token: string, echo: Echo | null) {
  if (api === 'jobs') {
    if (c.req.header('authorization') === `Bearer ${token}`) return null;
    return errorAnswer(c, api, 401, 'Authorization has been denied for this request.', echo);
  }
  if (c.req.header('x-auth-jwt') === token) return null;
  return errorAnswer(c, api, 401, 'Invalid or missing token', echo, 'Security');
}

export function faultMiddleware(
  ctx: SimContext,
  api: ApiName,
  layer: FaultLayer = 'upstream',
): MiddlewareHandler {
  return async (c, next) => {
    const spec = ctx.faults.effective(api, jobOfRequest(ctx, api, c.req.path), layer);
    const rng = ctx.world.faultRng;
    if (spec.latencyMs) await new Promise((resolve) => setTimeout(resolve, spec.latencyMs));
    const echo = echoOf(c, spec);
    if (spec.token) {
      const rejected = rejectUnauthorized(c, api, spec.token, echo);
      if (rejected) return rejected;
    }
    if (spec.errorRate && rng.chance(spec.errorRate)) {
      const status = spec.errorStatus ?? 500;
      return errorAnswer(c, api, status, 'Simulated failure', echo);
    }
    await next();
    if (c.res.status < 200 || c.res.status > 299) return;
    if (spec.malformedRate && rng.chance(spec.malformedRate)) {
      const text = await c.res.text();
      const headers = new Headers(c.res.headers);
      headers.delete('content-length');
      const cut = Math.max(TRUNCATED_MIN, Math.floor(text.length / 2));
      c.res = new Response(text.slice(0, cut), { status: 200, headers });
    } else if (spec.schemaRate && rng.chance(spec.schemaRate)) {
      const headers = new Headers(c.res.headers);
      headers.delete('content-length');
      headers.set('content-type', 'application/json');
      const body = JSON.stringify(schemaBreakingBody(api));
      c.res = new Response(body, { status: 200, headers });
    }
  };
}
