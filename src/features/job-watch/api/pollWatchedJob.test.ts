import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testGateway, type TestGateway } from '../../../../server/testGateway.ts';
import { setFetch } from '../../../api/client';
import type { WorkflowJob } from '../../../contract';
import { jobDetailOptions } from '../../job-detail';
import { fetchLogPage } from '../../job-log';
import { decide } from '../model/announce';
import { addWatch, type WatchedJob } from '../model/watchList';
import {
  MAX_PAGES_PER_POLL,
  pollWatchedJob,
  type WatchApi,
  type WatchLogPage,
} from './pollWatchedJob';

const workflowJob = (status: string) =>
  ({
    jobId: 'j1',
    metadata: { jobTitle: 'Export', status, abandonReason: null },
  }) as unknown as WorkflowJob;

const line = (id: number, severity = 'INFO') => ({ id, severity, text: `line ${id}` });

const page = (patch: Partial<WatchLogPage> = {}): WatchLogPage => ({
  job: {},
  lines: [],
  lastLogIdHeader: null,
  gateway: { state: 'live' },
  ...patch,
});

const watching = (patch: Partial<WatchedJob> = {}): WatchedJob => ({
  ...addWatch([], { jobId: 'j1', name: 'Export' }, 1).list[0]!,
  ...patch,
});

function fakeApi(pages: (after: number) => WatchLogPage | Error, status = 'Active') {
  const asked: number[] = [];
  const api: WatchApi = {
    fetchJob: vi.fn(async () => ({ job: workflowJob(status) })),
    fetchLogPage: vi.fn(async (_jobId: string, after: number) => {
      asked.push(after);
      const answer = pages(after);
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
  return { api, asked };
}

describe('pollWatchedJob', () => {
  it("learns where the log ends from the gateway's last id, reading no line", async () => {
    const { api, asked } = fakeApi(() => page({ lastLogIdHeader: 987_654 }));
    const found = await pollWatchedJob(watching(), api);
    expect(asked).toEqual([Number.MAX_SAFE_INTEGER]);
    expect(found).toEqual({
      status: 'Active',
      name: 'Export',
      abandonReason: null,
      log: { cursor: 987_654, firstError: null, noLog: false, failed: false },
    });
  });

  it('asks again next poll while the gateway is still reading the log', async () => {
    const { api } = fakeApi(() => page({ lastLogIdHeader: 500, gateway: { state: 'reading' } }));
    expect((await pollWatchedJob(watching(), api)).log?.cursor).toBeNull();
  });

  it('without the gateway, reads the log once from the start to learn its end', async () => {
    const { api, asked } = fakeApi((after) =>
      page({ gateway: null, lines: after === 0 ? [line(3, 'ERROR'), line(9)] : [] }),
    );
    const found = await pollWatchedJob(watching(), api);
    expect(asked).toEqual([Number.MAX_SAFE_INTEGER, 0]);
    expect(found.log).toEqual({ cursor: 9, firstError: null, noLog: false, failed: false });
  });

  it('reads only the lines after the cursor and stops at the first ERROR', async () => {
    const { api, asked } = fakeApi(() =>
      page({ lines: [line(101), line(104, 'ERROR'), line(107, 'ERROR')], lastLogIdHeader: 107 }),
    );
    const found = await pollWatchedJob(watching({ logCursor: 100 }), api);
    expect(asked).toEqual([100]);
    expect(found.log).toEqual({
      cursor: 104,
      firstError: { id: 104, text: 'line 104' },
      noLog: false,
      failed: false,
    });
  });

  it('reads on while pages bring lines, up to the last id or its page budget', async () => {
    const { api, asked } = fakeApi((after) =>
      page({ lines: [line(after + 1), line(after + 2)], lastLogIdHeader: 106 }),
    );
    expect((await pollWatchedJob(watching({ logCursor: 100 }), api)).log?.cursor).toBe(106);
    expect(asked).toEqual([100, 102, 104]);

    const endless = fakeApi((after) => page({ lines: [line(after + 1)], lastLogIdHeader: 1e9 }));
    await pollWatchedJob(watching({ logCursor: 0 }), endless.api);
    expect(endless.asked).toHaveLength(MAX_PAGES_PER_POLL);
  });

  it('keeps what a failed page did not reach for the next poll', async () => {
    const { api } = fakeApi((after) =>
      after < 102
        ? page({ lines: [line(101), line(102)], lastLogIdHeader: 110 })
        : new Error('503'),
    );
    const found = await pollWatchedJob(watching({ logCursor: 100 }), api);
    expect(found.log).toEqual({ cursor: 102, firstError: null, noLog: false, failed: true });
    const entry = watching({ logCursor: 100 });
    expect(decide(entry, found).next?.logCursor).toBe(102);
  });

  it('still reads the log when the job cannot be read, and the other way round', async () => {
    const { api } = fakeApi(() => new Error('down'));
    api.fetchJob = vi.fn(async () => {
      throw new Error('down');
    });
    const found = await pollWatchedJob(watching({ logCursor: 7 }), api);
    expect(found).toMatchObject({ status: null, name: null, log: { cursor: 7, failed: true } });

    const jobOnly = fakeApi(() => new Error('down'), 'Completed');
    expect((await pollWatchedJob(watching({ logCursor: null }), jobOnly.api)).status).toBe(
      'Completed',
    );
  });

  it('does not read the log of a job without one, or once its first ERROR was announced', async () => {
    const { api, asked } = fakeApi(() => page({ job: null, gateway: { state: 'missing' } }));
    expect((await pollWatchedJob(watching(), api)).log?.noLog).toBe(true);
    await pollWatchedJob(watching({ logCursor: 5, noLog: true }), api);
    await pollWatchedJob(watching({ logCursor: 5, errorAnnounced: true }), api);
    expect(asked).toHaveLength(1);
  });

  it('rejects only when aborted', async () => {
    const controller = new AbortController();
    const { api } = fakeApi(() => {
      controller.abort();
      return new Error('aborted');
    });
    await expect(
      pollWatchedJob(watching({ logCursor: 1 }), api, controller.signal),
    ).rejects.toThrow();
  });
});

describe('pollWatchedJob through the gateway over the simulator', () => {
  let gw: TestGateway;
  beforeEach(async () => {
    gw = await testGateway();
    setFetch(async (input, init) =>
      gw.app.fetch(new Request(new URL(input, 'http://localhost'), init)),
    );
  });
  afterEach(async () => {
    setFetch(null);
    await gw.stop();
  });

  it('ignores ERRORs from before the watch and announces the first one after it, once', async () => {
    const job = await gw.demo<WorkflowJob>('POST', '/__demo/jobs', {
      title: 'Watched export',
      historicalLogs: 3000,
      logRate: 0,
    });
    await gw.demo('POST', `/__demo/jobs/${job.jobId}/logs`, {
      entries: [{ level: 'ERROR', message: 'old failure' }],
    });
    const queryClient = new QueryClient();
    const api: WatchApi = {
      fetchJob: (jobId) => queryClient.fetchQuery({ ...jobDetailOptions(jobId), retry: false }),
      fetchLogPage,
    };
    let entry = addWatch([], { jobId: job.jobId, name: 'Watched export' }, 1).list[0]!;
    const poll = async () => {
      const { next, announcements } = decide(entry, await pollWatchedJob(entry, api));
      entry = next ?? entry;
      return announcements;
    };
    // The gateway's first read of this log may still be under way.
    for (let i = 0; i < 100 && entry.logCursor === null; i++) expect(await poll()).toEqual([]);
    const last = (await fetchLogPage(job.jobId, 0)).lastLogIdHeader;
    expect(entry.logCursor).toBe(last);

    const appended = await gw.demo<{ firstId: number }>('POST', `/__demo/jobs/${job.jobId}/logs`, {
      entries: [
        { level: 'INFO', message: 'fine' },
        { level: 'fatal', message: 'new failure' },
        { level: 'ERROR', message: 'second failure' },
      ],
    });
    let announced: Awaited<ReturnType<typeof poll>> = [];
    for (let i = 0; i < 200 && announced.length === 0; i++) {
      announced = await poll();
      if (announced.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const failure = (await fetchLogPage(job.jobId, appended.firstId - 1)).lines.find(
      (l) => l.message === 'new failure',
    );
    expect(announced).toEqual([
      expect.objectContaining({
        kind: 'error',
        body: 'new failure',
        href: `/jobs/${job.jobId}?tab=log#L${failure!.id}`,
      }),
    ]);
    expect(await poll()).toEqual([]);

    await gw.demo('POST', `/__demo/jobs/${job.jobId}/status`, { status: 'Completed' });
    expect(await poll()).toEqual([expect.objectContaining({ kind: 'completed' })]);
  });
});
