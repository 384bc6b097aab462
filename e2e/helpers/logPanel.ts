/** Driving the log panel in the log specs: opening it, its rows and chips, the server's view. */
import type { Page, Request } from '@playwright/test';
import { expect } from '../fixtures';
import { logPanel, upstreamLog, type UpstreamLine } from './logs';

export type ServerLog = UpstreamLine;

/** Every log the upstream double holds for a job, oldest first (see `upstreamLog`). */
export const serverLogs = upstreamLog;

/** The `lastLogId` of each log request the page makes for a job, in order. */
export function watchCursors(page: Page, jobId: string): number[] {
  const cursors: number[] = [];
  page.on('request', (request: Request) => {
    const match = new RegExp(`/api/v1/job/${jobId}/details/(\\d+)`).exec(request.url());
    if (match) cursors.push(Number(match[1]));
  });
  return cursors;
}

export const logRows = (page: Page) => logPanel(page).locator('[data-log-id]');
/** Mantine chips hide their checkbox input; the operator clicks the label. */
export const levelChip = (page: Page, name: string) =>
  logPanel(page).getByText(name, { exact: true });

/** Ids of the rendered rows, ascending. */
export async function shownIds(page: Page): Promise<number[]> {
  const ids = await logRows(page).evaluateAll((els) => els.map((e) => Number(e.dataset.logId)));
  return ids.sort((a, b) => a - b);
}

export async function openLog(page: Page, jobId: string, suffix = '') {
  await page.goto(`/jobs/${jobId}?tab=log${suffix}`);
  await expect(logPanel(page)).toBeVisible();
  // Keep the pointer off the list: hovering a line holds the view still.
  await page.mouse.move(0, 0);
}
