import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createApiApp, isApiPath } from './app.ts';
import { PROJECT_ROOT } from './entry.ts';
import { readConfig, startRuntime } from './runtime.ts';

/**
 * `npm run dev`: the server's API routes (simulator or proxy, from the environment) inside Vite's
 * dev and preview servers, so the dashboard, HMR and the APIs share one origin.
 */
export function apiDevPlugin(): Plugin {
  return {
    name: 'jobscope-api',
    configureServer(server) {
      server.middlewares.use(createApiMiddleware(server.httpServer));
    },
    configurePreviewServer(server) {
      server.middlewares.use(createApiMiddleware(server.httpServer));
    },
  };
}

interface Closable {
  once(event: 'close', listener: () => void): unknown;
}

function createApiMiddleware(httpServer: Closable | null): Connect.NextHandleFunction {
  const config = readConfig(process.env, PROJECT_ROOT);
  const runtime = startRuntime(config);
  httpServer?.once('close', () => void runtime.then((r) => r.stop()));
  const listener = runtime.then(({ simulator, indexed, logCache }) =>
    // Vite relies on Node's own Request/Response: leave the globals alone.
    getRequestListener(createApiApp(config, { simulator, indexed, logCache }).fetch, {
      overrideGlobalObjects: false,
    }),
  );
  return (req, res, next) => {
    // Raw path, before any normalisation, so a traversal attempt reaches the API guard.
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!isApiPath(pathname)) return next();
    void listener.then((listen) => listen(req, res));
  };
}
