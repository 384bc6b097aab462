/**
 * The three regions a fault test watches at once: the job list (first tab) and a job's detail
 * page open on its log (second tab), with what each shows when it is healthy or failing.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { guardPage } from './guard';
import { logPanel, logStatus, renderedIds, serverLogIds } from './logs';

export interface FaultPages {
  list: Page;
  detail: Page;
  /** Problems of the second tab (the first is guarded by the fixtures). */
  problems: string[];
}

export async function openFaultPages(
  page: Page,
  context: BrowserContext,
  job: { jobId: string; title: string },
  baseURL = '',
): Promise<FaultPages> {
  await page.goto(`${baseURL}/jobs?q=${encodeURIComponent(job.title)}`);
  const detail = await context.newPage();
  const problems = await guardPage(detail);
  await detail.goto(`${baseURL}/jobs/${job.jobId}?tab=log`);
  await detail.mouse.move(0, 0);
  const pages = { list: page, detail, problems };
  await expectHealthy(pages, job.title);
  return pages;
}

const listRow = (page: Page, title: string) => page.getByRole('link', { name: title });
export const listAlert = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Could not refresh the jobs' });
export const staleBanner = (page: Page) => page.getByText(/^Data may be stale/);

/** No message, the data on screen, the log live. */
export async function expectHealthy(pages: FaultPages, title: string, timeout = 20_000) {
  await expect(listRow(pages.list, title)).toBeVisible({ timeout });
  await expect(listAlert(pages.list)).toHaveCount(0, { timeout });
  await expect(pages.detail.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(staleBanner(pages.detail)).toHaveCount(0, { timeout });
  await expect(logStatus(pages.detail)).toContainText('live', { timeout });
}

/** Every region says what is wrong, and still shows the last good data. */
export async function expectFailingButKept(pages: FaultPages, title: string, timeout = 20_000) {
  await expect(listAlert(pages.list)).toBeVisible({ timeout });
  await expect(listRow(pages.list, title)).toBeVisible();
  await expect(staleBanner(pages.detail)).toBeVisible({ timeout });
  await expect(pages.detail.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(logStatus(pages.detail)).toContainText('reconnecting', { timeout });
  await expect(logPanel(pages.detail).locator('[data-log-id]').first()).toBeVisible();
}

/**
 * The panel holds exactly what the server holds: the same number of lines, and the rows in
 * view (the panel follows the end) are the server's last ids, each once, in order.
 */
export async function expectLogExact(
  page: Page,
  request: APIRequestContext,
  jobId: string,
  timeout?: number,
) {
  const ids = await serverLogIds(request, jobId);
  await expect(logStatus(page)).toContainText(
    `${ids.length.toLocaleString('en-US')} lines - live`,
    {
      timeout,
    },
  );
  await expect
    .poll(async () => {
      const shown = await renderedIds(page);
      return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(ids.slice(-shown.length));
    })
    .toBe(true);
}

/** Answers every token prompt of a tab (one per API) until none comes back. */
export async function enterTokens(page: Page, token: string, remember = false): Promise<number> {
  const dialog = page.getByRole('dialog');
  let entered = 0;
  for (;;) {
    try {
      await dialog.waitFor({ state: 'visible', timeout: entered === 0 ? 20_000 : 5_000 });
    } catch {
      return entered;
    }
    await dialog.getByLabel('Token').fill(token);
    if (remember) await dialog.getByText('Remember on this device').click();
    await dialog.getByRole('button', { name: 'Use token' }).click();
    entered++;
    await page.waitForTimeout(300);
    if (entered > 4) throw new Error('the token prompt keeps coming back');
  }
}
