import type { Handler, MiddlewareHandler } from 'hono';
import type { ApiBackend } from './gateway/upstreams.ts';
import { clientAddressOf, isLoopbackAddress } from './security/nodeRequest.ts';

/**
 * /__demo rewrites what every operator sees, so by default only a client on this machine may use
 * it (tests, benchmarks, a developer). DEMO_CONTROL=open lets any client in.
 */
export function demoClientsOnly(open: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (open || isLoopbackAddress(clientAddressOf(c))) return next();
    return c.json(
      {
        message:
          'Refused: /__demo answers only clients on this machine. Set DEMO_CONTROL=open to ' +
          'let other clients drive the simulator.',
      },
      403,
    );
  };
}

/**
 * Hands a /__demo request to the simulator's own Hono app. Its built-in 404 and 500 answers are
 * plain text; clients of this server always get JSON.
 */
export function demoHandler(simulator: ApiBackend | undefined): Handler {
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
