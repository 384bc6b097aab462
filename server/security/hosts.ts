/**
 * The Host check. A page on another site can point its own host name at this server's address
 * (DNS rebinding) and then read it as "same origin"; serving only the names the server is meant
 * to answer for closes that door.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { nodeRequestOf } from './nodeRequest.ts';

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host name of a Host header or URL authority, lower-cased, without the port; `[::1]` keeps
 * its brackets. null when it is not a plain host[:port].
 */
export function hostnameOf(authority: string): string | null {
  const value = authority.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(value);
  return match ? match[1]! : null;
}

/** An entry of ALLOWED_HOSTS: a bare name or address (no scheme, port or path), normalised. */
export function parseAllowedHost(entry: string): string | null {
  const name = hostnameOf(entry);
  return name !== null && name === entry.trim().toLowerCase() ? name : null;
}

/** The Host values of the request as sent (several when the client sent several headers). */
function hostHeadersOf(c: Context): string[] {
  const incoming = nodeRequestOf(c);
  // Outside Node's server (in-process requests) the URL carries the host.
  if (!incoming) return [requestHostOf(c)];
  const values: string[] = [];
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'host') values.push(raw[i + 1]!);
  }
  return values;
}

/** The host the client asked for (Host header, or the URL's host in-process). */
export function requestHostOf(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/** Why this request's host is refused, or null when it is one the server answers for. */
export function hostRefusal(c: Context, allowed: ReadonlySet<string>): string | null {
  const hosts = hostHeadersOf(c);
  if (hosts.length > 1) return 'the request has more than one Host header';
  // An absolute request target (`GET http://name/...`) names the host the client meant.
  const target = nodeRequestOf(c)?.url ?? '';
  const targetHost = /^https?:\/\//i.test(target) ? URL.parse(target)?.host : undefined;
  const host = targetHost ?? hosts[0];
  if (host === undefined) return 'the request has no Host header';
  const name = hostnameOf(host);
  if (name === null || !allowed.has(name)) {
    return `this server does not answer for the host "${host.slice(0, 200)}"`;
  }
  return null;
}

/** 421 Misdirected Request, with the variable an operator sets to allow a name. */
export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const reason = hostRefusal(c, allowed);
    if (reason === null) return next();
    return c.json(
      {
        message:
          `Refused: ${reason}. If operators reach Jobscope under that name (for example behind a ` +
          'reverse proxy), add it to ALLOWED_HOSTS (comma-separated names) and restart.',
      },
      421,
    );
  };
}
