/**
 * The list, counts, workflow choices and freshness, answered from the credential's job index:
 * the extensions the app relies on, which no real Jobs API has.
 */
import type { Context } from 'hono';
import {
  JOB_SORTS,
  MAX_PAGE_SIZE,
  TOTAL_COUNT_HEADER,
  type Freshness,
  type JobCounts,
  type JobSort,
} from '../../../src/contract/index.ts';
import type { JobFilter, ListQuery } from '../../store/jobQueries.ts';
import { AUTH_HEADER } from '../upstream.ts';
import type { Credential, JobIndexes } from './registry.ts';
import type { IndexSync } from './sync.ts';

/** How long a request on a brand-new index waits for its first upstream answer. */
const FIRST_READ_WAIT_MS = 5_000;
const MAX_SKIP = 1_000_000;
const KNOWN_STATUSES = ['Active', 'Paused', 'Completed', 'Aborted'];

export const MINE_WITH_SERVER_TOKEN =
  'My jobs needs your own sign-in: this server reads the Jobs API with one token for everyone ' +
  '(JOBS_API_TOKEN), so it cannot tell which jobs are yours.';

class BadQuery extends Error {}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function integer(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BadQuery(
      `${name} must be an integer from ${min} to ${max}, got "${raw.slice(0, 20)}"`,
    );
  }
  return value;
}

function filterOf(params: URLSearchParams): Omit<JobFilter, 'owner'> {
  const statuses = params
    .getAll('status')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const q = params.get('q')?.trim().toLowerCase();
  return {
    statuses: statuses.length ? statuses : null,
    workflowId: params.get('workflowId') || null,
    q: q || null,
  };
}

function listQueryOf(params: URLSearchParams): Omit<ListQuery, 'owner'> {
  const sort = params.get('sort') ?? 'updated';
  if (!(JOB_SORTS as readonly string[]).includes(sort)) {
    throw new BadQuery(`sort must be one of ${JOB_SORTS.join(', ')}`);
  }
  const order = params.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new BadQuery('order must be asc or desc');
  return {
    ...filterOf(params),
    sort: sort as JobSort,
    order,
    skip: integer(params, 'skip', 0, 0, MAX_SKIP),
    limit: integer(params, 'limit', 20, 1, MAX_PAGE_SIZE),
  };
}

export class IndexedJobs {
  constructor(private readonly indexes: JobIndexes) {}

  private credential(c: Context): Credential {
    return this.indexes.credentialOf(c.req.header(AUTH_HEADER.jobs));
  }

  /**
   * The index for this request, ready to answer; or the upstream's refusal when it has nothing
   * to show (a missing or wrong token is the browser's to fix: the app asks for one).
   */
  private async index(c: Context): Promise<{ sync: IndexSync } | { refusal: Response }> {
    const credential = this.credential(c);
    const sync = await this.indexes.indexFor(credential);
    if (sync.firstPass && !sync.progress?.jobs) await sync.ready(FIRST_READ_WAIT_MS);
    const refused = sync.authFailure;
    if (refused) {
      if (credential.kind === 'server') {
        return {
          refusal: c.json(
            { message: `The Jobs API refused the server's token (${refused.status}).` },
            502,
          ),
        };
      }
      const body = refused.body ?? { message: refused.message };
      // A token the upstream never accepted will not start to: its index is not kept.
      if (credential.kind === 'browser' && sync.lastReadAt === null) {
        await this.indexes.drop(credential.key);
      }
      return { refusal: c.json(body as object, refused.status as 401 | 403) };
    }
    return { sync };
  }

  /**
   * "My jobs" as a filter; null when the upstream's `/my/` listed no job for this caller (so none
   * of the index's jobs is theirs); or a reason it cannot be had.
   */
  private owner(
    c: Context,
    sync: IndexSync,
  ): NonNullable<JobFilter['owner']> | null | { reason: string } {
    if (this.credential(c).kind === 'server') return { reason: MINE_WITH_SERVER_TOKEN };
    return sync.owner ?? null;
  }

  private async answer(c: Context, work: (sync: IndexSync) => Promise<Response>) {
    try {
      const ready = await this.index(c);
      if ('refusal' in ready) return ready.refusal;
      return await work(ready.sync);
    } catch (error) {
      if (error instanceof BadQuery) return c.json({ message: `Refused: ${error.message}` }, 400);
      throw error;
    }
  }

  list(mine: boolean) {
    return (c: Context) =>
      this.answer(c, async (sync) => {
        const params = new URL(c.req.url).searchParams;
        const query = listQueryOf(params);
        const owner = mine ? this.owner(c, sync) : null;
        if (owner && 'reason' in owner) return c.json({ message: owner.reason }, 400);
        const { total, bodies } =
          mine && owner === null
            ? { total: 0, bodies: [] }
            : await this.indexes.options.store.list(sync.key, { ...query, owner });
        return c.body(`[${bodies.join(',')}]`, 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
          [TOTAL_COUNT_HEADER]: String(total),
        });
      });
  }

  counts() {
    return (c: Context) =>
      this.answer(c, async (sync) => {
        const params = new URL(c.req.url).searchParams;
        const mine = ['true', '1'].includes(params.get('mine') ?? '');
        const owner = mine ? this.owner(c, sync) : null;
        if (owner && 'reason' in owner) return c.json({ message: owner.reason }, 400);
        const found =
          mine && owner === null
            ? {}
            : await this.indexes.options.store.counts(sync.key, { ...filterOf(params), owner });
        const statuses: Record<string, number> = Object.create(null) as Record<string, number>;
        for (const status of KNOWN_STATUSES) statuses[status] = 0;
        let total = 0;
        for (const [status, n] of Object.entries(found)) {
          statuses[status] = n;
          total += n;
        }
        const counts: JobCounts = { total, statuses };
        return c.json(counts, 200, { 'Cache-Control': 'no-store' });
      });
  }

  workflows() {
    return (c: Context) =>
      this.answer(c, async (sync) =>
        c.json(await this.indexes.options.store.workflows(sync.key), 200, {
          'Cache-Control': 'no-store',
        }),
      );
  }

  /** A job the upstream answered on its way to the browser (bson, abort) goes into the index. */
  async observe(c: Context, response: Response, jobId: string | undefined): Promise<void> {
    const sync = await this.indexes.indexFor(this.credential(c));
    if (response.status === 404 && jobId !== undefined) return sync.forget(jobId);
    if (!response.ok) return;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    const raw = Array.isArray(body) ? (body as unknown[])[0] : body;
    if (raw !== undefined) await sync.note(raw);
  }

  /** The answer of an extension route. */
  handle(extension: 'list' | 'mine' | 'counts' | 'workflows' | 'freshness', c: Context) {
    switch (extension) {
      case 'list':
        return this.list(false)(c);
      case 'mine':
        return this.list(true)(c);
      case 'counts':
        return this.counts()(c);
      case 'workflows':
        return this.workflows()(c);
      case 'freshness':
        return this.freshness()(c);
    }
  }

  freshness() {
    return (c: Context) =>
      this.answer(c, async (sync) => {
        const owner = this.owner(c, sync);
        const freshness: Freshness = {
          index: 'on',
          jobs: await this.indexes.options.store.size(sync.key),
          firstPass: sync.firstPass,
          pass: sync.progress,
          lastPassAt: iso(sync.lastPassAt),
          lastReadAt: iso(sync.lastReadAt),
          lastError: sync.lastError
            ? { message: sync.lastError.message, at: new Date(sync.lastError.at).toISOString() }
            : null,
          skipped: sync.skipped,
          recheckSeconds: sync.recheckMs === null ? null : Math.round(sync.recheckMs / 1000),
          mine:
            owner && 'reason' in owner
              ? { available: false, reason: owner.reason }
              : { available: true, reason: null },
        };
        return c.json(freshness, 200, { 'Cache-Control': 'no-store' });
      });
  }
}
