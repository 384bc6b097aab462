import path from 'node:path';
import type { SimulatorOptions } from './demo/index.ts';
import { LOG_PAGE_MAX_LINES } from '../src/contract/index.ts';
import { DEFAULT_SYNC, type SyncSettings } from './gateway/jobIndex/sync.ts';
import { DEFAULT_LOG_CACHE, type LogCacheSettings } from './gateway/logCache/settings.ts';
import { DEFAULT_LOG_JOB_ID_FROM, parseLogJobIdPath } from './gateway/logCache/logJobId.ts';
import { DEFAULT_ALLOWED_HOSTS, hostnameOf, parseAllowedHost } from './security/hosts.ts';
import { isLoopbackAddress } from './security/nodeRequest.ts';

/** One upstream API the server forwards to. */
export interface UpstreamConfig {
  /** Origin plus an optional base path (no trailing slash), e.g. https://host/base. */
  url: URL;
  /** When set, the server authenticates itself and ignores the browser's header. */
  token: string | undefined;
}

export interface ServerConfig {
  port: number;
  /** The address to bind: loopback unless HOST says otherwise. */
  host: string;
  /** Host names the server answers for (the Host check), lower-case, IPv6 in brackets. */
  allowedHosts: ReadonlySet<string>;
  /** null = served by the built-in simulator */
  jobs: UpstreamConfig | null;
  logs: UpstreamConfig | null;
  /** For a whole upstream exchange, body included. */
  proxyTimeoutMs: number;
  /** The largest upstream answer read; a bigger one is a 502. */
  upstreamMaxBytes: number;
  /** The largest request body accepted from a browser. */
  maxBodyBytes: number;
  /** /__demo from any client (DEMO_CONTROL=open), not only from this machine. */
  demoOpen: boolean;
  /** The job index serves the list's filters, sort, totals and counts (JOBS_INDEX, default on). */
  jobsIndex: boolean;
  /** Where the store lives (DATA_DIR). */
  dataDir: string;
  /** How the job index follows the Jobs API. */
  sync: SyncSettings;
  /** A browser token's index is dropped after this long unused. */
  indexIdleMs: number;
  /** The log cache serves logs from the store, one upstream tail per job (LOG_CACHE, default on). */
  logCache: boolean;
  /** How the log cache tails and what it holds. */
  logSettings: LogCacheSettings;
  /** Where a job's log lives in the Job log API: a dotted path into the job (LOG_JOB_ID_FROM). */
  logJobIdFrom: readonly string[];
  /** Present whenever at least one API is simulated. */
  simulator: SimulatorOptions | null;
}

export type ApiName = 'jobs' | 'logs';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_INDEX_IDLE_MS = 15 * 60_000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/**
 * The largest answer the app asks for is a list page of 100 jobs. A job is ~860 bytes of JSON per
 * completed step: the simulator's usual jobs make a 1.5 MB page, jobs of 500 steps (the most a
 * /__demo call makes) 43 MB. 64 MiB reads that page and still bounds what one request can make
 * the server hold.
 */
export const DEFAULT_UPSTREAM_MAX_BYTES = 64 * 1024 * 1024;

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Throws one ConfigError listing every problem, so a
 * misconfigured deployment fails at start instead of at the first request.
 */
export function parseConfig(
  env: Env,
  readSimulatorOptions: (env: Env) => SimulatorOptions,
  /** DATA_DIR is relative to it; default a git-ignored data/ in the project. */
  projectRoot = process.cwd(),
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

  const flag = (name: string, on: string) => {
    const raw = value(name);
    if (raw !== undefined && raw !== on)
      problems.push(`${name} must be "${on}" or unset, got "${raw}"`);
    return raw === on;
  };

  const host = value('HOST') ?? DEFAULT_HOST;
  const config: ServerConfig = {
    port: integer('PORT', DEFAULT_PORT, 0, 65535),
    host,
    allowedHosts: allowedHostsOf(value('ALLOWED_HOSTS'), host, problems),
    jobs: upstream('JOBS_API_URL', 'JOBS_API_TOKEN'),
    logs: upstream('LOGS_API_URL', 'LOGS_API_TOKEN'),
    proxyTimeoutMs: integer('PROXY_TIMEOUT_MS', DEFAULT_PROXY_TIMEOUT_MS, 1, 10 * 60_000),
    upstreamMaxBytes: integer(
      'UPSTREAM_MAX_BYTES',
      DEFAULT_UPSTREAM_MAX_BYTES,
      1024,
      2 * 1024 * 1024 * 1024,
    ),
    maxBodyBytes: integer('MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1, 1024 * 1024 * 1024),
    demoOpen: flag('DEMO_CONTROL', 'open'),
    jobsIndex: value('JOBS_INDEX') !== 'off',
    dataDir: path.resolve(projectRoot, value('DATA_DIR') ?? 'data'),
    sync: {
      pageSize: integer('JOBS_SYNC_PAGE_SIZE', DEFAULT_SYNC.pageSize, 1, 1000),
      ratePerSecond: integer('JOBS_SYNC_RATE', DEFAULT_SYNC.ratePerSecond, 0, 10_000),
      passIntervalMs: integer('JOBS_SYNC_INTERVAL_MS', DEFAULT_SYNC.passIntervalMs, 0, 86_400_000),
      hotIntervalMs: integer('JOBS_SYNC_HOT_MS', DEFAULT_SYNC.hotIntervalMs, 100, 3_600_000),
    },
    indexIdleMs: integer('JOBS_INDEX_IDLE_MS', DEFAULT_INDEX_IDLE_MS, 1000, 86_400_000),
    logCache: value('LOG_CACHE') !== 'off',
    logSettings: {
      ...DEFAULT_LOG_CACHE,
      pollMs: integer('LOG_POLL_MS', DEFAULT_LOG_CACHE.pollMs, 100, 600_000),
      maxBytes: integer('LOG_CACHE_MAX_BYTES', DEFAULT_LOG_CACHE.maxBytes, 1024 * 1024, 2 ** 50),
      pageLines: integer('LOG_PAGE_LIMIT', DEFAULT_LOG_CACHE.pageLines, 1, LOG_PAGE_MAX_LINES),
    },
    logJobIdFrom: logJobIdFromOf(value('LOG_JOB_ID_FROM'), problems),
    simulator: null,
  };
  config.logSettings.progressMs = config.proxyTimeoutMs;
  const logCache = value('LOG_CACHE');
  if (logCache !== undefined && logCache !== 'on' && logCache !== 'off') {
    problems.push(`LOG_CACHE must be "on" or "off", got "${logCache}"`);
  }
  const index = value('JOBS_INDEX');
  if (index !== undefined && index !== 'on' && index !== 'off') {
    problems.push(`JOBS_INDEX must be "on" or "off", got "${index}"`);
  }
  const trusted = flag('TRUST_NETWORK', '1');
  const tokens = ['JOBS_API_TOKEN', 'LOGS_API_TOKEN'].filter((name) => value(name) !== undefined);
  if (tokens.length > 0 && !isLoopbackHost(host) && !trusted) {
    problems.push(
      `${tokens.join(' and ')} ${tokens.length > 1 ? 'are' : 'is'} set and HOST=${host} serves ` +
        'other machines: anyone who reaches this server would act with that token. Put Jobscope ' +
        'behind a reverse proxy that authenticates operators and set TRUST_NETWORK=1, or bind ' +
        'HOST=127.0.0.1',
    );
  }
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

function logJobIdFromOf(raw: string | undefined, problems: string[]): string[] {
  const path = parseLogJobIdPath(raw ?? DEFAULT_LOG_JOB_ID_FROM);
  if (path === null) {
    problems.push(
      `LOG_JOB_ID_FROM must be a dotted path of field names such as metadata.metadata.FuyukoJobId, got "${raw}"`,
    );
    return [DEFAULT_LOG_JOB_ID_FROM];
  }
  return path;
}

/** True for an address or name that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || isLoopbackAddress(bare);
}

/** The defaults, a HOST that names one address, and ALLOWED_HOSTS (comma-separated names). */
function allowedHostsOf(raw: string | undefined, host: string, problems: string[]): Set<string> {
  const allowed = new Set(DEFAULT_ALLOWED_HOSTS);
  const bound = hostnameOf(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  if (bound !== null && !['0.0.0.0', '[::]'].includes(bound)) allowed.add(bound);
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const name = parseAllowedHost(entry);
    if (name === null) {
      problems.push(`ALLOWED_HOSTS takes host names without scheme, port or path, got "${entry}"`);
    } else allowed.add(name);
  }
  return allowed;
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
