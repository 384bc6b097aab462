/** What the log panel shows and what the server holds, to prove the log ends exact. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { GET_RETRIES } from '../fixtures';

export const logPanel = (page: Page) => page.getByRole('region', { name: 'Job log' });
export const logStatus = (page: Page) => logPanel(page).getByTestId('log-status');

/** Ids of the rendered rows (the list is virtual: only what is in view). */
export async function renderedIds(page: Page): Promise<number[]> {
  return logPanel(page)
    .locator('[data-log-id]')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.logId)));
}

/**
 * Every log id the upstream double holds for a job, in id order, read from the simulator
 * itself (`/__demo`), not through the gateway: what the panel must end up holding.
 */
export async function serverLogIds(
  request: APIRequestContext,
  jobId: string,
  /** Another server's address; the suite's own by default. */
  base = '',
): Promise<number[]> {
  return (await upstreamLog(request, jobId, base)).map((line) => line.id);
}

export interface UpstreamLine {
  id: number;
  level: string;
  message: string;
  creationDate: string;
}

export async function upstreamLog(
  request: APIRequestContext,
  jobId: string,
  base = '',
): Promise<UpstreamLine[]> {
  const response = await request.get(`${base}/__demo/jobs/${encodeURIComponent(jobId)}/logs`, {
    maxRetries: GET_RETRIES,
  });
  if (!response.ok()) throw new Error(`log read failed: HTTP ${response.status()}`);
  return ((await response.json()) as { logs: UpstreamLine[] }).logs;
}

/**
 * Waits until the gateway's copy of a job's log reaches `id` (its tail reads the upstream once
 * per poll interval while someone watches).
 */
export async function gatewayHolds(request: APIRequestContext, jobId: string, id: number) {
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/job/${encodeURIComponent(jobId)}/details/0`, {
          maxRetries: GET_RETRIES,
        });
        return Number(response.headers()['x-last-log-id'] ?? 0);
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(id);
}
