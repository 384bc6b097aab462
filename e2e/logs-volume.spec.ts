/** The volume histogram above the log: a bar jumps to its lines, a drag filters to its time. */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { openLog, serverLogs, shownIds, type ServerLog } from './helpers/logPanel';
import { logPanel as panel } from './helpers/logs';

const volume = (page: Page) => panel(page).getByRole('slider', { name: 'Log volume over time' });
const row = (page: Page, id: number) => panel(page).locator(`[data-log-id="${id}"]`);

/** The chart's plotting area, once it has taken the panel's width (it starts at 300 px). */
async function plotBox(page: Page) {
  const plot = volume(page).locator('.u-over');
  await expect.poll(async () => (await plot.boundingBox())?.width ?? 0).toBeGreaterThan(600);
  return (await plot.boundingBox())!;
}

/** The lines held in the URL's time range; the rows shown are all of them, the last on screen. */
async function expectOnlyUrlRange(page: Page, held: ServerLog[]) {
  await expect(page).toHaveURL(/[?&]from=[^&]+&to=[^&]+/);
  const url = new URL(page.url());
  const from = Date.parse(url.searchParams.get('from')!);
  const to = Date.parse(url.searchParams.get('to')!);
  const inside = held.filter((line) => {
    const t = Date.parse(line.creationDate);
    return t >= from && t < to;
  });
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(held.length);
  await expect(panel(page).getByText(/^Time range: /)).toBeVisible();
  const insideIds = new Set(inside.map((line) => line.id));
  await expect(row(page, inside.at(-1)!.id)).toBeVisible();
  for (const id of await shownIds(page)) expect(insideIds.has(id)).toBe(true);
  await expect(row(page, held.at(-1)!.id)).toHaveCount(0);
  return inside;
}

test.describe('volume histogram', () => {
  test('clicking a bar jumps to its first line; the keyboard does the same', async ({
    page,
    demo,
    request,
  }) => {
    const job = await demo.createJob({
      title: 'Log: volume',
      historicalLogs: 900,
      logRate: 0,
      running: false,
    });
    const held = await serverLogs(request, job.jobId);
    await openLog(page, job.jobId);
    const chart = volume(page);
    await expect(chart).toBeVisible();
    await expect(panel(page).getByText(/^900 lines, 1 s per bar/)).toBeVisible();
    // Following: the log opens at its end, far from the first line.
    await expect(row(page, held.at(-1)!.id)).toBeVisible();
    await expect(row(page, held[0]!.id)).toHaveCount(0);

    // The first bar holds the earliest lines: a click at the plot's left edge, the pointer
    // moving a little between press and release, as a hand does.
    const box = await plotBox(page);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await expect(panel(page).getByText(/ to .*: \d+ lines \(/)).toBeVisible();
    await page.mouse.down();
    await page.mouse.move(box.x + 4, y + 1);
    await page.mouse.up();
    await expect(row(page, held[0]!.id)).toBeVisible();
    await expect(panel(page).getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();

    // Keyboard: End chooses the last bar, Enter scrolls to its first line, near the end.
    await chart.focus();
    await page.keyboard.press('End');
    await expect(chart).toHaveAttribute('aria-valuetext', / to .*: \d+ lines?/);
    const lastBarStart =
      Date.parse(held.at(-1)!.creationDate) - (Date.parse(held.at(-1)!.creationDate) % 1000);
    const firstInLastBar = held.find((line) => Date.parse(line.creationDate) >= lastBarStart)!;
    await page.keyboard.press('Enter');
    await expect(row(page, firstInLastBar.id)).toBeVisible();
    await expect(row(page, held[0]!.id)).toHaveCount(0);

    const axe = await new AxeBuilder({ page }).include('[aria-label="Job log"]').analyze();
    expect(axe.violations).toEqual([]);
  });

  test('dragging across bars filters the log to their time, in the URL', async ({
    page,
    demo,
    request,
  }) => {
    const job = await demo.createJob({
      title: 'Log: volume filter',
      historicalLogs: 900,
      logRate: 0,
      running: false,
    });
    const held = await serverLogs(request, job.jobId);
    await openLog(page, job.jobId);
    const box = await plotBox(page);
    const y = box.y + box.height / 2;
    // The first third of the chart.
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 6, y, { steps: 5 });
    await page.mouse.move(box.x + box.width / 3, y, { steps: 5 });
    await page.mouse.up();

    const inside = await expectOnlyUrlRange(page, held);

    // A shared link keeps the filter.
    await page.reload();
    expect(await expectOnlyUrlRange(page, held)).toEqual(inside);

    // The keyboard marks bars with Shift and filters to them with Enter.
    await panel(page).getByRole('button', { name: 'Clear time range' }).click();
    await expect(page).not.toHaveURL(/[?&]from=/);
    await expect(row(page, held.at(-1)!.id)).toBeVisible();
    await volume(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(volume(page)).toHaveAttribute('aria-valuetext', /marked: \d+ lines/);
    await page.keyboard.press('Enter');
    // The first two bars: the earliest lines.
    expect((await expectOnlyUrlRange(page, held))[0]).toEqual(held[0]);
  });
});
