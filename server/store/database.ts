/**
 * The embedded store: one SQLite file in DATA_DIR, reached through Kysely so the same queries
 * can run on PostgreSQL. Opening never crash-loops: a file that is not a database, fails its
 * check, or was written by a newer schema is moved aside with one log line and rebuilt (the job
 * index is a cache of the upstream; rebuilding it costs a sync pass, nothing more).
 */
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { MIGRATIONS } from './migrations.ts';
import type { StoreSchema } from './schema.ts';

export const STORE_FILE = 'jobscope.sqlite';

export interface Store {
  db: Kysely<StoreSchema>;
  /** The connection under `db`, for statements prepared once and run many times (the log cache). */
  sqlite: SQLite.Database;
  file: string;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

async function openAt(file: string): Promise<Store> {
  const sqlite = new SQLite(file);
  try {
    // WAL: readers (list queries) never wait for the sync's writes.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): list queries scan indexes of 100,000 jobs
    // (about 30 MB), and from the cache counts take 13 ms instead of 30 ms, a title sort 9
    // instead of 19 (bench/scenarios/jobIndex.ts).
    sqlite.pragma('cache_size = -65536');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, sqlite, file, close: () => db.destroy() };
}

/** A file name beside `file` that nothing uses yet. */
function asideName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${file}.unusable-${stamp}`;
}

export async function openStore(
  dataDir: string,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, STORE_FILE);
  try {
    return await openAt(file);
  } catch (error) {
    const aside = asideName(file, new Date());
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    const reason = error instanceof Error ? error.message : String(error);
    log(
      `Jobscope: the store ${file} cannot be used (${reason}); moved it to ${aside} and ` +
        'started an empty one. The job index fills again from the Jobs API.',
    );
    return openAt(file);
  }
}
