/**
 * The job list's auto-refresh: changes shown, failures survived, no overlapping requests, none
 * while hidden, and the interval chosen is kept.
 */
import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { isListRequest, jobsTable, rowOf, uniqueToken } from './helpers/jobList';

test.describe('job list page', () => {
  test('a status changed on the server shows within one refresh, highlighted', async ({
    page,
    demo,
  }) => {
    const token = uniqueToken();
    const title = `Watched ${token}`;
    const job = await demo.createJob({ title, status: 'Active', running: false });
    await page.goto(`/jobs?q=${token}`);
    const row = rowOf(page, title);
    await expect(row.getByText('Active', { exact: true })).toBeVisible();
    await demo.setStatus(job.jobId, { status: 'Paused' });
    // The default auto-refresh is every 5 s.
    await expect(row.getByText('Paused', { exact: true })).toBeVisible({ timeout: 8_000 });
    await expect(row).toHaveAttribute('data-flash', /^[ab]$/);
  });

  test('a failing refresh keeps the rows, says so, and recovers', async ({ page, demo }) => {
    const token = uniqueToken();
    const title = `Resilient ${token}`;
    await demo.createJob({ title, running: false });
    await page.goto(`/jobs?q=${token}`);
    await expect(rowOf(page, title)).toBeVisible();

    await demo.setFaults({ edge: { jobs: { errorRate: 1, errorStatus: 503 } } });
    const alert = page.getByRole('alert').filter({ hasText: 'Could not refresh the jobs' });
    await expect(alert).toBeVisible({ timeout: 12_000 });
    await expect(rowOf(page, title)).toBeVisible();

    await demo.clearFaults();
    await expect(alert).toHaveCount(0, { timeout: 12_000 });
    await expect(rowOf(page, title)).toBeVisible();
  });

  test('a slow server never gets overlapping refreshes', async ({ page, demo }) => {
    await page.goto('/jobs');
    await page.getByRole('combobox', { name: 'Auto-refresh' }).selectOption('2');
    await expect(jobsTable(page).getByRole('link').first()).toBeVisible();
    await demo.setFaults({ edge: { jobs: { latencyMs: 3_000 } } });
    let inFlight = 0;
    let maxInFlight = 0;
    let started = 0;
    const done = (request: Request) => {
      if (isListRequest(request)) inFlight--;
    };
    page.on('request', (request) => {
      if (!isListRequest(request)) return;
      started++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    await expect.poll(() => started, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(maxInFlight).toBe(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a hidden tab does not refresh, and refreshes at once when shown again', async ({
    page,
  }) => {
    await page.goto('/jobs');
    await page.getByRole('combobox', { name: 'Auto-refresh' }).selectOption('2');
    await expect(jobsTable(page).getByRole('link').first()).toBeVisible();
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      }, state);
    await setVisibility('hidden');
    // Let a request already on its way land before counting.
    await page.waitForTimeout(500);
    let started = 0;
    page.on('request', (request) => {
      if (isListRequest(request)) started++;
    });
    // Three intervals' worth of hidden time.
    await page.waitForTimeout(6_000);
    expect(started).toBe(0);
    await setVisibility('visible');
    await expect.poll(() => started, { timeout: 1_500 }).toBeGreaterThanOrEqual(1);
  });

  test('the auto-refresh choice is remembered across visits', async ({ page }) => {
    await page.goto('/jobs');
    const control = page.getByRole('combobox', { name: 'Auto-refresh' });
    await expect(control).toHaveValue('5');
    await control.selectOption('30');
    await page.reload();
    await expect(control).toHaveValue('30');
  });
});
