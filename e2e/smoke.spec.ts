import { expect, test } from './fixtures';

test.describe('app shell', () => {
  test('/ lands on /jobs and lists jobs from the simulator', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Smoke check: pump station 4', running: false });
    await page.goto('/');
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page).toHaveTitle(/Jobs · Jobscope/);
    const link = page.getByRole('link', { name: 'Smoke check: pump station 4' });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `/jobs/${job.jobId}`);
    // The seeded population is there too, not only the job this test made: a full first page.
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link')).toHaveCount(20);
    await expect(page.getByTestId('page-range')).toHaveText(/^1-20 of \d{2,}/);
  });

  test('a deep link renders the job, also after a reload', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Deep link target',
      status: 'Paused',
      running: false,
    });
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Deep link target' })).toBeVisible();
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Deep link target' })).toBeVisible();
    await expect(page).toHaveTitle(/Deep link target · Jobscope/);
  });

  test('an unknown job id says the job was not found', async ({ page }) => {
    await page.goto('/jobs/no-such-job-000');
    await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible();
    await expect(page.getByText('no-such-job-000')).toBeVisible();
  });

  test('an unknown route shows the not-found page with a way home', async ({ page }) => {
    await page.goto('/definitely/not/here');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the job list' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
  });

  test('the colour-scheme control switches to dark and remembers it', async ({ page }) => {
    await page.goto('/jobs');
    const html = page.locator('html');
    const schemes = page.getByRole('banner').getByRole('radiogroup', { name: 'Colour scheme' });
    await schemes.getByText('Dark', { exact: true }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.reload();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await schemes.getByText('Light', { exact: true }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  });

  test('pages carry the security headers', async ({ request }) => {
    const response = await request.get('/jobs/some-id');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).toBe('no-cache');
    // Source maps are built (hidden) for profiling and never served.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await response.text())?.[1];
    expect(script).toBeDefined();
    expect((await request.get(`${script}.map`)).status()).toBe(404);
  });
});
