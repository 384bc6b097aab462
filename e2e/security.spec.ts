import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { captureResponses, encodedForms, leaksIn } from './helpers/capture';
import { enterTokens, staleBanner } from './helpers/faultPages';
import { logStatus } from './helpers/logs';
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

    // A failure whose body quotes the request, the token included: the message and details
    // never show it.
    await demo.setFaults({
      edge: { jobs: { errorRate: 1, errorStatus: 502, echoRequest: true } },
    });
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
    await demo.clearFaults();
    await demo.setFaults({ jobs: { token } });
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
  test('forwards only the allowlisted calls, with the token, to the configured upstream', async () => {
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
      // Forwarding alone: the job index would read the upstream's list on its own, and the log
      // cache would go on tailing the job it was asked for.
      JOBS_INDEX: 'off',
      LOG_CACHE: 'off',
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
        '/jobs/v1/%252e%252e/secret',
        '/jobs/v1/..;/secret',
        '/jobs/v1/../../etc/passwd',
        '/jobs/v1/..%5c..%5csecret',
        `//${e}/jobs/v1/`,
        `/jobs/v1//${e}/x`,
        `/jobs/v1/@${e}/x`,
        `/jobs/v1/%2f%2f${e}/x`,
        `http://evil.example/jobs/v1/`,
        '/api/v1/users',
      ];
      for (const path of tricks) {
        const answer = await rawRequest(port, path);
        expect(answer.status, path).toBeGreaterThanOrEqual(400);
        expect(answer.text, path).not.toContain(secret);
      }
      expect(upstream.seen).toHaveLength(2);
      // An absolute target naming this server's own host name is this server's own call.
      expect((await rawRequest(port, `http://${e}/jobs/v1/`)).status).toBe(200);
      expect(upstream.seen.map((r) => r.url)[2]).toBe('/jobs/v1/');
      expect(evil.seen, 'a request reached another host').toEqual([]);

      const big = await rawRequest(port, '/jobs/v1/some-job/abort', {
        method: 'POST',
        body: JSON.stringify({ padding: 'x'.repeat(4096) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(big.status).toBe(413);
      const crossSite = await rawRequest(port, '/jobs/v1/some-job/abort', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
      expect(upstream.seen.some((r) => r.method === 'POST')).toBe(false);
      expect(server.output()).not.toContain(secret);
    } finally {
      await server.stop();
      await upstream.close();
      await evil.close();
    }
  });

  test('an upstream whose error bodies echo the request never hands the browser the server token', async ({
    page,
    demo,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    // This suite's own server (the simulator) is the upstream of a second server that holds
    // server tokens; the simulator checks them and, once failing, quotes the request back, the
    // credential in every form it writes (raw, JSON-escaped, `\/`-escaped, URL-encoded). The
    // tokens hold characters each of those writes differently, so each form is its own string.
    const jobsSecret = 'server/jobs+token-4c1d8e';
    const logsSecret = 'server"logs\\token/7a2b91';
    const secrets = [jobsSecret, logsSecret];
    await demo.setFaults({ jobs: { token: jobsSecret }, logs: { token: logsSecret } });
    const title = 'Echo: the token stays home';
    const job = await demo.createJob({ title, running: false });
    const port = await freePort();
    const server = await startServer(port, {
      JOBS_API_URL: baseURL!,
      JOBS_API_TOKEN: jobsSecret,
      LOGS_API_URL: baseURL!,
      LOGS_API_TOKEN: logsSecret,
    });
    const captured = await captureResponses(page, server.url);
    try {
      await page.goto(`${server.url}/jobs/${job.jobId}?tab=log`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

      // Everything this suite's server answers the second one now fails and quotes the
      // request: its upstream double (detail and log, forwarded) and its own edge (the list the
      // second server's job index reads).
      const failing = { errorRate: 1, errorStatus: 500, echoRequest: true };
      await demo.setFaults({
        jobs: { token: jobsSecret, ...failing },
        logs: { token: logsSecret, ...failing },
        edge: { jobs: failing, logs: failing },
      });
      await expect(staleBanner(page)).toBeVisible({ timeout: 20_000 });
      // The second server's log cache keeps serving what it holds and says its tail fails.
      await expect(logStatus(page)).toContainText('the Job log API is failing', {
        timeout: 20_000,
      });
      await page.goto(`${server.url}/jobs`);
      // The list stands on the second server's job index, which says its sync is failing.
      await expect(page.getByTestId('index-freshness')).toContainText('Last sync problem', {
        timeout: 20_000,
      });

      // No form of either token reached the browser: not in a body, a header or a URL.
      expect(leaksIn(captured, secrets)).toEqual([]);
      // And the test saw what it guards: each kind of answer carried the quoted request, its
      // credential replaced (the detail forwards the failure, the log and the index quote it).
      const kinds = {
        detail: /^\/jobs\/v1\/bson\//,
        log: /^\/api\/v1\/job\//,
        index: /^\/jobs\/v1\/freshness$/,
      };
      for (const [kind, path] of Object.entries(kinds)) {
        const quoting = captured.filter(
          (r) => path.test(r.url.pathname) && r.body.includes('[token]'),
        );
        expect(quoting.length, `${kind} answers quoting [token]`).toBeGreaterThan(0);
      }
      const lists = captured.filter((r) => r.url.pathname === '/jobs/v1/');
      expect(lists.length, 'list answers read').toBeGreaterThan(0);
      const shown = await visibleEverywhere(page);
      for (const secret of secrets) {
        expect(shown).not.toContain(secret);
        for (const form of encodedForms(secret)) expect(server.output()).not.toContain(form);
      }
    } finally {
      await server.stop();
    }
  });
});
