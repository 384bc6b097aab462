import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const events = (page: Page, step: number) =>
  page.getByRole('list', { name: `Time events of step ${step}` }).getByRole('listitem');

test.describe('job detail page', () => {
  test('a deep link shows the job at a glance, also after a reload', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Detail: boiler inspection',
      steps: 5,
      currentStep: 3,
      username: 'rosa.diaz@example.com',
      team: 'maintenance',
      running: false,
    });
    await page.goto(`/jobs/${job.jobId}`);
    const h1 = page.getByRole('heading', { level: 1, name: 'Detail: boiler inspection' });
    await expect(h1).toBeVisible();
    await expect(page).toHaveTitle('Detail: boiler inspection · Jobscope');
    await expect(page.getByText(job.jobId, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(job.metadata.clientJobId ?? '', { exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Owner rosa.diaz@example.com');
    await expect(page.getByRole('main')).toContainText('Team maintenance');
    const card = page.getByRole('region', {
      name: job.metadata.currentStep?.singleStep?.stepTitle ?? '',
    });
    await expect(card).toContainText('step 3');
    await expect(card.getByTestId('active-for')).toContainText(/active for \d+ s/);
    await expect(page.getByRole('link', { name: 'Jobs', exact: true }).first()).toBeVisible();

    await page.getByRole('tab', { name: /Steps/ }).click();
    await expect(page).toHaveURL(/\?tab=steps$/);
    const table = page.getByRole('table', { name: 'Completed and cancelled steps' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.reload();
    await expect(page.getByRole('tab', { name: /Steps/ })).toHaveAttribute('aria-selected', 'true');
    await table.getByRole('button', { name: /Show details of step 1/ }).click();
    await expect(events(page, 1).filter({ hasText: 'completed' })).toHaveCount(1);
  });

  test('pausing and resuming a job shows the new events and times', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: pause me', running: false });
    await page.goto(`/jobs/${job.jobId}`);
    await expect(events(page, 1)).toHaveCount(1);
    await expect(page.getByTestId('paused-time')).toHaveText('0 s');

    await demo.pause(job.jobId);
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    await expect(events(page, 1)).toHaveCount(2);
    await expect(events(page, 1).nth(1)).toContainText('paused');
    await expect(page.getByTestId('active-for')).toContainText('paused for');
    await expect(page.getByTestId('paused-time')).not.toHaveText('0 s');

    await demo.resume(job.jobId);
    await expect(events(page, 1)).toHaveCount(3);
    await expect(events(page, 1).nth(2)).toContainText('became active');
    await expect(page.getByTestId('active-for')).toContainText('active for');
    await expect(
      page.getByRole('img', { name: /active .*, then paused .*, then active/ }),
    ).toBeVisible();
  });

  test('a running job advancing to the next step updates the page', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: advance me', steps: 4, running: false });
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByText(/Current step · step 1/i)).toBeVisible();
    await expect(page.getByText('No steps completed yet.')).toBeVisible();
    await demo.advance(job.jobId);
    await expect(page.getByText(/Current step · step 2/i)).toBeVisible();
    await page.getByRole('tab', { name: 'Steps (1)' }).click();
    await expect(
      page.getByRole('table', { name: 'Completed and cancelled steps' }).getByRole('row'),
    ).toHaveCount(2);
  });

  test('aborting asks first, then shows the new status', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: abort me', running: false });
    await page.goto(`/jobs/${job.jobId}`);
    await page.getByRole('button', { name: 'Abort job' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abort this job?' });
    await expect(dialog).toContainText('Detail: abort me');
    await dialog.getByRole('button', { name: 'Keep running' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Abort job' }).click();
    await dialog.getByRole('button', { name: 'Abort job' }).click();
    await expect(page.getByText('Aborted', { exact: true })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Job aborted' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abort job' })).toHaveCount(0);
  });

  test('an abort the server refuses becomes a notification with its reason', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({ title: 'Detail: refused abort', running: false });
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByRole('button', { name: 'Abort job' })).toBeVisible();
    // Completed behind the page's back: the server now refuses the abort.
    await demo.setStatus(job.jobId, { status: 'Completed' });
    await page.getByRole('button', { name: 'Abort job' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Abort job' }).click();
    await expect(page.getByText(/Only incomplete jobs can be aborted/)).toBeVisible();
  });

  test('an unknown job id says the job was not found', async ({ page }) => {
    await page.goto('/jobs/0000000000000000deadbeef');
    await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible();
    await expect(page.getByText('0000000000000000deadbeef')).toBeVisible();
    await page.getByRole('link', { name: 'Back to the job list' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
  });

  test('the bson endpoint answering an object renders the same page', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: bson object', running: false });
    await demo.setFaults({ jobs: { bson: 'object' }, jobId: job.jobId });
    // Read as it arrives: the browser may drop a body it has handed over before a test asks.
    const objectAnswer = page.waitForResponse(async (r) => {
      if (!r.url().includes(`/jobs/v1/bson/${job.jobId}`)) return false;
      const body: unknown = await r.json().catch(() => null);
      return typeof body === 'object' && body !== null && !Array.isArray(body);
    });
    await page.goto(`/jobs/${job.jobId}?tab=raw`);
    await objectAnswer;
    await expect(
      page.getByRole('heading', { level: 1, name: 'Detail: bson object' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Job JSON' })).toContainText(job.jobId);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('active-for')).toBeVisible();
  });

  test('a failed refresh keeps the data and says it may be stale', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: flaky server', running: false });
    await page.goto(`/jobs/${job.jobId}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Detail: flaky server' }),
    ).toBeVisible();
    await demo.setFaults({ jobs: { errorRate: 1, errorStatus: 503 }, jobId: job.jobId });
    // Retries back off (1 s, 2 s, 4 s) before the refresh counts as failed.
    await expect(page.getByText(/Data may be stale/)).toBeVisible({ timeout: 25_000 });
    await expect(
      page.getByRole('heading', { level: 1, name: 'Detail: flaky server' }),
    ).toBeVisible();
    // Retry asks again at once, even while background retries wait out their back-off.
    const asked = page.waitForRequest((r) => r.url().includes(`/jobs/v1/bson/${job.jobId}`));
    await page.getByRole('button', { name: 'Retry' }).click();
    await asked;
    await expect(page.getByText(/Data may be stale/)).toBeVisible();
    await demo.clearFaults();
    // Once the server answers again, the next refresh clears the banner by itself.
    await expect(page.getByText(/Data may be stale/)).toBeHidden({ timeout: 15_000 });
  });

  test('the breadcrumb returns to the list view the operator came from', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Detail: breadcrumb target', running: false });
    await page.goto(`/jobs?q=${encodeURIComponent('breadcrumb target')}`);
    await page.getByRole('link', { name: 'Detail: breadcrumb target' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${job.jobId}`));
    await page.getByRole('tab', { name: 'Metadata' }).click();
    await page.getByRole('link', { name: 'Jobs', exact: true }).last().click();
    await expect(page).toHaveURL(/\/jobs\?q=breadcrumb/);
  });
});
