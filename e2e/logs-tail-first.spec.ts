import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { watchCursors } from './helpers/logPanel';
import { logPanel as panel, logStatus as status, serverLogIds } from './helpers/logs';

const heldLines = async (page: Page) =>
  Number((/^([\d,]+) lines/.exec(await status(page).innerText())?.[1] ?? '0').replace(/,/g, ''));

/** Where a line's row sits, in px from the top of the list's viewport. */
function rowTop(page: Page, id: number): Promise<number> {
  return panel(page)
    .getByRole('group', { name: 'Log lines' })
    .evaluate((list, lineId) => {
      const row = list.querySelector(`[data-log-id="${lineId}"]`);
      if (!row) return NaN;
      return row.getBoundingClientRect().top - list.getBoundingClientRect().top;
    }, id);
}

/** The id of the first row fully inside the list's viewport. */
function topVisibleId(page: Page): Promise<number> {
  return panel(page)
    .getByRole('group', { name: 'Log lines' })
    .evaluate((list) => {
      const top = list.getBoundingClientRect().top;
      const rows = [...list.querySelectorAll<HTMLElement>('[data-log-id]')]
        .filter((row) => row.getBoundingClientRect().top >= top)
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return Number(rows[0]?.dataset.logId);
    });
}

async function downloadedIds(page: Page): Promise<number[]> {
  const downloadEvent = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download' }).click();
  const fs = await import('node:fs/promises');
  const text = await fs.readFile(await (await downloadEvent).path(), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => Number(line.split(' ')[0]));
}

test.describe('a huge log opens at its tail', () => {
  test('tail first, backfill without moving the view, and every line once in the end', async ({
    page,
    demo,
    request,
  }) => {
    test.setTimeout(120_000);
    const job = await demo.createJob({
      title: 'Log: tail first',
      historicalLogs: 30_000,
      running: true,
      logRate: 2,
    });
    // Slow answers keep the backfill going long enough to watch it.
    await demo.setFaults({ jobId: job.jobId, edge: { logs: { latencyMs: 400 } } });
    const lastAtOpen = (await serverLogIds(request, job.jobId)).at(-1)!;
    const cursors = watchCursors(page, job.jobId);
    await page.goto(`/jobs/${job.jobId}?tab=log`);
    await page.mouse.move(0, 0);

    // The last line is on screen while older lines are still coming.
    await expect(panel(page).locator(`[data-log-id="${lastAtOpen}"]`)).toBeInViewport();
    await expect(status(page)).toContainText(/live - updated .* - loading older lines \d+%/);
    expect(cursors[0]).toBe(0);

    // Scrolled up into the tail window: the view holds still while older lines go in above.
    const list = panel(page).getByRole('group', { name: 'Log lines' });
    await list.hover();
    await page.mouse.wheel(0, -2000);
    await expect(panel(page).getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();
    await page.mouse.move(0, 0);
    const anchor = await topVisibleId(page);
    const before = await rowTop(page, anchor);
    const linesBefore = await heldLines(page);
    await expect
      .poll(() => heldLines(page), { timeout: 20_000 })
      .toBeGreaterThan(linesBefore + 5000);
    await expect(status(page)).toContainText('loading older lines');
    expect(await rowTop(page, anchor)).toBeCloseTo(before, 0);

    await expect(status(page)).not.toContainText('loading older lines', { timeout: 60_000 });
    expect(await rowTop(page, anchor)).toBeCloseTo(before, 0);
    await demo.clearFaults();
    await demo.setStatus(job.jobId, { status: 'Completed' });
    await expect(status(page)).toContainText('complete', { timeout: 20_000 });

    const expected = await serverLogIds(request, job.jobId);
    // Right after the first page (or the gateway's first read, if it was still under way),
    // a request asked for the ~1,250 lines just before the last id.
    const windows = cursors.slice(1, 4).map((c) => expected.filter((id) => id > c).length);
    expect(windows.some((window) => window > 1000 && window < 1500 + 200)).toBe(true);
    await expect(status(page)).toContainText(
      `complete - ${expected.length.toLocaleString('en-US')} lines`,
    );
    expect(await downloadedIds(page)).toEqual(expected);
  });

  test('Download during the backfill waits for it and saves the whole log', async ({
    page,
    demo,
    request,
  }) => {
    test.setTimeout(120_000);
    const job = await demo.createJob({
      title: 'Log: tail first download',
      historicalLogs: 30_000,
      running: false,
      logRate: 0,
    });
    await demo.setFaults({ jobId: job.jobId, edge: { logs: { latencyMs: 300 } } });
    await page.goto(`/jobs/${job.jobId}?tab=log`);
    await page.mouse.move(0, 0);
    await expect(status(page)).toContainText('loading older lines');
    const expected = await serverLogIds(request, job.jobId);
    expect(await downloadedIds(page)).toEqual(expected);
    await expect(status(page)).toContainText('30,000 lines');
  });
});
