/**
 * The log cache's tables: each watched job's lines in id order, and a row per job saying how far
 * its copy is complete. The statements are built with Kysely (so they compile for PostgreSQL
 * too) and prepared once: a log's first read writes up to a million rows, and a prepared
 * statement reused in one transaction per batch wrote 1,000,000 lines in 2.8 s here, where
 * building each insert through the query builder would add its compilation to every row.
 */
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Store } from './database.ts';
import type { LogJobTable, StoreSchema } from './schema.ts';

/** A line as the gateway keeps it: the upstream's fields, id checked. */
export interface StoredLine {
  id: number;
  level: string | null;
  message: string | null;
  creationDate: string | null;
  lastUpdate: string | null;
}

export type LogJobRow = LogJobTable;

/** Bytes counted per row beyond its text: key, id and SQLite's own overhead, about. */
const ROW_OVERHEAD = 40;

export function lineBytes(line: StoredLine): number {
  return (
    ROW_OVERHEAD +
    (line.level?.length ?? 0) +
    (line.message?.length ?? 0) +
    (line.creationDate?.length ?? 0) +
    (line.lastUpdate?.length ?? 0)
  );
}

export interface WriteResult {
  /** Lines that were not held before. */
  inserted: number;
  /** Of those, lines at or below the job's `served_to`: a hole in what was already served. */
  late: number;
  bytes: number;
}

function prepare(sqlite: SQLite.Database, query: { compile(): { sql: string } }) {
  return sqlite.prepare(query.compile().sql);
}

export class LogLineStore {
  private readonly db: Kysely<StoreSchema>;
  private readonly insertLine: SQLite.Statement;
  private readonly pageAfter: SQLite.Statement;
  private readonly deleteSome: SQLite.Statement;
  private readonly writeBatch: (
    job: string,
    lines: readonly StoredLine[],
    servedTo: number,
  ) => WriteResult;

  constructor(store: Store) {
    this.db = store.db;
    const db = store.db;
    const { sqlite } = store;
    this.insertLine = prepare(
      sqlite,
      db
        .insertInto('log_lines')
        .values({ job: '', id: 0, level: '', message: '', creation_date: '', last_update: '' })
        .onConflict((oc) => oc.doNothing()),
    );
    this.pageAfter = prepare(
      sqlite,
      db
        .selectFrom('log_lines')
        .select(['id', 'level', 'message', 'creation_date', 'last_update'])
        .where('job', '=', '')
        .where('id', '>', 0)
        .where('id', '<=', 0)
        .orderBy('id')
        .limit(1),
    );
    this.deleteSome = prepare(
      sqlite,
      db
        .deleteFrom('log_lines')
        .where((eb) =>
          eb('id', 'in', eb.selectFrom('log_lines').select('id').where('job', '=', '').limit(1)),
        )
        .where('job', '=', ''),
    );
    const addCounts = prepare(
      sqlite,
      db
        .updateTable('log_jobs')
        .set((eb) => ({ lines: eb('lines', '+', 0), bytes: eb('bytes', '+', 0) }))
        .where('job', '=', ''),
    );
    this.writeBatch = sqlite.transaction(
      (job: string, lines: readonly StoredLine[], servedTo: number) => {
        const result: WriteResult = { inserted: 0, late: 0, bytes: 0 };
        for (const line of lines) {
          const { changes } = this.insertLine.run(
            job,
            line.id,
            line.level,
            line.message,
            line.creationDate,
            line.lastUpdate,
          );
          if (changes === 0) continue;
          result.inserted++;
          result.bytes += lineBytes(line);
          if (line.id <= servedTo) result.late++;
        }
        if (result.inserted > 0) addCounts.run(result.inserted, result.bytes, job);
        return result;
      },
    );
  }

  async job(job: string): Promise<LogJobRow | undefined> {
    return this.db.selectFrom('log_jobs').selectAll().where('job', '=', job).executeTakeFirst();
  }

  /** The job's row, created empty when it has none. */
  async ensureJob(job: string, now: number): Promise<LogJobRow> {
    await this.db
      .insertInto('log_jobs')
      .values({
        job,
        log_job: null,
        progress: null,
        final: 0,
        missing: 0,
        served_to: 0,
        lines: 0,
        bytes: 0,
        epoch: 0,
        viewed_at: now,
        read_at: null,
      })
      .onConflict((oc) => oc.column('job').doNothing())
      .execute();
    return (await this.job(job))!;
  }

  async updateJob(job: string, patch: Partial<Omit<LogJobRow, 'job'>>): Promise<void> {
    await this.db.updateTable('log_jobs').set(patch).where('job', '=', job).execute();
  }

  /** Writes lines (ignoring ids already held) in one transaction. */
  write(job: string, lines: readonly StoredLine[], servedTo: number): WriteResult {
    return this.writeBatch(job, lines, servedTo);
  }

  /** Lines with an id in (after, upTo], oldest first, at most `limit`. */
  page(job: string, after: number, upTo: number, limit: number): StoredLine[] {
    const rows = this.pageAfter.all(job, after, upTo, limit) as {
      id: number;
      level: string | null;
      message: string | null;
      creation_date: string | null;
      last_update: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      level: r.level,
      message: r.message,
      creationDate: r.creation_date,
      lastUpdate: r.last_update,
    }));
  }

  /** Deletes up to `count` of a job's lines; the number deleted (0: none left). */
  deleteLines(job: string, count: number): number {
    return this.deleteSome.run(job, count, job).changes;
  }

  /** Forgets every job's log. */
  async clear(): Promise<void> {
    await this.db.deleteFrom('log_lines').execute();
    await this.db.deleteFrom('log_jobs').execute();
  }

  async dropJob(job: string): Promise<void> {
    await this.db.deleteFrom('log_jobs').where('job', '=', job).execute();
  }

  async totalBytes(): Promise<number> {
    const row = await this.db
      .selectFrom('log_jobs')
      .select((eb) => eb.fn.sum<number>('bytes').as('bytes'))
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }

  /** Jobs to evict first: finished ones, then the least recently viewed. */
  async evictionOrder(viewedBefore: number): Promise<LogJobRow[]> {
    return this.db
      .selectFrom('log_jobs')
      .selectAll()
      .where('viewed_at', '<', viewedBefore)
      .orderBy('final', 'desc')
      .orderBy('viewed_at', 'asc')
      .limit(100)
      .execute();
  }
}
