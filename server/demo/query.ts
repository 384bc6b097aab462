/** List parameters of the Jobs API: parsing with clear 400s, then filter, sort and page. */
import type { JobCounts } from '../../src/api/schemas.ts';
import type { SortKey } from './jobIndex.ts';
import { searchText, type SimJob } from './model.ts';
import type { World } from './world.ts';

export interface ListFilter {
  statuses: Set<string> | null;
  workflowId: string | null;
  username: string | null;
  q: string | null;
}

export interface ListQuery extends ListFilter {
  skip: number;
  limit: number;
  sort: SortKey;
  order: 'asc' | 'desc';
}

export class QueryError extends Error {}

const SORTS: readonly SortKey[] = ['updated', 'created', 'title', 'status'];

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

export function parseFilter(params: Record<string, string>): ListFilter {
  const statuses = (params.status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const q = params.q?.trim().toLowerCase();
  return {
    statuses: statuses.length ? new Set(statuses) : null,
    workflowId: params.workflowId || null,
    username: null,
    q: q || null,
  };
}

export function parseListQuery(params: Record<string, string>): ListQuery {
  const skip = integer(params.skip, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = integer(params.limit, 'limit', 20, 1, 100);
  const sort = params.sort ?? 'updated';
  if (!(SORTS as readonly string[]).includes(sort)) {
    throw new QueryError(
      `Invalid query parameter 'sort': expected one of ${SORTS.join(', ')}, got '${sort}'`,
    );
  }
  const order = params.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new QueryError(`Invalid query parameter 'order': expected asc or desc, got '${order}'`);
  }
  return { ...parseFilter(params), skip, limit, sort: sort as SortKey, order };
}

function matcher(filter: ListFilter): (job: SimJob) => boolean {
  const { statuses, workflowId, username, q } = filter;
  return (job) =>
    (statuses === null || statuses.has(job.status)) &&
    (workflowId === null || job.workflow.workflowId === workflowId) &&
    (username === null || job.user.username === username) &&
    (q === null || searchText(job).includes(q));
}

export function listJobs(world: World, query: ListQuery): { total: number; page: SimJob[] } {
  const order = world.index.sorted(query.sort, () => world.jobs.values());
  const matches = matcher(query);
  const page: SimJob[] = [];
  let total = 0;
  const end = query.skip + query.limit;
  const visit = (job: SimJob) => {
    if (!matches(job)) return;
    if (total >= query.skip && total < end) page.push(job);
    total++;
  };
  if (query.order === 'asc') for (let i = 0; i < order.length; i++) visit(order[i] as SimJob);
  else for (let i = order.length - 1; i >= 0; i--) visit(order[i] as SimJob);
  return { total, page };
}

const KNOWN_STATUSES = ['Active', 'Paused', 'Completed', 'Aborted'];

export function countJobs(world: World, filter: ListFilter): JobCounts {
  // No prototype: a status string such as "constructor" must count like any other.
  const statuses: Record<string, number> = Object.create(null);
  for (const status of KNOWN_STATUSES) statuses[status] = 0;
  const matches = matcher(filter);
  let total = 0;
  for (const job of world.jobs.values()) {
    if (!matches(job)) continue;
    total++;
    statuses[job.status] = (statuses[job.status] ?? 0) + 1;
  }
  return { total, statuses };
}
