/** Steps and the log together: the step timeline, and from a step to the lines it wrote. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { logRows as rows } from './helpers/logPanel';
import { logPanel as panel } from './helpers/logs';

test.describe('steps and the log', () => {
  test('a step on the timeline opens the log at its first line; "This step only" keeps its lines', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({
      title: 'Steps: timeline',
      steps: 4,
      historicalLogs: 0,
      logRate: 0,
      running: false,
    });
    // Step 1 writes 30 lines, step 2 (started by the advance) 40, step 3 the rest.
    await demo.appendLogs(job.jobId, { count: 30 });
    const afterOne = await demo.advance(job.jobId);
    const second = afterOne.metadata.currentStep!.singleStep!;
    const during = await demo.appendLogs(job.jobId, {
      entries: Array.from({ length: 40 }, (_, i) => ({
        level: i === 7 ? 'ERROR' : 'INFO',
        message: `step two work ${i}`,
      })),
    });
    await demo.advance(job.jobId);
    await demo.appendLogs(job.jobId, { count: 500 });

    await page.goto(`/jobs/${job.jobId}`);
    const timeline = page.getByRole('list', { name: 'Steps in time order' });
    const bars = timeline.getByRole('link');
    await expect(bars).toHaveCount(3);
    const bar = timeline.getByRole('link', { name: `Step 2, ${second.stepTitle}, completed` });
    await bar.focus();
    await expect(page.getByText(`Step 2, ${second.stepTitle}, completed: started`)).toBeVisible();
    await bar.click();

    await expect(page).toHaveURL(
      new RegExp(`\\?tab=log&step=${encodeURIComponent(second.uniqueStepId!)}$`),
    );
    const scope = panel(page).getByRole('region', { name: 'Chosen step' });
    // The 40 lines written during step 2, and the two written at the instant it began: "Step 1
    // completed" and "Step 2 started" (lines are placed by time alone; an instant where one step
    // ends and the next begins belongs to the next).
    await expect(scope).toContainText(
      `Step 2 - ${second.stepTitle}: 42 lines written while it ran`,
    );
    const started = rows(page).filter({ hasText: `Step 2 started: ${second.stepTitle}` });
    await expect(started).toBeInViewport();
    await expect(started).toHaveClass(/inStep/);
    await expect(panel(page).getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();

    // The box follows the URL, which the click changes: click, then wait for it.
    const stepOnly = scope.getByRole('checkbox', { name: 'This step only' });
    await stepOnly.click();
    await expect(stepOnly).toBeChecked();
    await expect(page).toHaveURL(/steponly=1/);
    const list = panel(page).getByRole('group', { name: 'Log lines' });
    // 42 rows of 20 px: the view holds the step's lines and nothing else.
    await expect.poll(() => list.evaluate((el) => el.scrollHeight)).toBe(42 * 20);
    const others = rows(page).filter({
      hasNotText: /step two work|Step 2 started|Step 1 completed/,
    });
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect(rows(page).first()).toContainText('Step 1 completed');
    expect(await others.count()).toBe(0);
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(rows(page).last()).toHaveAttribute('data-log-id', String(during.lastId));
    expect(await others.count()).toBe(0);

    // The same view from a shared URL.
    await page.reload();
    await expect.poll(() => list.evaluate((el) => el.scrollHeight)).toBe(42 * 20);

    await scope.getByRole('button', { name: 'All steps' }).click();
    await expect(page).not.toHaveURL(/step=/);
    await expect(panel(page).getByRole('region', { name: 'Chosen step' })).toHaveCount(0);
  });

  test('an aborted job opens its log at the first ERROR of the step that was active', async ({
    page,
    demo,
  }) => {
    const job = await demo.createJob({
      title: 'Steps: aborted',
      steps: 3,
      historicalLogs: 0,
      logRate: 0,
      running: false,
    });
    // An ERROR in step 1 that is not the failure, then step 2 with its own ERROR mid-way.
    await demo.appendLogs(job.jobId, {
      entries: [{ level: 'ERROR', message: 'an earlier, recovered error' }],
    });
    await demo.appendLogs(job.jobId, { count: 300 });
    await demo.advance(job.jobId);
    // Written out: generated lines (`count`) carry ERRORs of their own.
    await demo.appendLogs(job.jobId, {
      entries: Array.from({ length: 20 }, (_, i) => ({ level: 'INFO', message: `closing ${i}` })),
    });
    const failure = await demo.appendLogs(job.jobId, {
      entries: [{ level: 'ERROR', message: 'Valve 3 did not close within 30 s' }],
    });
    await demo.appendLogs(job.jobId, { count: 200 });
    await demo.setStatus(job.jobId, { status: 'Aborted' });

    await page.goto(`/jobs/${job.jobId}?tab=log`);
    const line = panel(page).locator(`[data-log-id="${failure.lastId}"]`);
    await expect(line).toBeInViewport();
    await expect(line).toHaveClass(/current/);
    await expect(panel(page).getByText('an earlier, recovered error')).toHaveCount(0);
  });

  test('the log reads in step sections: a header per step, folded and opened by click or key', async ({
    page,
    demo,
  }) => {
    // Room for two steps' sections under the volume histogram.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const job = await demo.createJob({
      title: 'Steps: sections',
      steps: 4,
      historicalLogs: 0,
      logRate: 0,
      running: false,
    });
    const work = (what: string, n: number, errorAt = -1) =>
      Array.from({ length: n }, (_, i) => ({
        level: i === errorAt ? 'ERROR' : 'INFO',
        message: `${what} ${i}`,
      }));
    await demo.appendLogs(job.jobId, { entries: work('step one work', 12) });
    const second = (await demo.advance(job.jobId)).metadata.currentStep!.singleStep!;
    await demo.appendLogs(job.jobId, { entries: work('step two work', 15, 9) });
    const third = (await demo.advance(job.jobId)).metadata.currentStep!.singleStep!;
    await demo.appendLogs(job.jobId, { entries: work('step three work', 5) });

    await page.goto(`/jobs/${job.jobId}?tab=log`);
    const header = (n: number, title: string) =>
      panel(page).getByRole('button', {
        name: new RegExp(`^Step ${n} - ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
      });
    const two = header(2, second.stepTitle!);
    const three = header(3, third.stepTitle!);
    // Step 2's 15 lines, with "Step 1 completed" and "Step 2 started" written as it began.
    await expect(two).toHaveAccessibleName(/ 1 error completed, active .* - 17 lines$/);
    await expect(three).toHaveAccessibleName(/ running, active .* - 7 lines$/);
    await expect(two).toHaveAttribute('aria-expanded', 'true');
    const stepTwoLines = rows(page).filter({ hasText: 'step two work' });
    await expect(stepTwoLines).toHaveCount(15);

    // Folded: its lines go, the other sections stay.
    await two.click();
    await expect(two).toHaveAttribute('aria-expanded', 'false');
    await expect(stepTwoLines).toHaveCount(0);
    await expect(rows(page).filter({ hasText: 'step three work' })).toHaveCount(5);
    await expect(rows(page).filter({ hasText: 'step one work' })).toHaveCount(12);
    // From the keyboard.
    await two.focus();
    await page.keyboard.press('Enter');
    await expect(two).toHaveAttribute('aria-expanded', 'true');
    await expect(stepTwoLines).toHaveCount(15);

    // Going to the next ERROR opens the folded section that holds it.
    await two.click();
    await expect(stepTwoLines).toHaveCount(0);
    await panel(page).getByRole('group', { name: 'Log lines' }).focus();
    await page.keyboard.press('e');
    const error = rows(page).filter({ hasText: /step two work 9$/ });
    await expect(error).toBeInViewport();
    await expect(error).toHaveClass(/current/);
    await expect(two).toHaveAttribute('aria-expanded', 'true');

    // A level filter shows plain lines: the sections are for the whole log.
    await panel(page)
      .getByText(/^INFO [\d,]+$/)
      .click();
    await expect(panel(page).locator('[data-section]')).toHaveCount(0);
    await expect(rows(page).filter({ hasText: 'step two work 9' })).toHaveCount(1);
    await expect(panel(page).locator('[data-level="INFO"]')).toHaveCount(0);

    // The job advances while the log is open: step 3 ends, and step 4's section opens below it.
    await panel(page)
      .getByText(/^INFO [\d,]+$/)
      .click();
    const fourth = (await demo.advance(job.jobId)).metadata.currentStep!.singleStep!;
    await demo.appendLogs(job.jobId, { entries: work('step four work', 3) });
    const four = header(4, fourth.stepTitle!);
    await expect(four).toHaveAccessibleName(/ running, active .* - 5 lines$/);
    await expect(three).toHaveAccessibleName(/ completed, active .* - 7 lines$/);
    await expect(rows(page).filter({ hasText: 'step four work' })).toHaveCount(3);
  });

  test('a step named in the URL that the job does not have says so', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Steps: unknown',
      historicalLogs: 5,
      logRate: 0,
      running: false,
    });
    await page.goto(`/jobs/${job.jobId}?tab=log&step=nope`);
    await expect(panel(page).getByRole('region', { name: 'Chosen step' })).toContainText(
      'This job has no step "nope".',
    );
    await expect(rows(page)).toHaveCount(5);
  });

  test('the timeline and the chosen step pass axe', async ({ page, demo }) => {
    const job = await demo.createJob({
      title: 'Steps: axe',
      steps: 3,
      historicalLogs: 10,
      logRate: 0,
      running: false,
    });
    await demo.advance(job.jobId);
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByRole('list', { name: 'Steps in time order' })).toBeVisible();
    const overview = await new AxeBuilder({ page }).include('main').analyze();
    expect(
      overview.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
    await page.getByRole('list', { name: 'Steps in time order' }).getByRole('link').first().click();
    await expect(panel(page).getByRole('region', { name: 'Chosen step' })).toBeVisible();
    const log = await new AxeBuilder({ page }).include('main').analyze();
    expect(log.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
  });
});
