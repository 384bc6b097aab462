/**
 * THE allowlist: every call the dashboard makes to the two APIs, and nothing else. A request
 * that matches no line here is answered by the gateway (404, or 405 for a known path with another
 * method) and never reaches an upstream. A feature that needs a new call adds its line here.
 *
 * `{name}` is one opaque id segment: sent percent-encoded by the app, decoded once here and
 * encoded once again for the upstream, so an id may hold `/` or `%`. `{name?}` may be left out.
 * `query` lists the parameters the call may carry, each with the shape of its value; any other
 * parameter is a 400.
 */
import { LOG_RECHECK_PARAM, LOG_WAIT_PARAM } from '../../src/contract/index.ts';
import type { ApiName } from '../config.ts';

export type QueryRule = RegExp;

export interface GatewayRoute {
  method: 'GET' | 'POST';
  /** The path on this server, which is also the path under the upstream's base URL. */
  path: string;
  api: ApiName;
  query?: Readonly<Record<string, QueryRule>>;
  /** Parameters that may be repeated (`status=A&status=B`). */
  repeatable?: readonly string[];
  /** Logged on the server's stdout, one line per call, with its outcome. */
  audit?: 'abort';
  /**
   * Answered by the gateway's job index, not the upstream (which has no filters, totals,
   * counts or workflow list). With the index off, a list is the upstream's own pages.
   */
  extension?: 'list' | 'mine' | 'counts' | 'workflows' | 'freshness';
  /** The upstream answers with a job: the job index takes it in on the way through. */
  carriesJob?: boolean;
  /**
   * Answered from the gateway's log cache (one shared upstream tail per job). The query is the
   * gateway's own and never goes upstream, with the cache off either.
   */
  logCache?: boolean;
}

const count = /^\d{1,7}$/;
const text = /^[^\0]{0,200}$/;
const id = /^[^\0]{1,200}$/;

/** Paging, and the filters the gateway's job index serves. */
const LIST_QUERY = {
  skip: count,
  limit: count,
  status: text,
  workflowId: id,
  q: text,
  sort: /^(updated|created|title|status)$/,
  order: /^(asc|desc)$/,
};

/** What the upstream's own list takes. */
export const UPSTREAM_LIST_QUERY: ReadonlySet<string> = new Set(['skip', 'limit']);

export const GATEWAY_ROUTES: readonly GatewayRoute[] = [
  {
    method: 'GET',
    path: '/jobs/v1/',
    api: 'jobs',
    query: LIST_QUERY,
    repeatable: ['status'],
    extension: 'list',
  },
  {
    method: 'GET',
    path: '/jobs/v1/my/',
    api: 'jobs',
    query: LIST_QUERY,
    repeatable: ['status'],
    extension: 'mine',
  },
  {
    method: 'GET',
    path: '/jobs/v1/counts',
    api: 'jobs',
    query: { status: text, workflowId: id, q: text, mine: /^(true|1)$/ },
    repeatable: ['status'],
    extension: 'counts',
  },
  { method: 'GET', path: '/jobs/v1/workflows', api: 'jobs', extension: 'workflows' },
  { method: 'GET', path: '/jobs/v1/freshness', api: 'jobs', extension: 'freshness' },
  {
    method: 'GET',
    path: '/jobs/v1/workflow/{workflowId}',
    api: 'jobs',
    query: { skip: count, limit: count },
  },
  { method: 'GET', path: '/jobs/v1/bson/{jobId}', api: 'jobs', carriesJob: true },
  {
    method: 'POST',
    path: '/jobs/v1/{clientJobId}/abort',
    api: 'jobs',
    audit: 'abort',
    carriesJob: true,
  },
  // The upstream reads a lastLogId that is not a number as 0 (every log) and fails on
  // `Infinity`: only digits go through.
  {
    method: 'GET',
    path: '/api/v1/job/{jobId}/details/{lastLogId?}',
    api: 'logs',
    query: { [LOG_WAIT_PARAM]: /^\d{1,2}$/, [LOG_RECHECK_PARAM]: /^1$/ },
    logCache: true,
  },
];

/** Path parameters that must be a non-negative integer. */
export const NUMERIC_PARAMS: ReadonlySet<string> = new Set(['lastLogId']);
