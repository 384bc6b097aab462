import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../../server/testGateway.ts';
import { setFetch } from '../../api/client';
import { serveGateway } from '../../test/apiGateway';
import { jobKeys } from '../../api/queryKeys';
import { fetchJobCounts, fetchJobList, jobListKeys, jobListOptions } from './api';

let gw: TestGateway;

const demo = <T = unknown>(method: string, path: string, body?: unknown) =>
  gw.demo<T>(method, path, body);

beforeEach(async () => {
  gw = await serveGateway();
  await gw.passes(1);
});

afterEach(async () => {
  setFetch(null);
  await gw.stop();
});

describe('job keys', () => {
  it('go from general to specific', () => {
    expect(jobKeys.all).toEqual(['jobs']);
    expect(jobListKeys.list({ q: 'pump' }).slice(0, 2)).toEqual(jobKeys.lists());
    expect(jobListKeys.counts({}).slice(0, 2)).toEqual(jobKeys.allCounts());
    expect(jobKeys.detail('a').slice(0, 2)).toEqual(jobKeys.details());
  });

  it('ignore empty filters, and counts ignore paging', () => {
    expect(jobListKeys.list({ q: '', status: [], skip: 0 })).toEqual(jobListKeys.list({}));
    expect(jobListKeys.counts({ q: 'x', skip: 40, sort: 'title' })).toEqual(
      jobListKeys.counts({ q: 'x' }),
    );
  });
});

describe('job lists', () => {
  it('filters, sorts, pages and reads X-Total-Count', async () => {
    const all = await fetchJobList({ limit: 100 });
    expect(all.total).toBe(all.jobs.length);

    const completed = all.jobs.filter((j) => j.metadata.status === 'Completed').length;
    expect(completed).toBeGreaterThan(2);
    const page = await fetchJobList({
      status: ['Completed'],
      sort: 'title',
      order: 'asc',
      limit: 2,
    });
    expect(page.total).toBe(completed);
    expect(page.jobs).toHaveLength(2);
    expect(page.jobs.every((j) => j.metadata.status === 'Completed')).toBe(true);
    const titles = page.jobs.map((j) => j.metadata.jobTitle ?? '');
    expect([...titles].sort((a, b) => a.localeCompare(b))).toEqual(titles);

    const next = await fetchJobList({
      status: ['Completed'],
      sort: 'title',
      order: 'asc',
      skip: 2,
      limit: 2,
    });
    expect(next.jobs[0]?.jobId).not.toBe(page.jobs[0]?.jobId);
  });

  it("reads the caller's jobs from /my/", async () => {
    const { currentUser } = await demo<{ currentUser: string }>('GET', '/__demo/state');
    const mine = await fetchJobList({ mine: true, limit: 100 });
    expect(mine.jobs.length).toBeGreaterThan(0);
    expect(mine.jobs.every((j) => j.metadata.username === currentUser)).toBe(true);
  });

  it('says null when the server sends no total (the job index is off)', async () => {
    await gw.stop();
    gw = await serveGateway({ config: { jobsIndex: false } });
    const page = await fetchJobList({ limit: 5 });
    expect(page.jobs).toHaveLength(5);
    expect(page.total).toBeNull();
  });

  it('is what jobListOptions fetches', async () => {
    const client = new QueryClient();
    const result = await client.fetchQuery(jobListOptions({ limit: 3 }));
    expect(result.jobs).toHaveLength(3);
    expect(client.getQueryData(jobListKeys.list({ limit: 3 }))).toBe(result);
  });
});

describe('job counts', () => {
  it('counts jobs per status for the filters', async () => {
    const counts = await fetchJobCounts({});
    expect(counts?.total).toBe(60);
    const sum = Object.values(counts?.statuses ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBe(60);
  });

  it('is null when the server has no counts (the job index is off)', async () => {
    await gw.stop();
    gw = await serveGateway({ config: { jobsIndex: false } });
    expect(await fetchJobCounts({})).toBeNull();
  });
});
