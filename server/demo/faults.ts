/**
 * The faults in force for the two APIs: set through /__demo/faults, global or scoped to one job.
 * faultMiddleware.ts makes them strike.
 */
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
