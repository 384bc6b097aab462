import type { FaultsPatch } from './fixtures';
import { expect, test } from './fixtures';
import {
  enterTokens,
  expectFailingButKept,
  expectHealthy,
  expectLogExact,
  openFaultPages,
} from './helpers/faultPages';
import { renderedIds } from './helpers/logs';
import { countRequests } from './helpers/requests';
import { freePort, startServer } from './helpers/server';

/**
 * Each fault hits the list, the job detail and its live log at once (two tabs). While it lasts
 * the last good data stays with a message; when it clears, everything recovers by itself, with
 * no reload, and the log ends exact. Faults strike the server's answers to the browser (the
 * edge) for every request of both APIs; upstream faults are the gateway's to survive (see
 * list-index.spec.ts).
 */
interface FaultCase {
  name: string;
  spec: NonNullable<FaultsPatch['jobs']>;
  /** Whether every region must report a problem while the fault lasts. */
  reported: boolean;
  timeout?: number;
}

const CASES: FaultCase[] = [
  { name: '5xx responses', spec: { errorRate: 1, errorStatus: 503 }, reported: true },
  { name: 'a 50% error rate', spec: { errorRate: 0.5 }, reported: false },
  { name: '3 s latency', spec: { latencyMs: 3000 }, reported: false },
  {
    name: 'answers slower than the client timeout',
    spec: { latencyMs: 17_000 },
    reported: true,
    timeout: 35_000,
  },
  { name: 'malformed JSON', spec: { malformedRate: 1 }, reported: true },
  { name: 'schema-violating payloads', spec: { schemaRate: 1 }, reported: true },
];

test.describe('faults: the last good data stays, then everything recovers', () => {
  for (const fault of CASES) {
    test(`${fault.name}`, async ({ page, context, demo, request }) => {
      test.setTimeout(120_000);
      const title = `Fault: ${fault.name}`;
      const job = await demo.createJob({ title, historicalLogs: 300, logRate: 0, running: false });
      const pages = await openFaultPages(page, context, { jobId: job.jobId, title });
      let navigations = 0;
      for (const p of [pages.list, pages.detail]) {
        p.on('framenavigated', (frame) => {
          if (frame === p.mainFrame()) navigations++;
        });
      }

      await demo.setFaults({ edge: { jobs: fault.spec, logs: fault.spec } });
      await demo.appendLogs(job.jobId, { count: 25 });
      if (fault.reported) await expectFailingButKept(pages, title, fault.timeout);
      else {
        // Data keeps flowing, if slower: the appended lines arrive during the fault. At a 50%
        // error rate a run of four failures backs the poll off 8 s: allow for it.
        await expect(pages.detail.getByRole('heading', { level: 1, name: title })).toBeVisible();
        await expectLogExact(pages.detail, request, job.jobId, 30_000);
      }

      await demo.clearFaults();
      await demo.appendLogs(job.jobId, {
        entries: [{ level: 'INFO', message: 'after the fault' }],
      });
      await expectHealthy(pages, title, 30_000);
      await expectLogExact(pages.detail, request, job.jobId);
      expect(navigations, 'recovered without a reload').toBe(0);
      expect(pages.problems).toEqual([]);
    });
  }

  test('5xx: back-off holds, no storm of requests', async ({ page, context, demo }) => {
    test.setTimeout(90_000);
    const title = 'Fault: request counting';
    const job = await demo.createJob({ title, historicalLogs: 10, logRate: 0, running: false });
    const list = countRequests(page, /^\/jobs\/v1\/$/);
    const pages = await openFaultPages(page, context, { jobId: job.jobId, title });
    const detail = countRequests(pages.detail, /^\/jobs\/v1\/bson\//);
    const logs = countRequests(pages.detail, /^\/api\/v1\/job\//);

    await demo.setFaults({ edge: { jobs: { errorRate: 1 }, logs: { errorRate: 1 } } });
    await expectFailingButKept(pages, title);
    const marks = [list.total, detail.total, logs.total] as const;
    // A fixed window is the point here: count what the page asks for while the fault lasts.
    await page.waitForTimeout(15_000);
    const made = {
      list: list.since(marks[0]),
      detail: detail.since(marks[1]),
      logs: logs.since(marks[2]),
    };
    // List: one request per 5 s tick. Detail: 3 s polls, each retried after 1, 2, 4 s.
    // Log: retries after 1, 2, 4, 8 s ...
    expect(made.list, JSON.stringify(made)).toBeLessThanOrEqual(4);
    expect(made.detail, JSON.stringify(made)).toBeLessThanOrEqual(8);
    expect(made.logs, JSON.stringify(made)).toBeLessThanOrEqual(5);
    expect(pages.problems).toEqual([]);
  });
});

test.describe('faults: sessions and restarts', () => {
  test('401 mid-session: a token prompt over the kept data, then recovery', async ({
    page,
    context,
    demo,
    request,
  }) => {
    test.setTimeout(90_000);
    const title = 'Fault: 401 mid-session';
    const job = await demo.createJob({ title, historicalLogs: 200, logRate: 0, running: false });
    const pages = await openFaultPages(page, context, { jobId: job.jobId, title });
    const token = 'e2e-mid-session-token-7f3a';
    await demo.setFaults({ jobs: { token }, logs: { token } });
    await demo.appendLogs(job.jobId, { count: 10 });

    await expect(pages.detail.getByRole('dialog')).toBeVisible({ timeout: 20_000 });
    await expect(pages.detail.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await enterTokens(pages.detail, token)).toBeGreaterThanOrEqual(1);
    expect(await enterTokens(pages.list, token)).toBe(1);
    await expectHealthy(pages, title, 30_000);
    await expectLogExact(pages.detail, request, job.jobId);
    for (const p of [pages.list, pages.detail]) expect(p.url()).not.toContain(token);
    expect(pages.problems).toEqual([]);
  });

  test('the server restarts with the same seed: messages while down, recovery when back', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const port = await freePort();
    let server = await startServer(port);
    try {
      const state = (await (await fetch(`${server.url}/__demo/state`)).json()) as {
        bigLogJobId: string;
      };
      const jobId = state.bigLogJobId;
      const [wire] = (await (await fetch(`${server.url}/jobs/v1/bson/${jobId}`)).json()) as {
        metadata: { jobTitle: string };
      }[];
      const title = wire!.metadata.jobTitle;
      const pages = await openFaultPages(page, context, { jobId, title }, server.url);
      let navigations = 0;
      pages.detail.on('framenavigated', () => navigations++);

      await server.stop();
      await expectFailingButKept(pages, title);
      // The same store: the restarted server serves its job index at once.
      server = await startServer(port, { DATA_DIR: server.dataDir });
      await expectHealthy(pages, title, 45_000);
      const shown = await renderedIds(pages.detail);
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
      expect(navigations, 'recovered without a reload').toBe(0);
      expect(pages.problems).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
