import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { logPanel, logStatus } from './helpers/logs';

interface Focused {
  label: string;
  text: string;
  role: string;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        label: el?.getAttribute('aria-label') ?? '',
        text: el?.textContent ?? '',
        role: el?.getAttribute('role') ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('the element was never reached with Tab');
}

test('keyboard only: search, open a job, switch tabs, open the log, search, permalink', async ({
  page,
  demo,
}) => {
  const title = 'Keyboard journey: valve check';
  const job = await demo.createJob({ title, steps: 3, currentStep: 2, running: false });
  const appended = await demo.appendLogs(job.jobId, {
    entries: [
      { level: 'INFO', message: 'first keyboard line' },
      { level: 'WARN', message: 'needle in the log' },
      { level: 'INFO', message: 'last keyboard line' },
    ],
  });
  await page.goto('/jobs');
  await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link').first()).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox').or(page.getByLabel('Search')).first()).toBeFocused();
  await page.keyboard.type('Keyboard journey');
  const link = page.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await tabTo(page, (el) => el.text === title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await tabTo(page, (el) => el.role === 'tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Steps/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/tab=steps/);
  for (const name of ['Metadata', 'Raw', 'Log']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  await expect(logStatus(page)).toContainText('lines');

  await page.keyboard.press('/');
  await expect(logPanel(page).getByRole('textbox').first()).toBeFocused();
  await page.keyboard.type('needle');
  await expect(page).toHaveURL(/q=needle/);

  const needleId = appended.firstId!;
  await tabTo(page, (el) => /^Line \d+$/.test(el.label));
  // Move to the needle's line: its id link is the next "Line" link after the first.
  for (let i = 0; i < 5; i++) {
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (label && Number(label.slice(5)) > needleId) break;
    await tabTo(page, (el) => /^Line \d+$/.test(el.label));
  }
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#L${focused!.slice(5)}$`));
  await expect(logPanel(page).locator(`[aria-current="true"]`)).toHaveCount(1);
});
