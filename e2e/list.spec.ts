import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

/** A word no seeded job holds, so a search shows exactly the jobs a test made. */
const uniqueToken = () => `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const jobsTable = (page: Page) => page.getByRole('table', { name: 'Jobs' });
const rowOf = (page: Page, title: string) =>
  jobsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title }) });
const statusChip = (page: Page, status: string) =>
  page
    .getByRole('group', { name: 'Status' })
    .getByRole('checkbox', { name: new RegExp(`^${status}`) });
/** Mantine hides the chip's checkbox behind its label: people click the label, so tests do too. */
const chipLabel = (page: Page, status: string) =>
  page
    .getByRole('group', { name: 'Status' })
    .locator('label', { hasText: new RegExp(`^${status}`) });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

/** The page's own list requests name a sort; the workflow choices' request does not. */
const isListRequest = (request: Request) => {
  const url = new URL(request.url());
  return /^\/jobs\/v1\/(my\/)?$/.test(url.pathname) && url.searchParams.has('sort');
};

test.describe('job list page', () => {
  test('filters and sort live in the URL and survive reload and back/forward', async ({
    page,
    demo,
  }) => {
    const token = uniqueToken();
    await demo.createJob({ title: `Alpha ${token}`, status: 'Paused', running: false });
    await demo.createJob({ title: `Bravo ${token}`, status: 'Paused', running: false });
    await demo.createJob({ title: `Charlie ${token}`, status: 'Active', running: false });
    await page.goto('/jobs');
    await expect(jobsTable(page).getByRole('link').first()).toBeVisible();

    await searchBox(page).fill(token);
    await expect(page).toHaveURL(new RegExp(`/jobs\\?q=${token}$`));
    await expect(jobsTable(page).getByRole('link')).toHaveCount(3);

    await chipLabel(page, 'Paused').click();
    await expect(page).toHaveURL(new RegExp(`status=Paused&q=${token}$`));
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);

    const jobHeader = jobsTable(page).getByRole('columnheader', { name: 'Job' });
    await jobHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=title&order=asc/);
    await expect(jobHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(jobsTable(page).getByRole('link').first()).toHaveText(`Alpha ${token}`);
    await jobHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=title(?!&order)/);
    await expect(jobsTable(page).getByRole('link').first()).toHaveText(`Bravo ${token}`);

    await page.reload();
    await expect(searchBox(page)).toHaveValue(token);
    await expect(statusChip(page, 'Paused')).toBeChecked();
    await expect(jobHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);
    await expect(jobsTable(page).getByRole('link').first()).toHaveText(`Bravo ${token}`);

    await page.goBack();
    await expect(jobHeader).toHaveAttribute('aria-sort', 'ascending');
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/jobs\\?q=${token}$`));
    await expect(statusChip(page, 'Paused')).not.toBeChecked();
    await expect(jobsTable(page).getByRole('link')).toHaveCount(3);
    await page.goForward();
    await expect(statusChip(page, 'Paused')).toBeChecked();
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);

    // A link with nonsense falls back to the defaults, without an error.
    await page.goto(`/jobs?q=${token}&sort=nope&order=sideways&page=-4&limit=7`);
    await expect(jobsTable(page).getByRole('link')).toHaveCount(3);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('pages through the matches with X-Total-Count, and without it', async ({ page, demo }) => {
    const token = uniqueToken();
    for (let i = 1; i <= 25; i++) {
      await demo.createJob({
        title: `Pager ${token} ${String(i).padStart(2, '0')}`,
        running: false,
      });
    }
    await page.goto(`/jobs?q=${token}&sort=title&order=asc`);
    await expect(page.getByTestId('page-range')).toHaveText('1-20 of 25');
    await expect(jobsTable(page).getByRole('link')).toHaveCount(20);
    await page.getByRole('button', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('page-range')).toHaveText('21-25 of 25');
    await expect(jobsTable(page).getByRole('link')).toHaveCount(5);
    await expect(jobsTable(page).getByRole('link').first()).toHaveText(`Pager ${token} 21`);

    // Changing a filter goes back to page 1.
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
    await expect(page).not.toHaveURL(/page=/);
    await expect(page.getByTestId('page-range')).toHaveText('1-25 of 25');

    await demo.setFaults({ jobs: { totalCount: false } });
    await page.goto(`/jobs?q=${token}&sort=title&order=asc&page=2`);
    await expect(page.getByTestId('page-range')).toHaveText('21-25');
    await expect(page.getByRole('button', { name: 'Page 1' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByTestId('page-range')).toHaveText('1-20');
    await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  test('opening a job and going back returns to the same view and scroll', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto('/jobs?limit=50&sort=created');
    await page.getByRole('combobox', { name: 'Auto-refresh' }).selectOption('off');
    const links = jobsTable(page).getByRole('link');
    await expect(links).toHaveCount(50);
    const target = links.nth(30);
    await target.scrollIntoViewIfNeeded();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBeGreaterThan(200);
    const listUrl = page.url();
    const href = await target.getAttribute('href');
    await target.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await page.goBack();
    expect(page.url()).toBe(listUrl);
    await expect(links).toHaveCount(50);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY - 10);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrollY + 10);
  });

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

    await demo.setFaults({ jobs: { errorRate: 1, errorStatus: 503 } });
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
    await demo.setFaults({ jobs: { latencyMs: 3_000 } });
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

  test('an unknown status renders as its raw text', async ({ page, demo }) => {
    const token = uniqueToken();
    const title = `Odd status ${token}`;
    await demo.createJob({ title, status: 'Quarantined', running: false });
    await page.goto(`/jobs?q=${token}`);
    await expect(rowOf(page, title).getByText('Quarantined', { exact: true })).toBeVisible();
    await expect(chipLabel(page, 'Quarantined')).toBeVisible();
  });

  test('"My jobs" lists only the current user\'s jobs', async ({ page, demo }) => {
    const { currentUser } = await demo.state();
    const token = uniqueToken();
    await demo.createJob({ title: `Mine ${token}`, username: currentUser, running: false });
    await demo.createJob({
      title: `Theirs ${token}`,
      username: 'someone.else@example.com',
      running: false,
    });
    await page.goto(`/jobs?q=${token}`);
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);
    const mine = page.waitForRequest((r) => new URL(r.url()).pathname === '/jobs/v1/my/');
    await page.locator('label', { hasText: 'My jobs' }).click();
    await expect(page.getByRole('switch', { name: 'My jobs' })).toBeChecked();
    await mine;
    await expect(page).toHaveURL(/mine=1/);
    await expect(jobsTable(page).getByRole('link')).toHaveCount(1);
    await expect(jobsTable(page).getByRole('link', { name: `Mine ${token}` })).toBeVisible();
  });

  test('keyboard: / searches, j/k move between rows, Enter opens', async ({ page, demo }) => {
    const token = uniqueToken();
    await demo.createJob({ title: `Key A ${token}`, running: false });
    await demo.createJob({ title: `Key B ${token}`, running: false });
    await page.goto(`/jobs?q=${token}&sort=title&order=asc`);
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    // In the search, j is text, not a shortcut.
    await page.keyboard.type('j');
    await expect(searchBox(page)).toHaveValue('j');
    await page.locator('h1').click();
    await page.goto(`/jobs?q=${token}&sort=title&order=asc`);
    await expect(jobsTable(page).getByRole('link')).toHaveCount(2);
    await page.keyboard.press('j');
    await expect(jobsTable(page).getByRole('link', { name: `Key A ${token}` })).toBeFocused();
    await page.keyboard.press('j');
    await expect(jobsTable(page).getByRole('link', { name: `Key B ${token}` })).toBeFocused();
    await page.keyboard.press('k');
    await expect(jobsTable(page).getByRole('link', { name: `Key A ${token}` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Key A ${token}` })).toBeVisible();
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
