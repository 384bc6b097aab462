/** The job list page as the list specs see it: its table, rows, filters and list requests. */
import type { Page, Request } from '@playwright/test';

/** A word no seeded job holds, so a search shows exactly the jobs a test made. */
export const uniqueToken = () =>
  `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const jobsTable = (page: Page) => page.getByRole('table', { name: 'Jobs' });
export const rowOf = (page: Page, title: string) =>
  jobsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title }) });
export const statusChip = (page: Page, status: string) =>
  page
    .getByRole('group', { name: 'Status' })
    .getByRole('checkbox', { name: new RegExp(`^${status}`) });
/** Mantine hides the chip's checkbox behind its label: people click the label, so tests do too. */
export const chipLabel = (page: Page, status: string) =>
  page
    .getByRole('group', { name: 'Status' })
    .locator('label', { hasText: new RegExp(`^${status}`) });
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

/** The page's own list requests name a sort; the workflow choices' request does not. */
export const isListRequest = (request: Request) => {
  const url = new URL(request.url());
  return /^\/jobs\/v1\/(my\/)?$/.test(url.pathname) && url.searchParams.has('sort');
};
