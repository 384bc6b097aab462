/** The log panel's tail: catching up by cursor, following, a token prompt, the job's end. */
import { expect, test } from './fixtures';
import { openLog, logRows as rows, serverLogs, shownIds, watchCursors } from './helpers/logPanel';
import { logPanel as panel, logStatus as status } from './helpers/logs';

test.describe('live log panel', () => {
  test('catches up by cursor, then follows new lines from the highest id held', async ({
    page,
    demo,
    request,
  }) => {
    const job = await demo.createJob({
      title: 'Log: tail',
      historicalLogs: 4500,
      logRate: 0,
      running: false,
    });
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
    // The next poll asks from the highest id on screen. (Behind the gateway it may already be
    // under way, held until new lines come: counting requests from here would race it.)
    await expect.poll(() => cursors.at(-1), { timeout: 10_000 }).toBe(appended.lastId);
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
      const job = await demo.createJob({
        title: 'Log: follow',
        historicalLogs: 600,
        logRate: 0,
        running: false,
      });
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

  test('wrapped rows sit edge to edge at any width: each starts where the one above ends', async ({
    page,
    demo,
  }) => {
    await page.addInitScript(() => localStorage.setItem('jobscope.log.wrap', 'on'));
    const job = await demo.createJob({
      title: 'Log: wrap',
      historicalLogs: 0,
      logRate: 0,
      running: false,
    });
    const words = 'pump pressure reading within tolerance after calibration ';
    const messages = [
      'short',
      '',
      words.repeat(6),
      'x'.repeat(700),
      `tab\tseparated\tcolumns\t${'y'.repeat(150)}`,
      '計測値は正常範囲内です。'.repeat(20),
      '🙂 emoji '.repeat(40),
      `${' '.repeat(90)}leading spaces`,
      `multi\nline\nmessage ${'z'.repeat(120)}`,
    ];
    const entries = Array.from({ length: 45 }, (_, i) => ({
      level: i % 7 === 0 ? 'ERROR' : 'INFO',
      message: messages[i % messages.length]!,
    }));
    await demo.appendLogs(job.jobId, { entries });
    const list = panel(page).getByRole('group', { name: 'Log lines' });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await openLog(page, job.jobId);
      await expect(status(page)).toContainText('45 lines');
      await expect(rows(page).first()).toBeVisible();
      // Predictions are corrected by measuring what renders: wait until the rows are settled.
      await expect
        .poll(async () => {
          const boxes = await rows(page).evaluateAll((elements) =>
            elements
              .map((element) => {
                const box = element.getBoundingClientRect();
                return { top: box.top, bottom: box.bottom };
              })
              .sort((a, b) => a.top - b.top),
          );
          const gaps = boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i]!.bottom));
          return { rows: boxes.length > 1, gaps: gaps.filter((gap) => gap !== 0) };
        })
        .toEqual({ rows: true, gaps: [] });
      // Following: the last line's bottom is the list's bottom.
      const last = panel(page).locator(`[data-log-id]`).last();
      const [lastBox, listBox] = [await last.boundingBox(), await list.boundingBox()];
      expect(Math.abs(lastBox!.y + lastBox!.height - (listBox!.y + listBox!.height))).toBeLessThan(
        2,
      );
    }
  });

  test('after the job completes: one final request, then none for 10 s', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Log: completes',
      historicalLogs: 10,
      logRate: 0,
      running: false,
    });
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

  test('a 401 asks for the Job log API token, then the tail resumes', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Log: token',
      historicalLogs: 5,
      logRate: 0,
      running: false,
    });
    await demo.setFaults({ jobId: job.jobId, logs: { token: 'log-secret' } });
    await openLog(page, job.jobId);
    const dialog = page.getByRole('dialog', { name: 'Job log API token' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Token').fill('log-secret');
    await dialog.getByRole('button', { name: 'Use token' }).click();
    await expect(status(page)).toContainText('5 lines - live');
    await expect(rows(page)).toHaveCount(5);
  });

  test('ANSI colours draw as styles, a carriage-return line shows its end, Colours off shows it plain', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({ title: 'Log: colours', logRate: 0, running: false });
    const entries = [
      {
        level: 'INFO',
        message: 'build \u001b[1;31mFAILED\u001b[0m in \u001b[38;5;33mstep 2\u001b[0m',
      },
      { level: 'INFO', message: 'Downloading 10%\rDownloading 55%\r\u001b[KDownloading 100% done' },
      { level: 'INFO', message: '\u001b[38;2;255;255;0m<b>not bold</b>\u001b[0m' },
    ];
    await demo.appendLogs(job.jobId, { entries });
    await openLog(page, job.jobId);
    await expect(rows(page)).toHaveCount(3);
    const messages = panel(page).locator('[data-message]');
    await expect(messages).toHaveText([
      'build FAILED in step 2',
      'Downloading 100% done',
      '<b>not bold</b>',
    ]);
    const failed = messages.first().getByText('FAILED', { exact: true });
    const style = await failed.evaluate((el) => {
      const css = getComputedStyle(el);
      const parent = getComputedStyle(el.parentElement!);
      return { color: css.color, weight: css.fontWeight, parentColor: parent.color };
    });
    expect(style.weight).toBe('700');
    expect(style.color).not.toBe(style.parentColor);
    // The markup inside a coloured run is text.
    await expect(panel(page).locator('[data-message] b')).toHaveCount(0);

    const colours = panel(page).getByRole('checkbox', { name: 'Colours' });
    await expect(colours).toBeChecked();
    await panel(page).getByText('Colours', { exact: true }).click();
    await expect(colours).not.toBeChecked();
    await expect(panel(page).locator('[data-message] span')).toHaveCount(0);
    await expect(messages).toHaveText([
      'build FAILED in step 2',
      'Downloading 100% done',
      '<b>not bold</b>',
    ]);
    // Remembered on the device.
    await page.reload();
    await expect(rows(page)).toHaveCount(3);
    await expect(colours).not.toBeChecked();
  });
});
