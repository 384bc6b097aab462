/**
 * Schema migrations, applied in name order at start. A store that has run a migration this list
 * does not hold (a newer Jobscope wrote it) is incompatible: it is moved aside and rebuilt.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_job_index': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('job_indexes')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint', (c) => c.notNull())
        .addColumn('passes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_pass_at', 'bigint')
        .execute();
      await db.schema
        .createTable('jobs')
        .addColumn('idx', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('client_job_id', 'text')
        .addColumn('title_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('workflow_id', 'text')
        .addColumn('workflow_name', 'text')
        .addColumn('user_id', 'text')
        .addColumn('user_name', 'text')
        .addColumn('created', 'bigint', (c) => c.notNull())
        .addColumn('updated', 'bigint', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('terminal', 'integer', (c) => c.notNull())
        .addColumn('seen_pass', 'integer', (c) => c.notNull())
        .addColumn('checked_at', 'bigint', (c) => c.notNull())
        /** A digest of the list body: an unchanged job is not written again. */
        .addColumn('digest', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('jobs_pk', ['idx', 'job_id'])
        .execute();
      // Each sort's index also holds the filter columns but the search text, so a filtered page
      // walks one index and never the table. `q` scans jobs_search instead, which holds every
      // column a query reads (a table read per job costs 550 ms at 100,000 jobs).
      const filters = ['status', 'workflow_id', 'user_id', 'user_name'] as const;
      const indexes: [string, readonly string[]][] = [
        ['jobs_by_updated', ['idx', 'updated', 'job_id', ...filters]],
        ['jobs_by_created', ['idx', 'created', 'job_id', ...filters]],
        ['jobs_by_title', ['idx', 'title_key', 'job_id', ...filters]],
        ['jobs_by_status', ['idx', 'status', 'updated', 'job_id', ...filters.slice(1)]],
        ['jobs_search', ['idx', 'search', 'job_id', 'updated', 'created', 'title_key', ...filters]],
        // Counts and workflow choices without a table read.
        ['jobs_by_workflow', ['idx', 'workflow_id', 'status', 'workflow_name']],
        ['jobs_by_owner_id', ['idx', 'user_id', 'status']],
        ['jobs_by_owner_name', ['idx', 'user_name', 'status']],
        ['jobs_hot', ['idx', 'terminal', 'checked_at']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema
          .createIndex(name)
          .on('jobs')
          .columns([...columns])
          .execute();
      }
      await db.schema
        .createTable('job_bodies')
        .addColumn('idx', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_bodies_pk', ['idx', 'job_id'])
        .execute();
    },
  },
  '0002_log_cache': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('log_jobs')
        .addColumn('job', 'text', (c) => c.primaryKey())
        .addColumn('log_job', 'text')
        .addColumn('progress', 'text')
        .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('missing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('served_to', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('lines', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('epoch', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('viewed_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('log_jobs_by_use')
        .on('log_jobs')
        .columns(['final', 'viewed_at'])
        .execute();
      // Clustered by (job, id): a page is one range read. WITHOUT ROWID is SQLite's; a
      // PostgreSQL migration leaves the clause out (its primary key index serves the same read).
      await db.schema
        .createTable('log_lines')
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('id', 'bigint', (c) => c.notNull())
        .addColumn('level', 'text')
        .addColumn('message', 'text')
        .addColumn('creation_date', 'text')
        .addColumn('last_update', 'text')
        .addPrimaryKeyConstraint('log_lines_pk', ['job', 'id'])
        .modifyEnd(sql`without rowid`)
        .execute();
    },
  },
};
