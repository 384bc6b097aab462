/** The job list's view: filters, sort and pages in the URL, going back, keys, odd data. */
import { expect, test } from './fixtures';
import { chipLabel, jobsTable, rowOf, searchBox, statusChip, uniqueToken } from './helpers/jobList';

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

  test('pages through the matches with their total', async ({ page, demo }) => {
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
    // Back where it was: the row opened is on screen again, the page scrolled as far as before.
    // Not to the pixel: live cells (active time, "updated") change width as the clock runs, rows
    // rewrap, and the browser's scroll anchoring moves the page by a row or two meanwhile.
    await expect(target).toBeInViewport();
    await expect
      .poll(() => page.evaluate((y) => Math.abs(window.scrollY - y), scrollY))
      .toBeLessThan(250);
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
});
