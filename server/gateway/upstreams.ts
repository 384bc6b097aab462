/** The two upstreams from the configuration: a real API, or the built-in simulator in-process. */
import type { ApiName, ServerConfig } from '../config.ts';
import type { Upstream } from './upstream.ts';

/** What the gateway needs of the simulator: a fetch handler for its routes. */
export interface ApiBackend {
  app: { fetch(request: Request): Response | Promise<Response> };
}

/** Never resolved on the network: requests to it are handed to the simulator in-process. */
const SIMULATOR_BASE = 'http://simulator.invalid';

const notRunning = () =>
  Response.json({ message: 'The simulator is not running' }, { status: 503 });

export function upstreamsFor(
  config: ServerConfig,
  simulator: ApiBackend | undefined,
): Record<ApiName, Upstream> {
  const make = (api: ApiName): Upstream => {
    const real = config[api];
    if (real) return { api, base: real.url, token: real.token, fetch: (request) => fetch(request) };
    return {
      api,
      base: new URL(SIMULATOR_BASE),
      token: undefined,
      fetch: (request) => (simulator ? simulator.app.fetch(request) : notRunning()),
    };
  };
  return { jobs: make('jobs'), logs: make('logs') };
}
