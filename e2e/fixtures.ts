/**
 * A typed client for the simulator's /__demo routes, and the `test` every spec uses: it hands
 * out `demo` and clears injected faults after each test so one test's failures never leak.
 */
import {
  test as base,
  expect,
  type APIRequestContext,
  type APIResponse,
  type Page,
} from '@playwright/test';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../src/contract/headers.ts';
import type { WorkflowJob } from '../src/contract/index.ts';
import { guardPage } from './helpers/guard.ts';
import type {
  AccessSpec,
  AppendLogsResult,
  AppendLogsSpec,
  DemoState,
  FaultsPatch,
  FaultsState,
  JobSpec,
  ResetSpec,
  StatusSpec,
} from '../server/demo/spec.ts';

/**
 * Retries for the tests' own GETs on ECONNRESET: a kept-alive connection the server closes as
 * idle just when a request reuses it is reset (browsers retry such a request themselves).
 */
export const GET_RETRIES = 2;

export type {
  AppendLogsResult,
  AppendLogsSpec,
  DemoState,
  FaultsPatch,
  FaultsState,
  JobSpec,
  ResetSpec,
  StatusSpec,
};

export class DemoClient {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  private async call<T>(method: string, path: string, data?: unknown): Promise<T> {
    const response: APIResponse = await this.request.fetch(`${this.baseURL}/__demo${path}`, {
      method,
      data,
      maxRetries: method === 'GET' ? GET_RETRIES : 0,
      // The server refuses state changes that do not come from Jobscope's own clients.
      headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    });
    if (!response.ok()) {
      throw new Error(
        `${method} /__demo${path} answered ${response.status()}: ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  private job(jobId: string, action: string): string {
    return `/jobs/${encodeURIComponent(jobId)}/${action}`;
  }

  /** Regenerates the world (omitted fields: the server's configuration) and clears faults. */
  reset(spec: ResetSpec = {}): Promise<DemoState> {
    return this.call('POST', '/reset', spec);
  }

  state(): Promise<DemoState> {
    return this.call('GET', '/state');
  }

  /**
   * Creates a job and waits until the gateway's job index lists it, as an operator's list would
   * within a few seconds: tests then open the list without racing the sync.
   */
  async createJob(spec: JobSpec = {}): Promise<WorkflowJob> {
    const job = await this.call<WorkflowJob>('POST', '/jobs', spec);
    await this.waitIndexed(job.jobId);
    return job;
  }

  /**
   * Waits until the list (the anonymous index, as a browser without a token reads it) holds the
   * job. A list that refuses (a token fault) has nothing to wait for.
   */
  async waitIndexed(jobId: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.request.get(
        `${this.baseURL}/jobs/v1/?q=${encodeURIComponent(jobId)}&limit=1`,
        { maxRetries: GET_RETRIES },
      );
      if (!response.ok()) return;
      if (Number(response.headers()['x-total-count']) > 0) return;
      if (Date.now() > deadline)
        throw new Error(`job ${jobId} was not indexed within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Waits for `count` complete passes of the shared job index to end: the second one surely
   * began after this call, so it listed whatever the simulator held by then.
   */
  async waitPasses(count = 2, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const lastPass = async () =>
      (
        (await (
          await this.request.get(`${this.baseURL}/jobs/v1/freshness`, { maxRetries: GET_RETRIES })
        ).json()) as {
          lastPassAt: string | null;
        }
      ).lastPassAt;
    let seen = await lastPass();
    for (let ended = 0; ended < count;) {
      if (Date.now() > deadline) throw new Error(`no ${count} passes within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = await lastPass();
      if (now !== seen) {
        ended += 1;
        seen = now;
      }
    }
  }

  /**
   * Waits until the list answers a browser without a token again: after a test's token fault,
   * the shared job index lifts the upstream's refusal at its next read.
   */
  async settled(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const list = () =>
      this.request.get(`${this.baseURL}/jobs/v1/?limit=1`, { maxRetries: GET_RETRIES });
    while ((await list()).status() !== 200) {
      if (Date.now() > deadline) throw new Error(`the list did not recover within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Who each Jobs API token is upstream, and which jobs it sees; `{}` lets anyone in. */
  setAccess(spec: AccessSpec): Promise<{ tokens: number }> {
    return this.call('PUT', '/access', spec);
  }

  appendLogs(jobId: string, spec: AppendLogsSpec = {}): Promise<AppendLogsResult> {
    return this.call('POST', this.job(jobId, 'logs'), spec);
  }

  setStatus(jobId: string, spec: StatusSpec): Promise<WorkflowJob> {
    return this.call('POST', this.job(jobId, 'status'), spec);
  }

  pause(jobId: string): Promise<WorkflowJob> {
    return this.call('POST', this.job(jobId, 'pause'));
  }

  resume(jobId: string): Promise<WorkflowJob> {
    return this.call('POST', this.job(jobId, 'resume'));
  }

  /** Completes the current step and starts the next (or completes the job). */
  advance(jobId: string): Promise<WorkflowJob> {
    return this.call('POST', this.job(jobId, 'advance'));
  }

  /** Merges into the faults in force; `jobId` scopes them to requests about that job. */
  setFaults(patch: FaultsPatch): Promise<FaultsState> {
    return this.call('PUT', '/faults', patch);
  }

  clearFaults(): Promise<FaultsState> {
    return this.call('DELETE', '/faults');
  }
}

/**
 * Every page a test opens is watched: a CSP violation, an uncaught exception, a console error
 * from the app's own code or any dialog (alert/confirm: what injected markup would do) fails
 * the test. The browser's own "Failed to load resource" lines are network noise that fault
 * tests provoke on purpose, so they are not counted.
 */
const pageGuard = async ({ page }: { page: Page }, use: () => Promise<void>) => {
  const problems = await guardPage(page);
  await use();
  expect(problems, 'the page reported problems').toEqual([]);
};

export const test = base.extend<{ demo: DemoClient; pageGuard: void }>({
  demo: async ({ request, baseURL }, use) => {
    if (!baseURL) throw new Error('The e2e config must set use.baseURL');
    const demo = new DemoClient(request, baseURL.replace(/\/$/, ''));
    await use(demo);
    await demo.clearFaults();
    await demo.setAccess({ tokens: {} });
    await demo.settled();
  },
  pageGuard: [pageGuard, { auto: true }],
});

export { expect };
