import type { Handler } from 'hono';

/** What the server needs of the simulator: a fetch handler for its routes. */
export interface ApiBackend {
  app: { fetch(request: Request): Response | Promise<Response> };
}

/**
 * Hands the request to the simulator's own Hono app. Its built-in 404 and 500 answers are plain
 * text; API clients always get JSON from this server.
 */
export function simulatorHandler(simulator: ApiBackend | undefined): Handler {
  return async (c) => {
    if (!simulator) return c.json({ message: 'The simulator is not running' }, 503);
    const response = await simulator.app.fetch(c.req.raw);
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    if ((response.status === 404 || response.status === 500) && !isJson) {
      const message = response.status === 404 ? 'Not found' : 'Internal server error';
      return c.json({ message }, response.status);
    }
    return response;
  };
}
