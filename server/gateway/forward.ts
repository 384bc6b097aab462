/** The gateway's handler for /jobs/v1 and /api/v1: allowlist, then one bounded upstream call. */
import type { Context, Handler } from 'hono';
import type { ApiName } from '../config.ts';
import { clientAddressOf, nodeRequestOf } from '../security/nodeRequest.ts';
import { rawPathOf } from '../security/pathGuard.ts';
import { matchGatewayRoute, type RouteMatch } from './match.ts';
import { AUTH_HEADER, callUpstream, type Upstream, type UpstreamLimits } from './upstream.ts';

export interface GatewayOptions {
  upstreams: Readonly<Record<ApiName, Upstream>>;
  limits: UpstreamLimits;
  /** Where audit lines go (stdout); replaced in tests. */
  audit?: (line: string) => void;
}

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

export function gatewayHandler({
  upstreams,
  limits,
  audit = (line) => console.log(line),
}: GatewayOptions): Handler {
  return async (c) => {
    const match = matchGatewayRoute(c.req.method, rawPathOf(c), rawSearchOf(c));
    if (!('route' in match)) {
      const headers: Record<string, string> = match.allow ? { Allow: match.allow.join(', ') } : {};
      const message = match.status === 404 ? 'Not found' : `Refused: ${match.message}`;
      return c.json({ message }, match.status, headers);
    }
    const { api } = match.route;
    const response = await callUpstream(
      upstreams[api],
      {
        method: match.route.method,
        path: match.upstreamPath,
        browserAuth: c.req.header(AUTH_HEADER[api]),
        jsonBody: await jsonBodyOf(c),
        signal: c.req.raw.signal,
      },
      limits,
    );
    if (match.route.audit) audit(auditLine(c, match, await outcomeOf(response)));
    return response;
  };
}
