/** POST /__demo/hostile: adds the hostile job set to the world (see hostileJobs.ts). */
import type { Hono } from 'hono';
import type { SimContext } from './context.ts';
import { createHostileJobs } from './hostileJobs.ts';

export function registerHostileRoute(app: Hono, ctx: SimContext): void {
  app.post('/__demo/hostile', (c) => c.json(createHostileJobs(ctx.world, ctx.time()), 201));
}
