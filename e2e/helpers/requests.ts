/** Counts the API requests a page makes, to prove that back-off holds while a fault lasts. */
import type { Page, Request } from '@playwright/test';

export interface RequestCounter {
  /** Requests matched so far. */
  readonly total: number;
  /** Requests matched since `mark()`. */
  since(mark: number): number;
  urls: string[];
}

export function countRequests(page: Page, pattern: RegExp): RequestCounter {
  const urls: string[] = [];
  page.on('request', (request: Request) => {
    if (pattern.test(new URL(request.url()).pathname)) urls.push(request.url());
  });
  return {
    get total() {
      return urls.length;
    },
    since: (mark) => urls.length - mark,
    urls,
  };
}

export const JOBS_API = /^\/jobs\/v1\//;
export const LOGS_API = /^\/api\/v1\//;
