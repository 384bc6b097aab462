import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { logStatus } from './helpers/logs';

/** Serious and critical axe violations (colour contrast included) on every page and tab. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const TABS = ['overview', 'steps', 'metadata', 'raw', 'log'] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: list, every detail tab and the log panel, ${scheme}`, async ({ page, demo }) => {
    test.setTimeout(90_000);
    await page.addInitScript((s) => localStorage.setItem('jobscope.colorScheme', s), scheme);
    const title = `A11y ${scheme}: every status and level`;
    const job = await demo.createJob({ title, steps: 4, currentStep: 3, running: false });
    await demo.appendLogs(job.jobId, {
      entries: ['DEBUG', 'INFO', 'WARN', 'ERROR'].map((level) => ({
        level,
        message: `${level.toLowerCase()} line for contrast`,
      })),
    });
    for (const status of ['Paused', 'Completed', 'Aborted', 'Quarantined']) {
      await demo.createJob({ title: `A11y ${scheme}: ${status}`, status, running: false });
    }
    const found: string[] = [];

    await page.goto(`/jobs?q=${encodeURIComponent(`A11y ${scheme}`)}`);
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link')).toHaveCount(5);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    found.push(...(await seriousViolations(page, 'list')));

    for (const tab of TABS) {
      await page.goto(`/jobs/${job.jobId}?tab=${tab}`);
      await expect(page.getByRole('tabpanel')).toBeVisible();
      if (tab === 'log') {
        await expect(logStatus(page)).toContainText('4 lines');
        await expect(page.getByText('error line for contrast')).toBeVisible();
      }
      found.push(...(await seriousViolations(page, `detail ${tab}`)));
    }
    expect(found).toEqual([]);
  });
}
