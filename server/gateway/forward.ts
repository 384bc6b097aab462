/** The gateway's handler for /jobs/v1 and /api/v1: allowlist, then one bounded upstream call. */
import type { Context, Handler } from 'hono';
import type { ApiName } from '../config.ts';
import { clientAddressOf, nodeRequestOf } from '../security/nodeRequest.ts';
import { rawPathOf } from '../security/pathGuard.ts';
import type { IndexedJobs } from './jobIndex/serve.ts';
import type { LogCache } from './logCache/cache.ts';
import { MINE_WITH_SERVER_TOKEN } from './jobIndex/serve.ts';
import { matchGatewayRoute, type RouteMatch } from './match.ts';
import { UPSTREAM_LIST_QUERY } from './routes.ts';
import { AUTH_HEADER, callUpstream, type Upstream, type UpstreamLimits } from './upstream.ts';

export interface GatewayOptions {
  upstreams: Readonly<Record<ApiName, Upstream>>;
  limits: UpstreamLimits;
  /** The job index's answers; absent when the index is off (JOBS_INDEX=off). */
  indexed?: IndexedJobs;
  /** The log cache; absent when it is off (LOG_CACHE=off): each log request goes upstream. */
  logCache?: LogCache;
  /** Where audit lines go (stdout); replaced in tests. */
  audit?: (line: string) => void;
}

export const INDEX_OFF_REASON =
  "The job index is off (JOBS_INDEX=off): the list is the Jobs API's own pages, without " +
  'filters, sort, totals or counts.';

/** The query string exactly as sent, without its `?`. */
function rawSearchOf(c: Context): string {
  const target = nodeRequestOf(c)?.url ?? c.req.url;
  const at = target.indexOf('?');
  return at === -1 ? '' : target.slice(at + 1);
}

/** The body of a POST, forwarded only when it is JSON (the size is capped before this runs). */
async function jsonBodyOf(c: Context): Promise<string | undefined> {
  if (c.req.method !== 'POST') return undefined;
  const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  const text = await c.req.text();
  return type === 'application/json' && text.trim() !== '' ? text : undefined;
}

/** One line per audited call: time, what, which job, who, and how it ended. */
function auditLine(c: Context, match: RouteMatch, outcome: string): string {
  const job = match.params.clientJobId ?? match.params.jobId ?? '';
  const client = clientAddressOf(c) ?? 'unknown';
  return `${new Date().toISOString()} ${match.route.audit} job=${JSON.stringify(job)} client=${client} outcome=${outcome}`;
}

async function outcomeOf(response: Response): Promise<string> {
  if (response.ok) return String(response.status);
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { message?: unknown } | null;
  const message = typeof body?.message === 'string' ? body.message.slice(0, 200) : '';
  return `${response.status}${message ? ` ${JSON.stringify(message)}` : ''}`;
}

/**
 * With the index off, only what the upstream itself can do: its pages of the list (no other
 * parameter), its own `/my/` when the caller signs in as themselves, and a freshness answer that
 * says so.
 */
function indexOff(c: Context, match: RouteMatch, upstreams: GatewayOptions['upstreams']) {
  const extension = match.route.extension;
  const serverToken = upstreams.jobs.token !== undefined;
  if (extension === 'freshness') {
    return c.json({
      index: 'off',
      reason: INDEX_OFF_REASON,
      mine: serverToken
        ? { available: false, reason: MINE_WITH_SERVER_TOKEN }
        : { available: true, reason: null },
    });
  }
  if (extension === 'counts' || extension === 'workflows') {
    return c.json({ message: `Not available: ${INDEX_OFF_REASON}` }, 404);
  }
  if (extension === 'mine' && serverToken) return c.json({ message: MINE_WITH_SERVER_TOKEN }, 400);
  const extra = [...new URLSearchParams(rawSearchOf(c)).keys()].find(
    (name) => !UPSTREAM_LIST_QUERY.has(name),
  );
  if (extra)
    return c.json({ message: `Refused: ${extra} needs the job index. ${INDEX_OFF_REASON}` }, 400);
  return null;
}

export function gatewayHandler({
  upstreams,
  limits,
  indexed,
  logCache,
  audit = (line) => console.log(line),
}: GatewayOptions): Handler {
  return async (c) => {
    const match = matchGatewayRoute(c.req.method, rawPathOf(c), rawSearchOf(c));
    if (!('route' in match)) {
      const headers: Record<string, string> = match.allow ? { Allow: match.allow.join(', ') } : {};
      const message = match.status === 404 ? 'Not found' : `Refused: ${match.message}`;
      return c.json({ message }, match.status, headers);
    }
    const extension = match.route.extension;
    if (extension && indexed) return indexed.handle(extension, c);
    if (extension && !indexed) {
      const answered = indexOff(c, match, upstreams);
      if (answered) return answered;
    }
    if (match.route.logCache && logCache) {
      return logCache.handle(c, match.params.jobId!, match.params.lastLogId);
    }
    const { api } = match.route;
    // The log route's query (wait, recheck) is the cache's; the upstream takes none.
    const path = match.route.logCache ? match.upstreamPath.split('?', 1)[0]! : match.upstreamPath;
    const response = await callUpstream(
      upstreams[api],
      {
        method: match.route.method,
        path,
        browserAuth: c.req.header(AUTH_HEADER[api]),
        jsonBody: await jsonBodyOf(c),
        signal: c.req.raw.signal,
      },
      limits,
    );
    if (match.route.audit) audit(auditLine(c, match, await outcomeOf(response)));
    if (match.route.carriesJob && indexed) await indexed.observe(c, response, match.params.jobId);
    return response;
  };
}
