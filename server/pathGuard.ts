import type { Context } from 'hono';

/**
 * The path as the client sent it. Request URLs are normalised by the URL parser
 * (`/jobs/v1/%2e%2e/` becomes `/jobs/`), which would hide a traversal attempt; under Node the
 * raw request line is still available on the incoming message.
 */
export function rawPathOf(c: Context): string {
  const env: unknown = c.env;
  const incoming = (env as { incoming?: { url?: unknown } } | undefined)?.incoming;
  const raw = typeof incoming?.url === 'string' && incoming.url.startsWith('/') ? incoming.url : '';
  const path = raw || new URL(c.req.url).pathname;
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** Why a path must not be served or forwarded, or null when it is fine. */
export function unsafePathReason(
  path: string,
  { encodedSlashes }: { encodedSlashes: boolean },
): string | null {
  if (path.startsWith('//')) return 'path must not start with //';
  if (path.includes('\\')) return 'path must not contain a backslash';
  if (encodedSlashes && /%(2f|5c)/i.test(path)) return 'path must not contain encoded slashes';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'path is not valid percent-encoding';
  }
  if (decoded.includes('\0')) return 'path must not contain NUL';
  if (decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')) {
    return 'path must not contain dot segments';
  }
  return null;
}
