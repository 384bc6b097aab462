import type { APIRequestContext, Page } from '@playwright/test';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../src/contract/headers.ts';
import type { HostileSet } from '../server/demo/hostileJobs';
import { expect, test, type DemoClient } from './fixtures';
import { logPanel, logStatus } from './helpers/logs';

/**
 * The hostile corpus (POST /__demo/hostile) on every page: markup and scripts stay text,
 * dangerous URLs never become links, huge words and lines never widen the page. The fixtures
 * fail the test on any console error, CSP violation or dialog.
 */

async function expectInert(page: Page, where: string) {
  const found = await page.evaluate(() => {
    const bad = document.querySelectorAll(
      [
        '[onerror]',
        '[onload]',
        '[onclick]',
        'script:not([src])',
        'iframe',
        'object',
        'embed',
        'a[href^="javascript:" i]',
        'a[href^="data:" i]',
        'img[src="x"]',
        'circle[r="9"]',
      ].join(','),
    );
    return [...bad].map((el) => el.outerHTML.slice(0, 120));
  });
  expect(found, `injected elements on ${where}`).toEqual([]);
  const width = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(width[0], `page wider than the window on ${where}`).toBeLessThanOrEqual(width[1]! + 1);
}

/** The hostile set, once the gateway's job index lists all of it. */
async function createHostile(request: APIRequestContext, demo: DemoClient) {
  const response = await request.post('/__demo/hostile', {
    headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
  });
  expect(response.status()).toBe(201);
  const set = (await response.json()) as HostileSet;
  // Their wire ids are hostile too (one is blank), so no search finds them all: two complete
  // passes of the index after their creation list them.
  await demo.waitPasses(2);
  return set;
}

const TABS = ['Overview', 'Steps', 'Metadata', 'Raw', 'Log'] as const;

test.describe('hostile and odd data', () => {
  test('renders on the list and every tab of every hostile job, inert', async ({
    page,
    request,
    demo,
  }) => {
    test.setTimeout(120_000);
    const set = await createHostile(request, demo);
    const markup = set.jobs.find((j) => j.role === 'markup')!;

    await page.goto('/jobs?q=Hostile');
    const table = page.getByRole('table', { name: 'Jobs' });
    await expect(table.getByText(markup.title, { exact: true })).toBeVisible();
    await expect(table.getByText('<b>Quarantined</b>', { exact: true })).toBeVisible();
    await expectInert(page, 'the list');
    await page.goto('/jobs');
    await expect(table.getByText(markup.title, { exact: true })).toBeVisible();
    await expectInert(page, 'the unfiltered list');

    for (const job of set.jobs) {
      for (const tab of TABS) {
        await page.goto(`/jobs/${job.jobId}?tab=${tab.toLowerCase()}`);
        await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        if (tab === 'Log') await expect(logStatus(page)).toContainText(/lines/);
        else await expect(page.getByRole('tabpanel')).toBeVisible();
        await expectInert(page, `${job.role} / ${tab}`);
      }
    }
  });

  test('markup stays text: titles, metadata, notes and log lines', async ({
    page,
    request,
    demo,
  }) => {
    const set = await createHostile(request, demo);
    const markup = set.jobs.find((j) => j.role === 'markup')!;
    // Room for the log's 18 lines under the long title and the volume histogram.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`/jobs/${markup.jobId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(markup.title);
    await expect(page).toHaveTitle(/Hostile markup <script>/);

    await page.getByRole('tab', { name: 'Metadata' }).click();
    const script = set.strings.find((s) => s.name === 'script')!.value;
    await expect(
      page.getByRole('tabpanel').getByText(script, { exact: true }).first(),
    ).toBeVisible();
    const jsUrl = set.strings.find((s) => s.name === 'javascript-url')!.value;
    await expect(
      page.getByRole('tabpanel').getByText(jsUrl, { exact: true }).first(),
    ).toBeVisible();

    await page.getByRole('tab', { name: 'Log' }).click();
    await expect(logStatus(page)).toContainText('live');
    await expect(logPanel(page).getByText(script, { exact: true })).toBeVisible();
    await expect(logPanel(page).getByText(/^MEGA-LINE-START/)).toBeVisible();
    await expect(logPanel(page).getByText('End of the hostile log')).toBeVisible();
    // ANSI colour codes: shown as text or colour, never the raw escape character.
    await expect(logPanel(page).getByText(/red alert/)).not.toContainText('\u001b');
    // A line rewritten by carriage returns shows its last state; markup in a colour stays text.
    await expect(logPanel(page).getByText('Fetching 100% done', { exact: true })).toBeVisible();
    await expect(logPanel(page).getByText(/Fetching 10%/)).toHaveCount(0);
    await expect(
      logPanel(page)
        .getByText(/^<img src=x onerror=/)
        .first(),
    ).toBeVisible();
    await expectInert(page, 'the log');
  });

  test('a phone-width window holds the hostile list and detail', async ({
    page,
    request,
    demo,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const set = await createHostile(request, demo);
    await page.goto('/jobs?q=Hostile');
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link').first()).toBeVisible();
    await expectInert(page, 'the list at 390 px');
    for (const job of set.jobs.slice(0, 2)) {
      await page.goto(`/jobs/${job.jobId}?tab=steps`);
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expectInert(page, `${job.role} at 390 px`);
    }
  });
});
