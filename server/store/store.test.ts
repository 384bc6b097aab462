import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowJob } from '../../src/contract/index.ts';
import { openStore, STORE_FILE, type Store } from './database.ts';
import { JobIndexStore, NO_FILTER, type ListQuery } from './jobQueries.ts';
import { jobRowOf } from './jobRows.ts';

let dir: string;
let store: Store | undefined;
const logs: string[] = [];
const open = async () => (store = await openStore(dir, (line) => logs.push(line)));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobscope-store-'));
  logs.length = 0;
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function job(id: string, patch: Partial<WorkflowJob['metadata']> = {}): WorkflowJob {
  return {
    jobId: id,
    metadata: {
      jobTitle: `Job ${id}`,
      status: 'Active',
      workflowId: 'wf-a',
      workflowName: 'Alpha',
      username: 'ann@example.com',
      userId: 'u-ann',
      created: '2026-03-01T10:00:00.000Z',
      updated: '2026-03-01T10:00:00.000Z',
      ...patch,
    },
    completedSteps: [{ stepTitle: 'done' }],
    team: 'ops',
  };
}

const put = (index: JobIndexStore, jobs: WorkflowJob[], pass = 1, idx = 'k') =>
  index.upsert(jobs.map((j) => jobRowOf(idx, j, j as Record<string, unknown>, pass, 1000)));

const query = (patch: Partial<ListQuery> = {}): ListQuery => ({
  ...NO_FILTER,
  sort: 'updated',
  order: 'desc',
  skip: 0,
  limit: 20,
  ...patch,
});

const ids = (bodies: string[]) => bodies.map((b) => (JSON.parse(b) as WorkflowJob).jobId);

describe('the job index store', () => {
  it('filters, sorts, pages and counts like the list asks', async () => {
    const index = new JobIndexStore((await open()).db);
    await put(index, [
      job('a', { updated: '2026-03-01T10:00:03Z', jobTitle: 'Pump check', status: 'Paused' }),
      job('b', {
        updated: '2026-03-01T10:00:01Z',
        jobTitle: 'boiler 50% check',
        workflowId: 'wf-b',
        workflowName: 'Beta',
      }),
      job('c', {
        updated: '2026-03-01T10:00:02Z',
        jobTitle: 'Audit',
        status: 'Completed',
        username: 'bo@example.com',
        userId: 'u-bo',
      }),
      job('d', { updated: 'not a date', jobTitle: 'zeta', status: 'Quarantined' }),
    ]);
    expect(ids((await index.list('k', query())).bodies)).toEqual(['a', 'c', 'b', 'd']);
    expect(ids((await index.list('k', query({ order: 'asc' }))).bodies)).toEqual([
      'd',
      'b',
      'c',
      'a',
    ]);
    expect(ids((await index.list('k', query({ sort: 'title', order: 'asc' }))).bodies)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
    expect(ids((await index.list('k', query({ sort: 'status', order: 'asc' }))).bodies)).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);

    const active = await index.list('k', query({ statuses: ['Active', 'Paused'] }));
    expect(active.total).toBe(2);
    expect(ids(active.bodies)).toEqual(['a', 'b']);
    expect((await index.list('k', query({ workflowId: 'wf-b' }))).total).toBe(1);
    // `q`: case-insensitive on title, id and user; % and _ are literal.
    expect(ids((await index.list('k', query({ q: 'pump' }))).bodies)).toEqual(['a']);
    expect(ids((await index.list('k', query({ q: '50%' }))).bodies)).toEqual(['b']);
    expect((await index.list('k', query({ q: '5_%' }))).total).toBe(0);
    expect(ids((await index.list('k', query({ q: 'bo@' }))).bodies)).toEqual(['c']);
    expect(
      ids((await index.list('k', query({ owner: { userId: 'u-bo', username: null } }))).bodies),
    ).toEqual(['c']);

    const page = await index.list('k', query({ skip: 1, limit: 2 }));
    expect(page).toMatchObject({ total: 4 });
    expect(ids(page.bodies)).toEqual(['c', 'b']);

    expect({ ...(await index.counts('k', NO_FILTER)) }).toEqual({
      Active: 1,
      Paused: 1,
      Completed: 1,
      Quarantined: 1,
    });
    expect(await index.workflows('k')).toEqual(
      expect.arrayContaining([
        { workflowId: 'wf-a', name: 'Alpha', jobs: 3 },
        { workflowId: 'wf-b', name: 'Beta', jobs: 1 },
      ]),
    );
  });

  it('serves list bodies without completed or cancelled steps', async () => {
    const index = new JobIndexStore((await open()).db);
    await put(index, [job('a')]);
    const [body] = (await index.list('k', query())).bodies;
    expect(JSON.parse(body!)).not.toHaveProperty('completedSteps');
    expect(JSON.parse(body!)).toMatchObject({ jobId: 'a', team: 'ops' });
  });

  it('keeps indexes apart', async () => {
    const index = new JobIndexStore((await open()).db);
    await put(index, [job('a')], 1, 'one');
    await put(index, [job('b')], 1, 'two');
    expect(ids((await index.list('one', query())).bodies)).toEqual(['a']);
    await index.dropIndex('two');
    expect((await index.list('two', query())).total).toBe(0);
    expect((await index.list('one', query())).total).toBe(1);
  });

  it('sweeps only jobs that two complete passes did not list', async () => {
    const index = new JobIndexStore((await open()).db);
    await put(index, [job('old')], 1);
    await put(index, [job('kept')], 2);
    await put(index, [job('new')], 3);
    expect(await index.sweep('k', 3)).toBe(1);
    expect(ids((await index.list('k', query())).bodies).sort()).toEqual(['kept', 'new']);
  });

  it('re-reads unfinished jobs, the longest unchecked first', async () => {
    const index = new JobIndexStore((await open()).db);
    await index.upsert([
      jobRowOf('k', job('late'), {}, 1, 3000),
      jobRowOf('k', job('early'), {}, 1, 1000),
      jobRowOf('k', job('done', { status: 'Completed' }), {}, 1, 0),
    ]);
    expect(await index.dueForRecheck('k', 10)).toEqual(['early', 'late']);
    expect(await index.countRunning('k')).toBe(2);
  });

  it('keeps its data across a restart', async () => {
    const index = new JobIndexStore((await open()).db);
    await index.ensureIndex('k', 5);
    await index.recordPass('k', 3, 1234);
    await put(index, [job('a')]);
    await store!.close();
    const again = new JobIndexStore((await open()).db);
    expect((await again.list('k', query())).total).toBe(1);
    expect(await again.ensureIndex('k', 9)).toMatchObject({ passes: 3, last_pass_at: 1234 });
    expect(logs).toEqual([]);
  });

  it('moves a corrupt file aside with one log line and starts empty', async () => {
    writeFileSync(path.join(dir, STORE_FILE), 'this is not a database'.repeat(500));
    const index = new JobIndexStore((await open()).db);
    expect((await index.list('k', query())).total).toBe(0);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /cannot be used \(.*\); moved it to .*\.unusable-.* and started an empty one/,
    );
    const aside = readdirSync(dir).filter((f) => f.includes('.unusable-'));
    expect(aside).toHaveLength(1);
    await put(index, [job('a')]);
    expect((await index.list('k', query())).total).toBe(1);
  });

  it('moves aside a store written by a newer schema', async () => {
    await (await open()).close();
    const raw = new SQLite(path.join(dir, STORE_FILE));
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_future', 'x')").run();
    raw.close();
    await open();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('9999_future');
    expect(existsSync(path.join(dir, STORE_FILE))).toBe(true);
  });
});
