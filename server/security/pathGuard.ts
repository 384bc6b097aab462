import type { Context } from 'hono';
import { nodeRequestOf } from './nodeRequest.ts';

/**
 * The path as the client sent it. Request URLs are normalised by the URL parser
 * (`/jobs/v1/%2e%2e/` becomes `/jobs/`), which would hide a traversal attempt; under Node the
 * raw request line is still available on the incoming message.
 */
export function rawPathOf(c: Context): string {
  const target = nodeRequestOf(c)?.url ?? '';
  // An absolute target (`GET http://host/path`) keeps its path as sent after the authority.
  const raw = target.startsWith('/') ? target : target.replace(/^https?:\/\/[^/?#]*/i, '');
  const path = raw || new URL(c.req.url).pathname;
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** How many times a value is percent-decoded in search of a hidden dot segment. */
const DECODE_ROUNDS = 3;

/**
 * True when `value` holds a `.` or `..` segment in any encoding an upstream might undo: plain,
 * percent-encoded once or several times (`%252e%252e`), or with a path parameter (`..;`, `.;`,
 * which some servers strip before resolving).
 */
export function hasDotSegment(value: string): boolean {
  let current = value;
  for (let round = 0; round <= DECODE_ROUNDS; round++) {
    const dot = current.split(/[/\\]/).some((segment) => {
      const bare = segment.split(';', 1)[0];
      return bare === '.' || bare === '..';
    });
    if (dot) return true;
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return false; // not decodable any further: what is left is literal text
    }
    if (next === current) return false;
    current = next;
  }
  return false;
}

/** Why a path must not be served or forwarded, or null when it is fine. */
export function unsafePathReason(path: string): string | null {
  if (path.startsWith('//')) return 'path must not start with //';
  if (path.includes('\\')) return 'path must not contain a backslash';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'path is not valid percent-encoding';
  }
  if (decoded.includes('\0')) return 'path must not contain NUL';
  if (hasDotSegment(path)) return 'path must not contain dot segments';
  return null;
}
