import type { Page } from '@playwright/test';
import { DemoClient, expect, test } from './fixtures';
import { freePort, startServer, type OwnServer } from './helpers/server';

/**
 * What the list claims rests on the gateway's job index: how fresh it is, what the first pass
 * has covered, and, with the index off, that nothing is filtered, sorted or counted.
 */
const jobsTable = (page: Page) => page.getByRole('table', { name: 'Jobs' });

test.describe('the job index behind the list', () => {
  test('says how fresh the list is, and keeps it through upstream failures', async ({
    page,
    demo,
  }) => {
    const title = `Index freshness ${Date.now()}`;
    await demo.createJob({ title, running: false });
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await expect(jobsTable(page).getByRole('link', { name: title })).toBeVisible();
    const line = page.getByTestId('index-freshness');
    await expect(line).toHaveText(/^[\d,]+ jobs · synced (just now|\d+ s ago)$/);

    // The upstream fails: the list stays, and the line says since when and why.
    await demo.setFaults({ jobs: { errorRate: 1, errorStatus: 503 } });
    await expect(line).toContainText('Last sync problem', { timeout: 15_000 });
    await expect(line).toContainText('Simulated failure');
    await expect(jobsTable(page).getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh' })).toHaveCount(0);

    await demo.clearFaults();
    await expect(line).not.toContainText('Last sync problem', { timeout: 20_000 });
  });

  test('during the first pass it says that filters and counts cover the jobs read so far', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const port = await freePort();
    // 3,000 jobs read 50 at a time, one request a second: a first pass of about a minute.
    const server: OwnServer = await startServer(port, {
      DEMO_JOBS: '3000',
      JOBS_SYNC_PAGE_SIZE: '50',
      JOBS_SYNC_RATE: '1',
    });
    try {
      await page.goto(`${server.url}/jobs`);
      const line = page.getByTestId('index-freshness');
      await expect(line).toContainText(/Indexing the Jobs API: [\d,]+ jobs? read so far/);
      await expect(line).toContainText('Filters, sort and counts cover these only.');
      await expect(jobsTable(page).getByRole('link').first()).toBeVisible();
      // The counts it shows are the index's so far, not the upstream's 3,000.
      const chips = page.getByRole('group', { name: 'Status' }).locator('label');
      const counted = async () =>
        (await chips.allTextContents())
          .map((text) => Number(/([\d,]+)$/.exec(text)?.[1]?.replace(/,/g, '') ?? 0))
          .reduce((a, b) => a + b, 0);
      await expect.poll(counted).toBeGreaterThan(0);
      expect(await counted()).toBeLessThan(3000);
    } finally {
      await server.stop();
    }
  });

  test('with JOBS_INDEX=off, the controls it cannot honour are disabled, and nothing claims a filter', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const port = await freePort();
    const server = await startServer(port, { JOBS_INDEX: 'off' });
    try {
      const demo = new DemoClient(request, server.url);
      const { workflows } = await demo.state();
      await page.goto(
        `${server.url}/jobs?status=Active&q=pump&sort=title&order=asc&workflow=${workflows[0]!.workflowId}`,
      );
      await expect(jobsTable(page).getByRole('link').first()).toBeVisible();
      await expect(page.getByTestId('index-freshness')).toContainText('The job index is off');
      await expect(page.getByTestId('not-applied')).toContainText('status, workflow, search, sort');
      await expect(page.getByRole('searchbox', { name: 'Search' })).toBeDisabled();
      await expect(page.getByRole('combobox', { name: 'Workflow' })).toBeDisabled();
      for (const chip of await page
        .getByRole('group', { name: 'Status' })
        .getByRole('checkbox')
        .all()) {
        await expect(chip).toBeDisabled();
        await expect(chip).not.toBeChecked();
      }
      // No header offers or claims an order; no total is claimed: previous/next only.
      await expect(jobsTable(page).getByRole('button', { name: 'Job' })).toHaveCount(0);
      await expect(
        jobsTable(page).locator('th[aria-sort="ascending"], th[aria-sort="descending"]'),
      ).toHaveCount(0);
      await expect(page.getByTestId('page-range')).toHaveText('1-20');
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByTestId('page-range')).toHaveText('21-40');
      await expect(page.getByRole('button', { name: 'Previous' })).toBeEnabled();
      await expect(page.getByRole('switch', { name: 'My jobs' })).toBeVisible();
    } finally {
      await server.stop();
    }
  });
});
