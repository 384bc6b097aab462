/**
 * The Jobs API's list as the real one pages it: `skip` and `limit` only, one fixed order (most
 * recently updated first), no total. Whatever else a client sends is ignored, as upstream.
 */
import type { SimJob } from './model.ts';
import type { World } from './world.ts';

export interface ListScope {
  workflowId: string | null;
  username: string | null;
  /** Jobs the caller's token may see (null: all). */
  visible: ((job: SimJob) => boolean) | null;
}

export interface ListPage {
  skip: number;
  limit: number;
}

export class QueryError extends Error {}

export const MAX_LIMIT = 100;

function integer(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new QueryError(
      `Invalid query parameter '${name}': expected an integer ${range}, got '${raw}'`,
    );
  }
  return value;
}

export function parsePage(params: Record<string, string>): ListPage {
  return {
    skip: integer(params.skip, 'skip', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: integer(params.limit, 'limit', 20, 1, MAX_LIMIT),
  };
}

export function listJobs(world: World, scope: ListScope, page: ListPage): SimJob[] {
  const order = world.index.sorted('updated', () => world.jobs.values());
  if (scope.workflowId === null && scope.username === null && !scope.visible) {
    // Newest last in the kept order: a page is a slice from the end.
    const from = Math.max(0, order.length - page.skip - page.limit);
    return order.slice(from, Math.max(0, order.length - page.skip)).reverse();
  }
  const out: SimJob[] = [];
  let seen = 0;
  const end = page.skip + page.limit;
  for (let i = order.length - 1; i >= 0 && seen < end; i--) {
    const job = order[i] as SimJob;
    if (scope.workflowId !== null && job.workflow.workflowId !== scope.workflowId) continue;
    if (scope.username !== null && job.user.username !== scope.username) continue;
    if (scope.visible && !scope.visible(job)) continue;
    if (seen >= page.skip) out.push(job);
    seen++;
  }
  return out;
}
