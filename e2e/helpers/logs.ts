/** What the log panel shows and what the server holds, to prove the log ends exact. */
import type { APIRequestContext, Page } from '@playwright/test';

export const logPanel = (page: Page) => page.getByRole('region', { name: 'Job log' });
export const logStatus = (page: Page) => logPanel(page).getByTestId('log-status');

/** Ids of the rendered rows (the list is virtual: only what is in view). */
export async function renderedIds(page: Page): Promise<number[]> {
  return logPanel(page)
    .locator('[data-log-id]')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.logId)));
}

/** Every log id the server holds for a job, paged the way the API pages. */
export async function serverLogIds(
  request: APIRequestContext,
  jobId: string,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const ids: number[] = [];
  let cursor = 0;
  for (;;) {
    const body = await readPage(request, `/api/v1/job/${jobId}/details/${cursor}`, headers);
    const page = body.payload.logs.flatMap((l) => (l.id === null ? [] : [Number(l.id)]));
    if (page.length === 0) return ids;
    ids.push(...page);
    cursor = page[page.length - 1]!;
  }
}

type LogBody = { payload: { logs: { id: number | null }[] } };

/** Reads through injected faults too (a 50% error rate): a few tries per page. */
async function readPage(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string>,
): Promise<LogBody> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await request.get(url, { headers });
    if (response.ok()) {
      try {
        const body = (await response.json()) as LogBody;
        if (Array.isArray(body.payload.logs)) return body;
      } catch {
        // A malformed answer: try again.
      }
    }
    last = `HTTP ${response.status()}`;
  }
  throw new Error(`log read failed: ${last}`);
}
