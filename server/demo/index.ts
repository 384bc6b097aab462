/**
 * The built-in simulator of both job APIs: a seeded population that advances on a clock,
 * the Jobs API, the Job log API and the /__demo control routes, as one Hono app.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { SimContext, TokenAccess } from './context.ts';
import { registerControlRoutes } from './controlRoutes.ts';
import { advanceWorld } from './engine.ts';
import { faultMiddleware } from './faultMiddleware.ts';
import { Faults } from './faults.ts';
import { registerJobsRoutes } from './jobsRoutes.ts';
import { registerLogsRoutes } from './logsRoutes.ts';
import { DEFAULT_CURRENT_USER } from './catalog.ts';
import type { SimulatorOptions } from './options.ts';
import { generatePopulation } from './population.ts';
import type { ResetSpec } from './spec.ts';
import { World } from './world.ts';

export type { SimulatorOptions } from './options.ts';
export { simulatorOptionsFromEnv } from './options.ts';

export interface Simulator {
  /** Routes at absolute paths: /jobs/v1/*, /api/v1/*, /__demo/*. */
  app: Hono;
  /** Edge faults (set through /__demo/faults `edge`), for the gateway's answers to the browser. */
  edgeFaults(api: 'jobs' | 'logs'): MiddlewareHandler;
  /** Brings the world up to `toMs` (default now()). */
  advance(toMs?: number): void;
  /** Clears timers. */
  stop(): void;
  /** Called after each /__demo/reset: the world, and every log in it, is new. */
  onReset(listener: () => void): void;
}

const TICK_MS = 1000;

export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const build = (spec: ResetSpec) => {
    const world = new World(
      {
        seed: spec.seed ?? options.seed,
        jobs: spec.jobs ?? options.jobs,
        bigLogLines: spec.bigLogLines ?? options.bigLogLines,
        currentUser: options.currentUser ?? DEFAULT_CURRENT_USER,
      },
      now(),
    );
    generatePopulation(world, world.clock);
    // Sort the default order now: later re-sorts of a nearly sorted order are cheap.
    world.index.sorted('updated', () => world.jobs.values());
    return world;
  };
  let world = build({});
  const resetListeners: (() => void)[] = [];
  const faults = new Faults();
  const access = new Map<string, TokenAccess>();
  const ctx: SimContext = {
    get world() {
      return world;
    },
    faults,
    access,
    requests: { jobs: 0, logs: 0 },
    time: () => Math.max(now(), world.clock),
    reset(spec) {
      world = build(spec);
      faults.clear();
      access.clear();
      for (const listener of resetListeners) listener();
    },
  };
  const advance = (toMs?: number) => advanceWorld(world, toMs ?? now());

  const app = new Hono();
  // Lazily, too: every answer reflects the world as of the request, timer or not.
  for (const prefix of ['/jobs/v1', '/api/v1', '/__demo']) {
    app.use(`${prefix}/*`, async (_c, next) => {
      advance();
      await next();
    });
  }
  for (const [prefix, api] of [
    ['/jobs/v1/*', 'jobs'],
    ['/api/v1/*', 'logs'],
  ] as const) {
    app.use(prefix, async (_c, next) => {
      ctx.requests[api]++;
      await next();
    });
  }
  app.use('/jobs/v1/*', faultMiddleware(ctx, 'jobs'));
  app.use('/api/v1/*', faultMiddleware(ctx, 'logs'));
  registerJobsRoutes(app, ctx);
  registerLogsRoutes(app, ctx);
  registerControlRoutes(app, ctx);
  app.onError((error, c) => {
    console.error('simulator error', error);
    return c.json({ message: 'Internal simulator error', error: 'Internal Server Error' }, 500);
  });

  const timer = options.autoTick === false ? null : setInterval(() => advance(), TICK_MS);
  // Node's timers can be unref'd, so a forgotten simulator never holds a process open. (Also
  // compiled with browser types, where a timer is a number: the app's tests run it in-process.)
  (timer as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    app,
    edgeFaults: (api) => faultMiddleware(ctx, api, 'edge'),
    advance,
    onReset: (listener) => void resetListeners.push(listener),
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
