import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { enterTokens } from './helpers/faultPages';
import { freePort, startServer } from './helpers/server';
import { rawRequest, startUpstream } from './helpers/upstream';

const KEY = 'jobscope.token.jobs';

const stored = (page: Page) =>
  page.evaluate(
    (key) => ({
      session: sessionStorage.getItem(key),
      local: localStorage.getItem(key),
    }),
    KEY,
  );

/** Everything an operator or a bug report could see: URL, title, text, hidden details. */
const visibleEverywhere = (page: Page) =>
  page.evaluate(
    () =>
      `${location.href}\n${document.title}\n${document.body.textContent ?? ''}\n${history.length}`,
  );

test.describe('tokens', () => {
  test('kept per tab unless remembered, never shown or logged, cleared by Sign out', async ({
    page,
    demo,
  }) => {
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const token = 'e2e-secret-token-5b9c1d';
    await demo.setFaults({ jobs: { token } });
    await page.goto('/jobs');
    expect(await enterTokens(page, token)).toBe(1);
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link').first()).toBeVisible();
    expect(await stored(page)).toEqual({ session: token, local: null });

    // A failure with the token in force: its message and details never quote the token.
    await demo.setFaults({ jobs: { token, errorRate: 1, errorStatus: 502 } });
    await page
      .getByRole('button', { name: /refresh/i })
      .first()
      .click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not refresh the jobs' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await alert.getByText('Details').click();
    expect(await visibleEverywhere(page)).not.toContain(token);

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await stored(page)).toEqual({ session: null, local: null });

    // "Remember on this device": localStorage, and only there.
    await demo.setFaults({ jobs: { token, errorRate: 0 } });
    await page.reload();
    expect(await enterTokens(page, token, true)).toBe(1);
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('link').first()).toBeVisible();
    expect(await stored(page)).toEqual({ session: null, local: token });
    expect(await visibleEverywhere(page)).not.toContain(token);
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await stored(page)).toEqual({ session: null, local: null });

    expect(console.filter((line) => line.includes(token))).toEqual([]);
  });
});

test.describe('proxy mode', () => {
  test('forwards tokens only to the configured upstream and refuses tricks', async () => {
    test.setTimeout(90_000);
    const upstream = await startUpstream();
    const evil = await startUpstream();
    const port = await freePort();
    const secret = 'upstream-secret-9d2e';
    const server = await startServer(port, {
      JOBS_API_URL: `${upstream.url}/`,
      JOBS_API_TOKEN: secret,
      LOGS_API_URL: `${upstream.url}/`,
      LOGS_API_TOKEN: secret,
      MAX_BODY_BYTES: '1024',
    });
    try {
      const ok = await rawRequest(port, '/jobs/v1/?limit=5');
      expect(ok.status).toBe(200);
      const logs = await rawRequest(port, '/api/v1/job/abc/details/0');
      expect(logs.status).toBe(200);
      expect(upstream.seen.map((r) => r.url)).toEqual([
        '/jobs/v1/?limit=5',
        '/api/v1/job/abc/details/0',
      ]);
      expect(upstream.seen[0]!.headers.authorization).toBe(`Bearer ${secret}`);
      expect(upstream.seen[1]!.headers['x-auth-jwt']).toBe(secret);
      // The other API's header is never sent along.
      expect(upstream.seen[0]!.headers['x-auth-jwt']).toBeUndefined();

      const e = `127.0.0.1:${evil.port}`;
      const tricks = [
        '/api/v1/..%2f..%2fadmin',
        '/jobs/v1/..%2f..%2f',
        '/jobs/v1/%2e%2e/%2e%2e/secret',
        '/jobs/v1/../../etc/passwd',
        '/jobs/v1/..%5c..%5csecret',
        `//${e}/jobs/v1/`,
        `/jobs/v1//${e}/x`,
        `/jobs/v1/@${e}/x`,
        `/jobs/v1/%2f%2f${e}/x`,
        `http://${e}/jobs/v1/`,
      ];
      for (const path of tricks) {
        const before = upstream.seen.length;
        const answer = await rawRequest(port, path);
        const forwarded = upstream.seen.slice(before).map((r) => r.url);
        // Refused, or forwarded to the upstream under the API's own prefix: nowhere else.
        if (answer.status < 400) expect(forwarded, path).toHaveLength(1);
        for (const url of forwarded) expect(url, path).toMatch(/^\/(jobs|api)\/v1\//);
        expect(answer.text, path).not.toContain(secret);
      }
      expect(upstream.seen.slice(2).filter((r) => /\.\.|%2e%2e|%2f|%5c/i.test(r.url))).toEqual([]);
      expect(evil.seen, 'a request reached another host').toEqual([]);

      const big = await rawRequest(port, '/jobs/v1/some-job/abort', {
        method: 'POST',
        body: JSON.stringify({ padding: 'x'.repeat(4096) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(big.status).toBe(413);
      expect(upstream.seen.some((r) => r.method === 'POST')).toBe(false);
      expect(server.output()).not.toContain(secret);
    } finally {
      await server.stop();
      await upstream.close();
      await evil.close();
    }
  });
});
