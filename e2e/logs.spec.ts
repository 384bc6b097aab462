import type { APIRequestContext, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

interface ServerLog {
  id: number;
  level: string;
  message: string;
  creationDate: string;
}

/** Every log the server holds for a job, paged the way the API pages (oldest first, capped). */
async function serverLogs(request: APIRequestContext, jobId: string): Promise<ServerLog[]> {
  const out: ServerLog[] = [];
  let cursor = 0;
  for (;;) {
    const response = await request.get(`/api/v1/job/${jobId}/details/${cursor}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { payload: { logs: (ServerLog | null)[] } };
    const logs = body.payload.logs.filter((l): l is ServerLog => l !== null && l.id !== null);
    if (logs.length === 0) return out;
    out.push(...logs);
    cursor = logs[logs.length - 1]!.id;
  }
}

/** The `lastLogId` of each log request the page makes for a job, in order. */
function watchCursors(page: Page, jobId: string): number[] {
  const cursors: number[] = [];
  page.on('request', (request: Request) => {
    const match = new RegExp(`/api/v1/job/${jobId}/details/(\\d+)`).exec(request.url());
    if (match) cursors.push(Number(match[1]));
  });
  return cursors;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Job log' });
const rows = (page: Page) => panel(page).locator('[data-log-id]');
/** Mantine chips hide their checkbox input; the operator clicks the label. */
const chip = (page: Page, name: string) => panel(page).getByText(name, { exact: true });
const status = (page: Page) => panel(page).getByTestId('log-status');

async function shownIds(page: Page): Promise<number[]> {
  const ids = await rows(page).evaluateAll((els) => els.map((e) => Number(e.dataset.logId)));
  return ids.sort((a, b) => a - b);
}

async function openLog(page: Page, jobId: string, suffix = '') {
  await page.goto(`/jobs/${jobId}?tab=log${suffix}`);
  await expect(panel(page)).toBeVisible();
  // Keep the pointer off the list: hovering a line holds the view still.
  await page.mouse.move(0, 0);
}

test.describe('live log panel', () => {
  test('catches up by cursor, then follows new lines from the highest id held', async ({
    page,
    demo,
    request,
  }) => {
    const job = await demo.createJob({ title: 'Log: tail', historicalLogs: 4500, logRate: 0 });
    const cursors = watchCursors(page, job.jobId);
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('4,500 lines - live');
    const held = await serverLogs(request, job.jobId);
    // Pages of 2,000: each request asks after the last id of the page before.
    expect(cursors.slice(0, 3)).toEqual([0, held[1999]!.id, held[3999]!.id]);
    await expect(rows(page).last()).toBeVisible();
    expect(Math.max(...(await shownIds(page)))).toBe(held[held.length - 1]!.id);

    const appended = await demo.appendLogs(job.jobId, {
      entries: [
        { level: 'INFO', message: 'appended while following' },
        { level: 'ERROR', message: '<img src=x onerror=alert(1)>' },
      ],
    });
    await expect(panel(page).getByText('appended while following')).toBeVisible();
    // Markup in a message is text, never HTML.
    await expect(panel(page).getByText('<img src=x onerror=alert(1)>')).toBeVisible();
    await expect(panel(page).locator('img')).toHaveCount(0);
    const before = cursors.length;
    await expect.poll(() => cursors.length, { timeout: 5_000 }).toBeGreaterThan(before);
    // Every poll after that asks from the highest id on screen.
    expect(cursors[cursors.length - 1]).toBe(appended.lastId);
    expect(Math.max(...(await shownIds(page)))).toBe(appended.lastId);
  });

  for (const wrap of [false, true]) {
    test(`scrolling up stops following; "Jump to latest" resumes it (wrap ${wrap ? 'on' : 'off'})`, async ({
      page,
      demo,
    }) => {
      await page.addInitScript(
        (on) => localStorage.setItem('jobscope.log.wrap', on ? 'on' : 'off'),
        wrap,
      );
      const job = await demo.createJob({ title: 'Log: follow', historicalLogs: 600, logRate: 0 });
      await openLog(page, job.jobId);
      const follow = panel(page).getByRole('checkbox', { name: 'Follow' });
      await expect(follow).toBeChecked();
      await expect(panel(page).getByRole('checkbox', { name: 'Wrap' })).toBeChecked({
        checked: wrap,
      });
      await expect(status(page)).toContainText('600 lines');

      const list = panel(page).getByRole('group', { name: 'Log lines' });
      await list.hover();
      await page.mouse.wheel(0, -3000);
      await expect(follow).not.toBeChecked();
      await page.mouse.move(0, 0);
      const appended = await demo.appendLogs(job.jobId, { count: 3 });
      const jump = panel(page).getByRole('button', { name: '3 new lines - Jump to latest' });
      await expect(jump).toBeVisible();
      await expect(
        rows(page).filter({ has: page.locator(`[href="#L${appended.lastId}"]`) }),
      ).toHaveCount(0);
      await jump.click();
      await expect(follow).toBeChecked();
      await expect(panel(page).locator(`[data-log-id="${appended.lastId}"]`)).toBeInViewport();
    });
  }

  test('level filter, search and error navigation', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Log: filters', logRate: 0, running: false });
    const entries = [
      { level: 'INFO', message: 'starting pump' },
      { level: 'ERROR', message: 'pump failed first' },
      { level: 'DEBUG', message: 'probe 1' },
      { level: 'WARN', message: 'pressure high' },
      { level: 'ERROR', message: 'pump failed second' },
      { level: 'INFO', message: 'Pump restarted' },
    ];
    await demo.appendLogs(job.jobId, { entries });
    await openLog(page, job.jobId);
    await expect(rows(page)).toHaveCount(6);
    await expect(panel(page).getByRole('checkbox', { name: 'ERROR 2' })).toBeChecked();

    await chip(page, 'DEBUG 1').click();
    await chip(page, 'INFO 2').click();
    await expect(rows(page)).toHaveCount(3);
    await expect(page).toHaveURL(/level=ERROR%2CWARN|level=ERROR,WARN/);
    await expect(page).toHaveURL(/tab=log/);
    await chip(page, 'INFO 2').click();
    await chip(page, 'DEBUG 1').click();
    await expect(rows(page)).toHaveCount(6);

    const search = panel(page).getByRole('textbox', { name: 'Search log' });
    await search.fill('pump');
    await expect(panel(page).getByTestId('search-count')).toHaveText('0 of 4');
    await expect(panel(page).locator('mark')).toHaveCount(4);
    await search.press('Enter');
    await expect(panel(page).getByTestId('search-count')).toHaveText('1 of 4');
    await search.press('Shift+Enter');
    await expect(panel(page).getByTestId('search-count')).toHaveText('4 of 4');
    // The URL holds the state: assert it after the click rather than during it.
    const only = panel(page).getByRole('checkbox', { name: 'Only matching lines' });
    await only.click();
    await expect(only).toBeChecked();
    await expect(rows(page)).toHaveCount(4);
    await expect(page).toHaveURL(/q=pump/);
    await only.click();
    await expect(only).not.toBeChecked();
    await expect(rows(page)).toHaveCount(6);

    const nextError = panel(page).getByRole('button', { name: 'Next error' });
    await nextError.click();
    await expect(panel(page).locator('[data-level="ERROR"]').first()).toHaveClass(/current/);
    await nextError.click();
    await expect(panel(page).locator('[data-level="ERROR"]').nth(1)).toHaveClass(/current/);
  });

  test('a #L<id> link highlights its line once it arrives; clicks set permalinks', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({ title: 'Log: permalink', historicalLogs: 3000, logRate: 0 });
    const first = await demo.appendLogs(job.jobId, { count: 1 });
    const target = first.lastId!;
    await page.goto(`/jobs/${job.jobId}#L${target}`);
    const line = panel(page).locator(`[data-log-id="${target}"]`);
    await expect(line).toBeInViewport();
    await expect(line).toHaveClass(/selected/);
    await expect(panel(page).getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();

    const later = await demo.appendLogs(job.jobId, { count: 1 });
    await page.goto(`/jobs/${job.jobId}?tab=log#L${later.lastId! + 50}`);
    await expect(panel(page)).toContainText(`Loading line ${later.lastId! + 50}`);

    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('3,002 lines - live');
    const ids = await shownIds(page);
    const a = ids[ids.length - 5]!;
    const b = ids[ids.length - 2]!;
    await panel(page)
      .getByRole('link', { name: `Line ${a}`, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`#L${a}$`));
    await panel(page)
      .getByRole('link', { name: `Line ${b}`, exact: true })
      .click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(new RegExp(`#L${a}-L${b}$`));
    const selected = await panel(page).locator('[aria-current="true"]').count();
    expect(selected).toBe(ids.filter((id) => id >= a && id <= b).length);
  });

  test('Download saves the whole log in the documented format', async ({ page, demo, request }) => {
    const job = await demo.createJob({ title: 'Log: download', historicalLogs: 2500, logRate: 0 });
    await demo.appendLogs(job.jobId, {
      entries: [{ level: 'warn', message: 'tab\there <b>bold</b>' }],
    });
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('2,501 lines');
    // Paused, the panel holds fewer lines than the server: Download fetches the rest first.
    await panel(page).getByRole('button', { name: 'Pause' }).click();
    await expect(status(page)).toContainText('paused');
    await demo.appendLogs(job.jobId, { count: 2100 });
    const downloadEvent = page.waitForEvent('download');
    await panel(page).getByRole('button', { name: 'Download' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe(`job-${job.jobId}.log`);
    const path = await download.path();
    const fs = await import('node:fs/promises');
    const text = await fs.readFile(path, 'utf8');
    const expected = (await serverLogs(request, job.jobId))
      .map(
        (l) =>
          `${l.id} ${new Date(l.creationDate).toISOString()} ${l.level.toUpperCase()} ${l.message}`,
      )
      .join('\n');
    expect(text).toBe(`${expected}\n`);
    expect(expected.split('\n')).toHaveLength(4601);
    await expect(status(page)).toContainText('paused - 4,601 lines');
  });

  test('after the job completes: one final request, then none for 10 s', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Log: completes', historicalLogs: 10, logRate: 0 });
    const cursors = watchCursors(page, job.jobId);
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('10 lines - live');
    await demo.appendLogs(job.jobId, { entries: [{ level: 'INFO', message: 'last words' }] });
    await demo.setStatus(job.jobId, { status: 'Completed' });
    await expect(status(page)).toContainText('complete - 11 lines', { timeout: 15_000 });
    const count = cursors.length;
    await page.waitForTimeout(10_000);
    expect(cursors.length).toBe(count);
    await expect(panel(page).getByText('last words')).toBeVisible();
  });

  test('exactness: faults injected then cleared leave every log once, in id order', async ({
    page,
    demo,
    request,
  }) => {
    test.setTimeout(120_000);
    const job = await demo.createJob({ title: 'Log: exact', historicalLogs: 5000, logRate: 5 });
    // Another job's lines interleave in the global id sequence: this job's ids have gaps.
    const other = await demo.createJob({ title: 'Log: other', logRate: 5 });
    await demo.setFaults({
      jobId: job.jobId,
      logs: {
        errorRate: 0.3,
        latencyMs: 150,
        malformedRate: 0.1,
        duplicates: true,
        shuffle: true,
        nullRow: true,
        envelope: 'messages',
      },
    });
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('reconnecting', { timeout: 20_000 });
    await demo.appendLogs(job.jobId, { count: 50 });
    await demo.clearFaults();
    await demo.setStatus(job.jobId, { status: 'Completed' });
    await demo.setStatus(other.jobId, { status: 'Completed' });
    await expect(status(page)).toContainText('complete', { timeout: 40_000 });

    const expected = (await serverLogs(request, job.jobId)).map((l) => l.id);
    expect(expected.some((id, i) => i > 0 && id - expected[i - 1]! > 1)).toBe(true);
    await expect(status(page)).toContainText(
      `complete - ${expected.length.toLocaleString('en-US')} lines`,
    );
    // The file is built from what the panel holds: every line once, in id order.
    const downloadEvent = page.waitForEvent('download');
    await panel(page).getByRole('button', { name: 'Download' }).click();
    const text = await (
      await import('node:fs/promises')
    ).readFile(await (await downloadEvent).path(), 'utf8');
    const ids = text
      .trimEnd()
      .split('\n')
      .map((line) => Number(line.split(' ')[0]));
    expect(ids).toEqual(expected);
  });

  test('keys: / search, f follow, w wrap, t timestamps, e next error', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Log: keys', logRate: 0, running: false });
    await demo.appendLogs(job.jobId, {
      entries: [
        { level: 'INFO', message: 'one' },
        { level: 'ERROR', message: 'two' },
      ],
    });
    await openLog(page, job.jobId);
    await expect(rows(page)).toHaveCount(2);
    const follow = panel(page).getByRole('checkbox', { name: 'Follow' });
    const wrap = panel(page).getByRole('checkbox', { name: 'Wrap' });
    const wasFollowing = await follow.isChecked();
    await page.keyboard.press('f');
    await expect(follow).toBeChecked({ checked: !wasFollowing });
    await page.keyboard.press('w');
    await expect(wrap).toBeChecked();
    await page.keyboard.press('t');
    await expect(panel(page).getByRole('combobox', { name: 'Timestamps' })).toHaveValue('local');
    await page.keyboard.press('e');
    await expect(panel(page).locator('[data-level="ERROR"]')).toHaveClass(/current/);
    await page.keyboard.press('/');
    await expect(panel(page).getByRole('textbox', { name: 'Search log' })).toBeFocused();
    // Preferences are remembered.
    await page.reload();
    await expect(wrap).toBeChecked();
    await expect(panel(page).getByRole('combobox', { name: 'Timestamps' })).toHaveValue('local');
  });

  test('a 401 asks for the Job log API token, then the tail resumes', async ({ page, demo }) => {
    const job = await demo.createJob({ title: 'Log: token', historicalLogs: 5, logRate: 0 });
    await demo.setFaults({ jobId: job.jobId, logs: { token: 'log-secret' } });
    await openLog(page, job.jobId);
    const dialog = page.getByRole('dialog', { name: 'Job log API token' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Token').fill('log-secret');
    await dialog.getByRole('button', { name: 'Use token' }).click();
    await expect(status(page)).toContainText('5 lines - live');
    await expect(rows(page)).toHaveCount(5);
  });

  test('copying lines: a permalinked range and a selection across rows', async ({
    page,
    context,
    demo,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const job = await demo.createJob({ title: 'Log: copy', logRate: 0, running: false });
    const entries = Array.from({ length: 300 }, (_, i) => ({
      level: i % 2 ? 'INFO' : 'WARN',
      message: `message number ${i}`,
    }));
    await demo.appendLogs(job.jobId, { entries });
    const ids = (await serverLogs(request, job.jobId)).map((l) => l.id);
    expect(ids).toHaveLength(300);
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('300 lines');
    await page.keyboard.press('g');
    const link = (id: number) => panel(page).getByRole('link', { name: `Line ${id}`, exact: true });
    await link(ids[1]!).click();
    await link(ids[2]!).click({ modifiers: ['Shift'] });
    await panel(page).getByRole('button', { name: 'Copy' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      new RegExp(`^${ids[1]} \\S+ INFO message number 1\n${ids[2]} \\S+ WARN message number 2$`),
    );

    // Select from line 3 down past the rows the window renders, then copy.
    const line = (id: number) => panel(page).locator(`[data-log-id="${id}"]`);
    const startBox = (await line(ids[3]!).boundingBox())!;
    await page.mouse.move(startBox.x + 300, startBox.y + 10);
    await page.mouse.down();
    await page.mouse.move(startBox.x + 300, startBox.y + 50, { steps: 3 });
    const list = panel(page).getByRole('group', { name: 'Log lines' });
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(line(ids[299]!)).toBeInViewport();
    await expect(line(ids[20]!)).toHaveCount(0);
    const endBox = (await line(ids[299]!).boundingBox())!;
    await page.mouse.move(endBox.x + 300, endBox.y + 10, { steps: 3 });
    await page.mouse.up();
    await page.keyboard.press('Control+c');
    const selected = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(selected).toHaveLength(297);
    expect(selected[0]).toMatch(new RegExp(`^${ids[3]} \\S+ INFO message number 3$`));
    expect(selected[296]).toMatch(new RegExp(`^${ids[299]} \\S+ INFO message number 299$`));
  });
});
