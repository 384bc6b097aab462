import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDemoEnabled, type ApiName, type ServerConfig } from './config.ts';
import { demoClientsOnly, demoHandler } from './demoRoute.ts';
import { gatewayHandler } from './gateway/forward.ts';
import type { IndexedJobs } from './gateway/jobIndex/serve.ts';
import type { LogCache } from './gateway/logCache/cache.ts';
import { upstreamLimitsOf, upstreamsFor, type ApiBackend } from './gateway/upstreams.ts';
import { securityHeaders } from './security/headers.ts';
import { hostCheck } from './security/hosts.ts';
import { rawPathOf, unsafePathReason } from './security/pathGuard.ts';
import { sameOriginOnly } from './security/sameOrigin.ts';
import { serveDist } from './static.ts';

export type { ApiBackend } from './gateway/upstreams.ts';

export interface ApiAppOptions {
  /** Serves every API that config does not proxy, and /__demo. */
  simulator?: ApiBackend;
  /** The job index's answers; without it the list is the upstream's own pages. */
  indexed?: IndexedJobs;
  /** The log cache; without it each log request goes to the upstream as it is. */
  logCache?: LogCache;
  /** Where audit lines (aborts) go; stdout by default. */
  audit?: (line: string) => void;
}

export interface AppOptions extends ApiAppOptions {
  /** Vite's output directory (holds index.html and assets/). */
  distDir: string;
}

export const API_PREFIXES: Readonly<Record<ApiName | 'demo', string>> = {
  jobs: '/jobs/v1',
  logs: '/api/v1',
  demo: '/__demo',
};

/** True for every path the API routes own (they answer JSON, never index.html). */
export function isApiPath(pathname: string): boolean {
  return Object.values(API_PREFIXES).some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

/** The API routes only: mounted into Vite in development, and used by tests. */
export function createApiApp(config: ServerConfig, options: ApiAppOptions = {}): Hono {
  const app = createBaseApp(config);
  mountApi(app, config, options);
  return app;
}

/** The production app: the API routes plus the built dashboard. */
export function createApp(config: ServerConfig, options: AppOptions): Hono {
  const app = createBaseApp(config);
  mountApi(app, config, options);
  app.get('*', serveDist(options.distDir));
  return app;
}

const notFound = { message: 'Not found' };

/**
 * Every request passes, in order: the security headers (added on the way out), the Host check,
 * the path guard. Each API prefix then adds the cross-site check and its body limit.
 */
function createBaseApp(config: ServerConfig): Hono {
  const app = new Hono();
  app.use(securityHeaders);
  // A page of 2,000 log lines is ~300 KB of JSON and ~40 KB gzipped; assets shrink alike.
  app.use(compress());
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return c.json({ message: error.message || 'Request failed' }, error.status);
    }
    console.error('Request failed:', c.req.method, c.req.path, error);
    return c.json({ message: 'Internal server error' }, 500);
  });
  app.notFound((c) => c.json(notFound, 404));
  app.use(hostCheck(config.allowedHosts));
  app.use(async (c, next) => {
    const reason = unsafePathReason(rawPathOf(c));
    if (reason) return c.json({ message: `Refused: ${reason}` }, 400);
    return next();
  });
  return app;
}

function mountApi(
  app: Hono,
  config: ServerConfig,
  { simulator, indexed, logCache, audit }: ApiAppOptions,
): void {
  const limit = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: (c) =>
      c.json(
        { message: `Request body exceeds ${config.maxBodyBytes} bytes` },
        413 as ContentfulStatusCode,
      ),
  });
  const gateway = gatewayHandler({
    upstreams: upstreamsFor(config, simulator),
    limits: upstreamLimitsOf(config),
    indexed,
    logCache,
    audit,
  });
  for (const api of ['jobs', 'logs'] as const) {
    const prefix = API_PREFIXES[api];
    app.all(prefix, (c) => c.json(notFound, 404));
    // With the simulator, /__demo can make the gateway's own answers fail, as a network would.
    const edge = isDemoEnabled(config) ? simulator?.edgeFaults?.(api) : undefined;
    if (edge) app.all(`${prefix}/*`, sameOriginOnly, limit, edge, gateway);
    else app.all(`${prefix}/*`, sameOriginOnly, limit, gateway);
  }
  const demo = API_PREFIXES.demo;
  if (isDemoEnabled(config)) {
    app.all(
      `${demo}/*`,
      demoClientsOnly(config.demoOpen),
      sameOriginOnly,
      limit,
      demoHandler(simulator),
    );
  } else app.all(`${demo}/*`, (c) => c.json(notFound, 404));
}
