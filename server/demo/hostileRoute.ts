/** POST /__demo/hostile: adds the hostile job set to the world (see hostileJobs.ts). */
import type { Hono } from 'hono';
import type { SimContext } from './context.ts';
import { HOSTILE_SET_SIZE, createHostileJobs } from './hostileJobs.ts';
import { createdJobsRefusal } from './limits.ts';

export function registerHostileRoute(app: Hono, ctx: SimContext): void {
  app.post('/__demo/hostile', (c) => {
    const refusal = createdJobsRefusal(c, ctx.world.createdJobs, HOSTILE_SET_SIZE());
    if (refusal) return refusal;
    ctx.world.createdJobs += HOSTILE_SET_SIZE();
    const created = createHostileJobs(ctx.world, ctx.time());
    return c.json(created, 201);
  });
}
