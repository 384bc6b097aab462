/** Getting lines out of the log panel exactly: download, copy, and exactness through faults. */
import { expect, test } from './fixtures';
import { openLog, serverLogs } from './helpers/logPanel';
import { gatewayHolds, logPanel as panel, logStatus as status } from './helpers/logs';

test.describe('live log panel', () => {
  test('Download saves the whole log in the documented format', async ({ page, demo, request }) => {
    const job = await demo.createJob({
      title: 'Log: download',
      historicalLogs: 2500,
      logRate: 0,
      running: false,
    });
    await demo.appendLogs(job.jobId, {
      entries: [{ level: 'warn', message: 'tab\there <b>bold</b>' }],
    });
    await openLog(page, job.jobId);
    await expect(status(page)).toContainText('2,501 lines');
    // Paused, the panel holds fewer lines than the server: Download fetches the rest first.
    await panel(page).getByRole('button', { name: 'Pause' }).click();
    await expect(status(page)).toContainText('paused');
    const { lastId } = await demo.appendLogs(job.jobId, { count: 2100 });
    // The gateway's tail goes on for whoever viewed the log in the last 30 s.
    await gatewayHolds(request, job.jobId, lastId!);
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

  test('exactness: faults injected then cleared leave every log once, in id order', async ({
    page,
    demo,
    request,
  }) => {
    test.setTimeout(120_000);
    const job = await demo.createJob({ title: 'Log: exact', historicalLogs: 5000, logRate: 5 });
    // Another job's lines interleave in the global id sequence: this job's ids have gaps.
    const other = await demo.createJob({ title: 'Log: other', logRate: 5 });
    // Faults at both layers: the upstream double (the gateway must read through them) and
    // the gateway's answers to the browser (the app must).
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
      edge: { logs: { errorRate: 0.3, latencyMs: 150, malformedRate: 0.1 } },
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
