import type { SimulatorOptions } from './demo/index.ts';

/** One upstream API the server forwards to. */
export interface UpstreamConfig {
  /** Origin plus an optional base path (no trailing slash), e.g. https://host/base. */
  url: URL;
  /** When set, the server authenticates itself and ignores the browser's header. */
  token: string | undefined;
}

export interface ServerConfig {
  port: number;
  /** undefined = all interfaces */
  host: string | undefined;
  /** null = served by the built-in simulator */
  jobs: UpstreamConfig | null;
  logs: UpstreamConfig | null;
  proxyTimeoutMs: number;
  maxBodyBytes: number;
  /** Present whenever at least one API is simulated. */
  simulator: SimulatorOptions | null;
}

export type ApiName = 'jobs' | 'logs';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Throws one ConfigError listing every problem, so a
 * misconfigured deployment fails at start instead of at the first request.
 */
export function parseConfig(
  env: Env,
  readSimulatorOptions: (env: Env) => SimulatorOptions,
): ServerConfig {
  const problems: string[] = [];
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return parsed;
  };
  const upstream = (urlName: string, tokenName: string): UpstreamConfig | null => {
    const raw = value(urlName);
    const token = value(tokenName);
    if (raw === undefined) {
      if (token !== undefined) {
        problems.push(`${tokenName} is set but ${urlName} is not: set the URL to proxy that API`);
      }
      return null;
    }
    const url = parseUpstreamUrl(raw);
    if (typeof url === 'string') {
      problems.push(`${urlName} ${url}, got "${raw}"`);
      return null;
    }
    return { url, token };
  };

  const config: ServerConfig = {
    port: integer('PORT', DEFAULT_PORT, 0, 65535),
    host: value('HOST'),
    jobs: upstream('JOBS_API_URL', 'JOBS_API_TOKEN'),
    logs: upstream('LOGS_API_URL', 'LOGS_API_TOKEN'),
    proxyTimeoutMs: integer('PROXY_TIMEOUT_MS', DEFAULT_PROXY_TIMEOUT_MS, 1, 10 * 60_000),
    maxBodyBytes: integer('MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1, 1024 * 1024 * 1024),
    simulator: null,
  };
  // Skip the simulator's variables when both APIs are proxied: they would be ignored anyway.
  if (!config.jobs || !config.logs) {
    try {
      config.simulator = readSimulatorOptions(env);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

/** Returns the parsed URL, or a description of what is wrong with it. */
function parseUpstreamUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username || url.password) {
    return 'must not contain credentials (use the matching *_TOKEN variable)';
  }
  if (url.search || url.hash) return 'must not have a query string or fragment';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** The control routes would let anyone rewrite what operators see, so never beside real data. */
export function isDemoEnabled(config: ServerConfig): boolean {
  return config.jobs === null && config.logs === null;
}

/** e.g. "simulator", "proxy: jobs -> https://a, logs -> https://b", "proxy: jobs -> https://a; simulator: logs" */
export function describeMode(config: ServerConfig): string {
  const proxied = (['jobs', 'logs'] as const).flatMap((name) => {
    const upstream = config[name];
    return upstream ? [`${name} -> ${upstreamLabel(upstream.url)}`] : [];
  });
  if (proxied.length === 0) return 'simulator';
  const simulated = (['jobs', 'logs'] as const).filter((name) => config[name] === null);
  const proxy = `proxy: ${proxied.join(', ')}`;
  return simulated.length > 0 ? `${proxy}; simulator: ${simulated.join(', ')}` : proxy;
}

export function upstreamLabel(url: URL): string {
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
}
