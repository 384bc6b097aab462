/** Where a job's log lives in the Job log API, and what the panel says when it has none. */
import type { APIRequestContext } from '@playwright/test';
import { DemoClient, expect, GET_RETRIES, test } from './fixtures';
import { freePort, startServer } from './helpers/server';
import { logPanel as panel, logStatus as status, serverLogIds } from './helpers/logs';

const NO_LOG = 'The Job log API has no log for this job';

/** Job log API requests that named the job, as the upstream double counted them. */
async function upstreamReads(request: APIRequestContext, jobId: string): Promise<number> {
  const response = await request.get(`/__demo/jobs/${jobId}/logs?summary=1`, {
    maxRetries: GET_RETRIES,
  });
  return ((await response.json()) as { reads: number }).reads;
}

test.describe('the log through the gateway', () => {
  test('a job the Job log API does not know: says so with the id asked for, and asks again only when told', async ({
    page,
    demo,
    request,
  }) => {
    // Its log lives under another id, so its Jobs API id means nothing to the log API.
    const job = await demo.createJob({
      title: 'Log: elsewhere',
      historicalLogs: 20,
      running: false,
      logJobId: 'elsewhere-1',
    });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/v1/job/${job.jobId}/`)) requests.push(r.url());
    });
    await page.goto(`/jobs/${job.jobId}?tab=log`);
    await expect(status(page)).toContainText(`${NO_LOG} (id ${job.jobId})`);
    await expect(panel(page).getByText(`${NO_LOG} (id ${job.jobId}).`)).toBeVisible();
    await expect(status(page)).not.toContainText('complete');
    await expect(panel(page)).not.toContainText('No log lines yet');

    // Neither the browser nor the gateway asks again on its own.
    const asked = requests.length;
    const upstream = await upstreamReads(request, job.jobId);
    expect(upstream).toBeGreaterThan(0);
    await page.waitForTimeout(5_000);
    expect(requests).toHaveLength(asked);
    expect(await upstreamReads(request, job.jobId)).toBe(upstream);

    await panel(page).getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => requests.length).toBe(asked + 1);
    expect(requests.at(-1)).toContain('recheck=1');
    expect(await upstreamReads(request, job.jobId)).toBe(upstream + 1);
    await expect(status(page)).toContainText(`${NO_LOG} (id ${job.jobId})`);
  });

  test('LOG_JOB_ID_FROM: the log is read under the id the job names, or the panel says it has none', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const server = await startServer(await freePort(), {
      LOG_JOB_ID_FROM: 'metadata.metadata.FuyukoJobId',
    });
    try {
      const demo = new DemoClient(request, server.url);
      const mapped = await demo.createJob({
        title: 'Log: mapped',
        historicalLogs: 40,
        running: false,
        status: 'Completed',
        logJobId: 'fuyuko-e2e-1',
      });
      const plain = await demo.createJob({ title: 'Log: no mapping', running: false });

      await page.goto(`${server.url}/jobs/${mapped.jobId}?tab=log`);
      const ids = await serverLogIds(request, mapped.jobId, server.url);
      expect(ids).toHaveLength(40);
      await expect(status(page)).toContainText('complete - 40 lines');
      await expect(panel(page).locator(`[data-log-id="${ids[0]}"]`)).toBeVisible();

      await page.goto(`${server.url}/jobs/${plain.jobId}?tab=log`);
      await expect(status(page)).toContainText(NO_LOG);
      await expect(status(page)).toContainText('metadata.metadata.FuyukoJobId');
      await expect(panel(page).getByRole('button', { name: 'Check again' })).toBeVisible();
      await expect(status(page)).not.toContainText('complete');
    } finally {
      await server.stop();
    }
  });
});
