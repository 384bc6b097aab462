/**
 * "Notify me": watching a job from its list row, and the announcements the watcher makes when it
 * completes or logs its first ERROR, on the desktop or, without permission, in the app. Headless
 * Chromium shows no desktop notification, so an init script wraps `Notification` and records
 * each one in `window.__notes`.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { jobsTable, uniqueToken } from './helpers/jobList';

interface Note {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}

/** The watcher's test-only interval (see src/features/job-watch/model/pollInterval.ts). */
const POLL_MS = 500;

async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript((pollMs) => {
    try {
      localStorage.setItem('jobscope.test.watchPollMs', String(pollMs));
    } catch {
      // about:blank has no storage.
    }
    const Real = window.Notification;
    const notes: Note[] = [];
    const shown: { onclick: (() => void) | null }[] = [];
    class Recorded {
      static get permission() {
        return Real.permission;
      }
      static requestPermission() {
        return Real.requestPermission();
      }
      onclick: (() => void) | null = null;
      private real: Notification | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        notes.push({ title, body: options.body, tag: options.tag });
        shown.push(this);
        try {
          this.real = new Real(title, options);
        } catch {
          // Recorded is enough.
        }
      }
      close() {
        this.real?.close();
      }
    }
    Object.assign(window, { __notes: notes, __shown: shown, Notification: Recorded });
  }, POLL_MS);
}

const notes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notes: Note[] }).__notes);

/** The stored watch of a job, as the watcher keeps it. */
const storedWatch = (page: Page, jobId: string) =>
  page.evaluate((id) => {
    const list = JSON.parse(localStorage.getItem('jobscope.watchedJobs') ?? '[]') as {
      jobId: string;
      logCursor: number | null;
    }[];
    return list.find((entry) => entry.jobId === id) ?? null;
  }, jobId);

const bell = (page: Page, title: string) =>
  jobsTable(page).getByRole('button', { name: `Notify me about ${title}` });

/** Resolves after the watcher's next poll of the job's status has been answered. */
const nextPoll = (page: Page, jobId: string) =>
  page.waitForResponse((response) => response.url().endsWith(`/jobs/v1/bson/${jobId}`));

test.describe('notify me', () => {
  test.use({ permissions: ['notifications'] });

  test('a watched job that completes is announced on the desktop', async ({ page, demo }) => {
    const title = `Notify complete ${uniqueToken()}`;
    const job = await demo.createJob({ title, running: false, logRate: 0 });
    await recordNotifications(page);
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await expect(bell(page, title)).toHaveAttribute('aria-pressed', 'false');
    await bell(page, title).click();
    await expect(bell(page, title)).toHaveAttribute('aria-pressed', 'true');
    await expect(bell(page, title)).toHaveAttribute('title', /while Jobscope is open/);

    // The detail header shows the same watch; the watcher goes on on any page.
    await jobsTable(page).getByRole('link', { name: title }).click();
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await demo.setStatus(job.jobId, { status: 'Completed' });
    await expect
      .poll(() => notes(page))
      .toEqual([{ title: `Job completed: ${title}`, body: 'Status: Completed', tag: job.jobId }]);
    await expect.poll(() => storedWatch(page, job.jobId)).toBeNull();
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveCount(0);
  });

  test('the first ERROR after watching is announced once', async ({ page, demo }) => {
    const title = `Notify error ${uniqueToken()}`;
    const job = await demo.createJob({ title, running: false, logRate: 0, historicalLogs: 40 });
    await demo.appendLogs(job.jobId, { entries: [{ level: 'ERROR', message: 'before watching' }] });
    await recordNotifications(page);
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await bell(page, title).click();
    // The first poll learns where the log ended: what came before is never announced.
    await expect
      .poll(async () => (await storedWatch(page, job.jobId))?.logCursor)
      .toBeGreaterThan(0);

    const first = await demo.appendLogs(job.jobId, {
      entries: [
        { level: 'INFO', message: 'still fine' },
        { level: 'ERROR', message: 'disk full on /var' },
      ],
    });
    await expect
      .poll(() => notes(page))
      .toEqual([{ title: `ERROR logged: ${title}`, body: 'disk full on /var', tag: job.jobId }]);

    await demo.appendLogs(job.jobId, { entries: [{ level: 'ERROR', message: 'second failure' }] });
    // The third poll starts once the second (the first wholly after the append) has ended.
    for (let i = 0; i < 3; i++) await nextPoll(page, job.jobId);
    expect(await notes(page)).toHaveLength(1);
    await expect(bell(page, title)).toHaveAttribute('aria-pressed', 'true');

    // Clicking the notification opens the log at the line.
    await page.evaluate(() =>
      (window as unknown as { __shown: { onclick: () => void }[] }).__shown[0]!.onclick(),
    );
    await expect(page).toHaveURL(`/jobs/${job.jobId}?tab=log#L${first.lastId}`);
  });
});

test.describe('notify me without permission', () => {
  test('announces in the app instead, and says so when watching', async ({ page, demo }) => {
    const title = `Notify denied ${uniqueToken()}`;
    const job = await demo.createJob({ title, running: false, logRate: 0 });
    await recordNotifications(page);
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await bell(page, title).click();
    await expect(bell(page, title)).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Desktop notifications' }),
    ).toContainText('Jobscope will show them here while it is open.');

    await demo.setStatus(job.jobId, { status: 'Aborted', abandonReason: 'Stopped by a test' });
    const notice = page.getByRole('alert').filter({ hasText: `Job aborted: ${title}` });
    await expect(notice).toContainText('Reason: Stopped by a test');
    await notice.getByRole('link', { name: 'Open the job' }).click();
    await expect(page).toHaveURL(`/jobs/${job.jobId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await notes(page)).toEqual([]);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: a watched row, the header toggle and the notice, ${scheme}`, async ({
    page,
    demo,
  }) => {
    await page.addInitScript((s) => localStorage.setItem('jobscope.colorScheme', s), scheme);
    const title = `Notify a11y ${scheme} ${uniqueToken()}`;
    const job = await demo.createJob({ title, running: false, logRate: 0 });
    await recordNotifications(page);
    await page.goto(`/jobs?q=${encodeURIComponent(title)}`);
    await bell(page, title).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Desktop notifications' }),
    ).toBeVisible();
    const serious = async (where: string) =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}`,
        );
    const found = await serious('list');
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByRole('button', { name: 'Notify me' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    found.push(...(await serious('detail')));
    expect(found).toEqual([]);
  });
}
