/**
 * Every answer a server hands the page, status, headers and body, read by the test itself before
 * the page gets it. `response.text()` cannot promise that: Chromium keeps no body for a response
 * the page navigated away from or cut short (a long poll), and the body is simply gone.
 */
import type { Page } from '@playwright/test';

export interface Captured {
  url: URL;
  status: number;
  /** Every header line, `name: value`, one a line. */
  headers: string;
  body: string;
}

export async function captureResponses(page: Page, origin: string): Promise<Captured[]> {
  const captured: Captured[] = [];
  await page.route(
    (url) => url.origin === origin,
    async (route) => {
      // The answer is read here and only then handed on: the page never sees more than this.
      const response = await route.fetch({ maxRedirects: 0 }).catch(() => null);
      if (!response) {
        await route.abort().catch(() => undefined);
        return;
      }
      const body = await response.body();
      captured.push({
        url: new URL(route.request().url()),
        status: response.status(),
        headers: response
          .headersArray()
          .map(({ name, value }) => `${name}: ${value}`)
          .join('\n'),
        body: body.toString('utf8'),
      });
      // A page that went elsewhere meanwhile no longer takes it: what it would have got is above.
      await route.fulfill({ response, body }).catch(() => undefined);
    },
  );
  return captured;
}

/** Each way a secret can be written into a response: raw, JSON-escaped, with `\/`, URL-encoded. */
export function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, json, json.replaceAll('/', '\\/'), encodeURIComponent(secret)])];
}

/** Where any form of any secret shows in the captured answers: "status path: where (form)". */
export function leaksIn(captured: Captured[], secrets: string[]): string[] {
  const forms = secrets.flatMap(encodedForms);
  return captured.flatMap(({ url, status, headers, body }) =>
    forms.flatMap((form) =>
      [
        headers.includes(form) ? 'headers' : null,
        body.includes(form) ? 'body' : null,
        url.href.includes(form) ? 'URL' : null,
      ]
        .filter((where) => where !== null)
        .map((where) => `${status} ${url.pathname}: ${where} (${form})`),
    ),
  );
}
