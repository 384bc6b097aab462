/** The two upstreams from the configuration: a real API, or the built-in simulator in-process. */
import type { MiddlewareHandler } from 'hono';
import type { ApiName, ServerConfig } from '../config.ts';
import type { Upstream, UpstreamLimits } from './upstream.ts';

export function upstreamLimitsOf(config: ServerConfig): UpstreamLimits {
  return {
    timeoutMs: config.proxyTimeoutMs,
    maxBytes: config.upstreamMaxBytes,
    secrets: [config.jobs?.token, config.logs?.token].filter((t): t is string => !!t),
  };
}

/** What the gateway needs of the simulator: a fetch handler for its routes. */
export interface ApiBackend {
  app: { fetch(request: Request): Response | Promise<Response> };
  /** Faults in the gateway's own answers to the browser, set through /__demo. */
  edgeFaults?(api: ApiName): MiddlewareHandler;
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
