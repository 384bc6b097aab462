/** Finding lines in the log panel: level filters, search, error navigation, permalinks, keys. */
import { expect, test } from './fixtures';
import {
  levelChip as chip,
  openLog,
  logRows as rows,
  serverLogs,
  shownIds,
} from './helpers/logPanel';
import { logPanel as panel, logStatus as status } from './helpers/logs';

test.describe('live log panel', () => {
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

  test('regular expression and case modes live in the URL; a bad pattern says so', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({ title: 'Log: search modes', logRate: 0, running: false });
    const entries = [
      { level: 'ERROR', message: 'GET /a answered E404' },
      { level: 'INFO', message: 'GET /b answered e500 (retrying)' },
      { level: 'INFO', message: 'GET /c answered 200' },
      { level: 'ERROR', message: 'code E404 again' },
    ];
    await demo.appendLogs(job.jobId, { entries });
    await openLog(page, job.jobId);
    await expect(rows(page)).toHaveCount(4);
    const search = panel(page).getByRole('textbox', { name: 'Search log' });
    const count = panel(page).getByTestId('search-count');
    const regex = panel(page).getByRole('button', { name: 'Regular expression' });
    const matchCase = panel(page).getByRole('button', { name: 'Match case' });

    // As text, the pattern's characters are literal.
    await search.fill('e\\d{3}');
    await expect(count).toHaveText('0 of 0');
    await regex.click();
    await expect(regex).toHaveAttribute('aria-pressed', 'true');
    await expect(count).toHaveText('0 of 3');
    await expect(panel(page).locator('mark')).toHaveText(['E404', 'e500', 'E404']);
    await expect(panel(page).getByTestId('search-progress')).toHaveText('Searched all 4 lines');
    await matchCase.click();
    await search.fill('E\\d{3}');
    await expect(count).toHaveText('0 of 2');
    await expect(page).toHaveURL(/[?&]case=1/);
    await expect(page).toHaveURL(/[?&]regex=1/);

    // The link opens the same search.
    await page.reload();
    await expect(count).toHaveText('0 of 2');
    await expect(search).toHaveValue('E\\d{3}');
    await expect(matchCase).toHaveAttribute('aria-pressed', 'true');

    // An invalid pattern says why in place; the log stays as it was.
    await search.fill('(E');
    await expect(panel(page).getByText('Invalid pattern: Unterminated group')).toBeVisible();
    await expect(search).toHaveAttribute('aria-invalid', 'true');
    await expect(count).toHaveCount(0);
    await expect(rows(page)).toHaveCount(4);
    await regex.click();
    await expect(count).toHaveText('0 of 0');
    await expect(panel(page).getByText(/Invalid pattern/)).toHaveCount(0);
  });

  test('context lines around a level filter: gaps that open, permalinks, "Show context"', async ({
    page,
    demo,
    request,
  }) => {
    const job = await demo.createJob({ title: 'Log: context', logRate: 0, running: false });
    // 30 lines; ERRORs at positions 10 and 25.
    const entries = Array.from({ length: 30 }, (_, i) => ({
      level: i === 10 || i === 25 ? 'ERROR' : 'INFO',
      message: i === 9 ? 'disk almost full' : `step ${i}`,
    }));
    await demo.appendLogs(job.jobId, { entries });
    const ids = (await serverLogs(request, job.jobId)).map((line) => line.id);
    await openLog(page, job.jobId, '&level=ERROR');
    await expect(rows(page)).toHaveCount(2);
    const gaps = panel(page).locator('[data-gap]');
    await expect(gaps).toHaveCount(0);

    const contextLines = panel(page).getByRole('combobox', { name: 'Context lines' });
    await contextLines.selectOption('2');
    // Positions 8-12 and 23-27 show; 0-7, 13-22 and 28-29 are hidden.
    await expect(rows(page)).toHaveCount(10);
    await expect(gaps).toHaveText([/^8 hidden lines/, /^10 hidden lines/, /^2 hidden lines/]);
    await expect(panel(page).getByText('disk almost full')).toBeVisible();

    await gaps.nth(1).getByRole('button', { name: 'Show all 10 hidden lines' }).click();
    await expect(rows(page)).toHaveCount(20);
    await expect(gaps).toHaveCount(2);

    // A context line takes a permalink like any other; the link opens it with the filter on.
    const contextId = ids[17]!;
    await panel(page)
      .getByRole('link', { name: `Line ${contextId}`, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`#L${contextId}$`));
    await page.reload();
    await expect(contextLines).toHaveValue('2');
    const linked = panel(page).locator(`[data-log-id="${contextId}"]`);
    await expect(linked).toBeInViewport();
    await expect(linked).toHaveClass(/selected/);

    // "Show context" opens 50 lines each side of the selected line: here the whole log.
    await contextLines.selectOption('0');
    await expect(rows(page)).toHaveCount(2);
    await panel(page)
      .getByRole('link', { name: `Line ${ids[25]}`, exact: true })
      .click();
    await panel(page).getByRole('button', { name: 'Show context' }).click();
    await expect(gaps).toHaveCount(0);
    await expect(panel(page).locator(`[data-log-id="${ids[25]}"]`)).toBeInViewport();
    await expect(panel(page).getByText('step 29', { exact: true })).toBeVisible();
    await page.keyboard.press('g');
    await expect(panel(page).getByText('step 0', { exact: true })).toBeVisible();
  });

  test('a #L<id> link highlights its line once it arrives; clicks set permalinks', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({
      title: 'Log: permalink',
      historicalLogs: 3000,
      logRate: 0,
      running: false,
    });
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
});
