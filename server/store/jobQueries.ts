/**
 * The job index's queries: portable Kysely (no engine-specific SQL beyond LIKE with ESCAPE), so
 * the same code can run against PostgreSQL.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { JobSort } from '../../src/contract/gateway.ts';
import type { JobBodyTable, JobTable, StoreSchema } from './schema.ts';

export interface JobFilter {
  statuses: readonly string[] | null;
  workflowId: string | null;
  /** Lower-cased search text. */
  q: string | null;
  /** "My jobs": the caller's user id, or name when the upstream gives no id. */
  owner: { userId: string | null; username: string | null } | null;
}

export interface ListQuery extends JobFilter {
  sort: JobSort;
  order: 'asc' | 'desc';
  skip: number;
  limit: number;
}

export const NO_FILTER: JobFilter = { statuses: null, workflowId: null, q: null, owner: null };

/** `%` and `_` in a search are literal text, not LIKE wildcards. */
const likeContains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Up to this many matches of a search are sorted here rather than by the database. */
const FEW_MATCHES = 5_000;

/** The database's order: numbers by value, text by code point (SQLite's BINARY collation). */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  if (x === y) return 0;
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const cx = x.codePointAt(i)!;
    const cy = y.codePointAt(i)!;
    if (cx !== cy) return cx - cy;
    if (cx > 0xffff) i++;
  }
  return x.length - y.length;
}

type JobsQuery<O> = SelectQueryBuilder<StoreSchema, 'jobs', O>;

function where<O>(query: JobsQuery<O>, idx: string, filter: JobFilter): JobsQuery<O> {
  let q = query.where('idx', '=', idx);
  if (filter.statuses) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.workflowId !== null) q = q.where('workflow_id', '=', filter.workflowId);
  if (filter.q) q = q.where(sql<boolean>`search like ${likeContains(filter.q)} escape '\\'`);
  const owner = filter.owner;
  if (owner?.userId) q = q.where('user_id', '=', owner.userId);
  else if (owner) q = q.where('user_name', '=', owner.username ?? '');
  return q;
}

const SORT_COLUMNS: Record<JobSort, readonly (keyof JobTable)[]> = {
  updated: ['updated'],
  created: ['created'],
  title: ['title_key'],
  status: ['status', 'updated'],
};

export class JobIndexStore {
  constructor(readonly db: Kysely<StoreSchema>) {}

  async ensureIndex(key: string, now: number) {
    await this.db
      .insertInto('job_indexes')
      .values({ key, created_at: now, last_used_at: now, passes: 0, last_pass_at: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ last_used_at: now }))
      .execute();
    return this.db
      .selectFrom('job_indexes')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
  }

  async touch(key: string, now: number) {
    await this.db
      .updateTable('job_indexes')
      .set({ last_used_at: now })
      .where('key', '=', key)
      .execute();
  }

  async recordPass(key: string, passes: number, at: number) {
    await this.db
      .updateTable('job_indexes')
      .set({ passes, last_pass_at: at })
      .where('key', '=', key)
      .execute();
  }

  /** Forgets an index and its jobs. */
  async dropIndex(key: string) {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('job_bodies').where('idx', '=', key).execute();
      await trx.deleteFrom('jobs').where('idx', '=', key).execute();
      await trx.deleteFrom('job_indexes').where('key', '=', key).execute();
    });
  }

  async indexKeys(): Promise<{ key: string; last_used_at: number }[]> {
    return this.db.selectFrom('job_indexes').select(['key', 'last_used_at']).execute();
  }

  /**
   * Stores jobs read upstream. A job whose list body is unchanged (same digest) only has its
   * pass and check time moved: a pass over 100,000 unchanged jobs rewrites no index entry.
   */
  async upsert(entries: readonly { row: JobTable; body: JobBodyTable }[]): Promise<number> {
    if (entries.length === 0) return 0;
    let written = 0;
    await this.db.transaction().execute(async (trx) => {
      // 100 rows of 16 values stay far below any engine's limit on bound parameters.
      for (let i = 0; i < entries.length; i += 100) {
        const batch = entries.slice(i, i + 100);
        const { idx, seen_pass, checked_at } = batch[0]!.row;
        const known = new Map(
          (
            await trx
              .selectFrom('jobs')
              .select(['job_id', 'digest'])
              .where('idx', '=', idx)
              .where(
                'job_id',
                'in',
                batch.map((e) => e.row.job_id),
              )
              .execute()
          ).map((r) => [r.job_id, r.digest]),
        );
        const changed = batch.filter((e) => known.get(e.row.job_id) !== e.row.digest);
        const same = batch.filter((e) => known.get(e.row.job_id) === e.row.digest);
        if (same.length > 0) {
          await trx
            .updateTable('jobs')
            .set({ seen_pass, checked_at })
            .where('idx', '=', idx)
            .where(
              'job_id',
              'in',
              same.map((e) => e.row.job_id),
            )
            .execute();
        }
        if (changed.length === 0) continue;
        written += changed.length;
        await trx
          .insertInto('jobs')
          .values(changed.map((e) => e.row))
          .onConflict((oc) =>
            oc.columns(['idx', 'job_id']).doUpdateSet((eb) => ({
              client_job_id: eb.ref('excluded.client_job_id'),
              title_key: eb.ref('excluded.title_key'),
              status: eb.ref('excluded.status'),
              workflow_id: eb.ref('excluded.workflow_id'),
              workflow_name: eb.ref('excluded.workflow_name'),
              user_id: eb.ref('excluded.user_id'),
              user_name: eb.ref('excluded.user_name'),
              created: eb.ref('excluded.created'),
              updated: eb.ref('excluded.updated'),
              search: eb.ref('excluded.search'),
              terminal: eb.ref('excluded.terminal'),
              seen_pass: eb.ref('excluded.seen_pass'),
              checked_at: eb.ref('excluded.checked_at'),
              digest: eb.ref('excluded.digest'),
            })),
          )
          .execute();
        await trx
          .insertInto('job_bodies')
          .values(changed.map((e) => e.body))
          .onConflict((oc) =>
            oc.columns(['idx', 'job_id']).doUpdateSet((eb) => ({ body: eb.ref('excluded.body') })),
          )
          .execute();
      }
    });
    return written;
  }

  async remove(idx: string, jobId: string) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('job_bodies')
        .where('idx', '=', idx)
        .where('job_id', '=', jobId)
        .execute();
      await trx.deleteFrom('jobs').where('idx', '=', idx).where('job_id', '=', jobId).execute();
    });
  }

  /**
   * After complete pass `pass`: drops the jobs that neither it nor the pass before listed. One
   * missed pass is forgiven: a list that shifts while it is paged can hide a job once.
   */
  async sweep(idx: string, pass: number): Promise<number> {
    const gone = await this.db
      .selectFrom('jobs')
      .select('job_id')
      .where('idx', '=', idx)
      .where('seen_pass', '<', pass - 1)
      .execute();
    for (let i = 0; i < gone.length; i += 500) {
      const ids = gone.slice(i, i + 500).map((g) => g.job_id);
      await this.db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('job_bodies')
          .where('idx', '=', idx)
          .where('job_id', 'in', ids)
          .execute();
        await trx.deleteFrom('jobs').where('idx', '=', idx).where('job_id', 'in', ids).execute();
      });
    }
    return gone.length;
  }

  /** Jobs not yet finished, the longest unchecked first: the hot path re-reads these. */
  async dueForRecheck(idx: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select('job_id')
      .where('idx', '=', idx)
      .where('terminal', '=', 0)
      .orderBy('checked_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.job_id);
  }

  async countRunning(idx: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idx', '=', idx)
      .where('terminal', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async size(idx: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idx', '=', idx)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One page of the filtered, sorted jobs (their list bodies) and how many match in all. */
  async list(idx: string, query: ListQuery): Promise<{ total: number; bodies: string[] }> {
    const page = query.q ? await this.searchPage(idx, query) : null;
    const { total, ids } = page ?? (await this.orderedPage(idx, query));
    return { total, bodies: await this.bodies(idx, ids) };
  }

  /** Count, then walk the sort's index to the page. */
  private async orderedPage(idx: string, query: ListQuery) {
    const counted = await where(
      this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')),
      idx,
      query,
    ).executeTakeFirstOrThrow();
    let page = where(this.db.selectFrom('jobs').select('job_id'), idx, query);
    for (const column of SORT_COLUMNS[query.sort]) page = page.orderBy(column, query.order);
    const rows = await page
      .orderBy('job_id', query.order)
      .limit(query.limit)
      .offset(query.skip)
      .execute();
    return { total: Number(counted.n), ids: rows.map((r) => r.job_id) };
  }

  /**
   * A search matches anywhere in the text, so no index orders its matches: a rare one would walk
   * the whole sort index. One scan of the search index instead fetches every match with its sort
   * keys, when they are few, and the page is cut here; null when there are too many.
   */
  private async searchPage(idx: string, query: ListQuery) {
    const matches = await where(
      this.db.selectFrom('jobs').select(['job_id', 'updated', 'created', 'title_key', 'status']),
      idx,
      query,
    )
      .limit(FEW_MATCHES + 1)
      .execute();
    if (matches.length > FEW_MATCHES) return null;
    const direction = query.order === 'asc' ? 1 : -1;
    const keys = SORT_COLUMNS[query.sort];
    matches.sort((a, b) => {
      for (const key of [...keys, 'job_id'] as const) {
        const order = compareValues(a[key as keyof typeof a], b[key as keyof typeof b]);
        if (order !== 0) return order * direction;
      }
      return 0;
    });
    const ids = matches.slice(query.skip, query.skip + query.limit).map((m) => m.job_id);
    return { total: matches.length, ids };
  }

  private async bodies(idx: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('job_bodies')
      .select(['job_id', 'body'])
      .where('idx', '=', idx)
      .where('job_id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((b) => [b.job_id, b.body]));
    return ids.flatMap((id) => {
      const body = byId.get(id);
      return body === undefined ? [] : [body];
    });
  }

  /** Jobs per status for the filter (its `statuses` ignored by the caller's choice). */
  /** The job's body in any index (the log cache reads where its log lives from it). */
  async anyBody(jobId: string): Promise<string | undefined> {
    const keys = (await this.indexKeys()).map((k) => k.key);
    if (keys.length === 0) return undefined;
    const row = await this.db
      .selectFrom('job_bodies')
      .select('body')
      .where('idx', 'in', keys)
      .where('job_id', '=', jobId)
      .executeTakeFirst();
    return row?.body;
  }

  async counts(idx: string, filter: JobFilter): Promise<Record<string, number>> {
    // No prototype: a status string such as "constructor" must count like any other.
    const out: Record<string, number> = Object.create(null) as Record<string, number>;
    if (filter.q) {
      // Grouped by the database, a search reads the table once per job (250 ms at 100,000);
      // the matches' statuses come from one scan of the search index instead.
      const rows = await where(this.db.selectFrom('jobs').select('status'), idx, filter).execute();
      for (const { status } of rows) out[status] = (out[status] ?? 0) + 1;
      return out;
    }
    const rows = await where(
      this.db.selectFrom('jobs').select((eb) => ['status', eb.fn.countAll<number>().as('n')]),
      idx,
      filter,
    )
      .groupBy('status')
      .execute();
    for (const row of rows) out[row.status] = Number(row.n);
    return out;
  }

  /** Every workflow in the index, with a name and its number of jobs. */
  async workflows(
    idx: string,
  ): Promise<{ workflowId: string; name: string | null; jobs: number }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => [
        'workflow_id',
        eb.fn.max('workflow_name').as('name'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('idx', '=', idx)
      .where('workflow_id', 'is not', null)
      .groupBy('workflow_id')
      .execute();
    return rows.map((r) => ({
      workflowId: r.workflow_id as string,
      name: r.name ?? null,
      jobs: Number(r.n),
    }));
  }
}
