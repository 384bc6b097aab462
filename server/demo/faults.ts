/**
 * Fault injection for the two APIs: set through /__demo/faults, global or scoped to one job.
 * Decisions draw from the world's seeded fault stream, so a seed replays the same failures.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { SimContext } from './context.ts';
import { jobsError, logsError } from './errors.ts';
import type { FaultsPatch, FaultsState, JobsFaultSpec, LogsFaultSpec } from './spec.ts';

export type ApiName = 'jobs' | 'logs';
type Spec<A extends ApiName> = A extends 'jobs' ? JobsFaultSpec : LogsFaultSpec;

/**
 * Where a fault strikes: at the upstream double (the gateway must survive it) or at the edge, in
 * the gateway's answers to the browser (the app must survive it).
 */
export type FaultLayer = 'upstream' | 'edge';
type LayerSpecs = { jobs: JobsFaultSpec; logs: LogsFaultSpec };
const empty = (): LayerSpecs => ({ jobs: {}, logs: {} });

/** Merges a patch: keys present overwrite, `token: null` removes the token. */
function merge<T extends { token?: string | null }>(target: T, patch: T | undefined): T {
  const next = { ...target, ...patch };
  if (next.token === null) delete next.token;
  return next;
}

export class Faults {
  private global: Record<FaultLayer, LayerSpecs> = { upstream: empty(), edge: empty() };
  private readonly byJob = new Map<string, Record<FaultLayer, LayerSpecs>>();

  apply(patch: FaultsPatch, jobId: string | null): void {
    const current = jobId
      ? (this.byJob.get(jobId) ?? { upstream: empty(), edge: empty() })
      : this.global;
    const layer = (specs: LayerSpecs, change: Partial<LayerSpecs> | undefined): LayerSpecs => ({
      jobs: merge(specs.jobs, change?.jobs),
      logs: merge(specs.logs, change?.logs),
    });
    const next = {
      upstream: layer(current.upstream, patch),
      edge: layer(current.edge, patch.edge),
    };
    if (jobId) this.byJob.set(jobId, next);
    else this.global = next;
  }

  clear(): void {
    this.global = { upstream: empty(), edge: empty() };
    this.byJob.clear();
  }

  /** The spec in force for a request: global, overridden by the job's own. */
  effective<A extends ApiName>(
    api: A,
    jobId: string | null,
    layer: FaultLayer = 'upstream',
  ): Spec<A> {
    const scoped = jobId ? this.byJob.get(jobId)?.[layer][api] : undefined;
    return { ...this.global[layer][api], ...scoped } as Spec<A>;
  }

  toJSON(): FaultsState {
    const byJob = Object.fromEntries(
      [...this.byJob].map(([id, layers]) => [id, { ...layers.upstream, edge: layers.edge }]),
    );
    return { ...this.global.upstream, edge: this.global.edge, byJob };
  }
}

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

/** What an error body quotes with `echoRequest`: the request, credentials included. */
function echoOf(c: Context, spec: { echoRequest?: boolean }): object {
  if (!spec.echoRequest) return {};
  const headers = Object.fromEntries(c.req.raw.headers);
  return { request: { method: c.req.method, path: c.req.path, headers } };
}

function rejectUnauthorized(c: Context, api: ApiName, token: string, echo: object) {
  if (api === 'jobs') {
    if (c.req.header('authorization') === `Bearer ${token}`) return null;
    return jobsError(c, 401, 'Authorization has been denied for this request.', echo);
  }
  if (c.req.header('x-auth-jwt') === token) return null;
  return logsError(c, 401, 'Invalid or missing token', 'Security', echo);
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
      return api === 'jobs'
        ? jobsError(c, status, 'Simulated failure', echo)
        : logsError(c, status, 'Simulated failure', 'Server', echo);
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
