import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDemoEnabled, type ApiName, type ServerConfig } from './config.ts';
import { rawPathOf, unsafePathReason } from './pathGuard.ts';
import { createProxyHandler } from './proxy.ts';
import { securityHeaders } from './securityHeaders.ts';
import { simulatorHandler, type ApiBackend } from './simulatorRoute.ts';
import { serveDist } from './static.ts';

export type { ApiBackend } from './simulatorRoute.ts';

export interface ApiAppOptions {
  /** Serves every API that config does not proxy, and /__demo. */
  simulator?: ApiBackend;
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
  const app = createBaseApp();
  mountApi(app, config, options);
  return app;
}

/** The production app: the API routes plus the built dashboard. */
export function createApp(config: ServerConfig, options: AppOptions): Hono {
  const app = createBaseApp();
  mountApi(app, config, options);
  app.get('*', serveDist(options.distDir));
  return app;
}

const notFound = { message: 'Not found' };

function createBaseApp(): Hono {
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
  app.use(async (c, next) => {
    const reason = unsafePathReason(rawPathOf(c), { encodedSlashes: false });
    if (reason) return c.json({ message: `Refused: ${reason}` }, 400);
    return next();
  });
  return app;
}

function mountApi(app: Hono, config: ServerConfig, { simulator }: ApiAppOptions): void {
  const limit = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: (c) =>
      c.json(
        { message: `Request body exceeds ${config.maxBodyBytes} bytes` },
        413 as ContentfulStatusCode,
      ),
  });
  const simulated = simulatorHandler(simulator);
  for (const api of ['jobs', 'logs'] as const) {
    const upstream = config[api];
    const handler = upstream
      ? createProxyHandler({ api, upstream, timeoutMs: config.proxyTimeoutMs })
      : simulated;
    app.all(`${API_PREFIXES[api]}/*`, limit, handler);
  }
  if (isDemoEnabled(config)) app.all(`${API_PREFIXES.demo}/*`, limit, simulated);
  else app.all(`${API_PREFIXES.demo}/*`, (c) => c.json(notFound, 404));
}
