/** Scenario 6: the job list opened cold, and the JS and CSS each route loads first. */
import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { coldContext } from '../lib/browser.ts';
import { installProbe } from '../lib/probe.ts';
import type { Ctx, Target } from './types.ts';

export interface ListRun {
  firstRows: number;
}

export interface RouteBytes {
  route: string;
  jsGzip: number;
  cssGzip: number;
  files: number;
}

export async function listOnce(ctx: Ctx, target: Target): Promise<ListRun> {
  const context = await coldContext(ctx.browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, { first: '[data-job-id]' });
    await page.goto(`${target.url}/jobs`);
    await page.waitForFunction(() => window.__bench?.times().first != null, null, {
      timeout: 60_000,
      polling: 100,
    });
    return { firstRows: (await page.evaluate(() => window.__bench!.times().first))! };
  } finally {
    await context.close();
  }
}

/** JS and CSS fetched until the route has settled, gzip-compressed here (level 9). */
export async function routeBytes(ctx: Ctx, target: Target, route: string): Promise<RouteBytes> {
  const context = await coldContext(ctx.browser);
  try {
    const page = await context.newPage();
    const bodies: Promise<{ type: string; gzip: number }>[] = [];
    page.on('response', (response: Response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      bodies.push(
        response.body().then((body) => ({ type, gzip: gzipSync(body, { level: 9 }).length })),
      );
    });
    await page.goto(`${target.url}${route}`, { waitUntil: 'networkidle' });
    const files = await Promise.all(bodies);
    const sum = (type: string) =>
      files.filter((f) => f.type === type).reduce((total, f) => total + f.gzip, 0);
    return { route, jsGzip: sum('script'), cssGzip: sum('stylesheet'), files: files.length };
  } finally {
    await context.close();
  }
}
