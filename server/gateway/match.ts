/** Matches a request, as sent, against the allowlist and builds the upstream's path and query. */
import { GATEWAY_ROUTES, NUMERIC_PARAMS, type GatewayRoute } from './routes.ts';

export interface RouteMatch {
  route: GatewayRoute;
  /** Path parameters, decoded once. */
  params: Record<string, string>;
  /** The path and query to ask the upstream for, each id encoded once. */
  upstreamPath: string;
}

export interface RouteRefusal {
  status: 400 | 404 | 405;
  message: string;
  /** For 405: the methods the path does take. */
  allow?: string[];
}

type Segment = { literal: string } | { param: string; optional: boolean };

function compile(path: string): Segment[] {
  return path
    .split('/')
    .map((part) =>
      part.startsWith('{')
        ? { param: part.slice(1, part.endsWith('?}') ? -2 : -1), optional: part.endsWith('?}') }
        : { literal: part },
    );
}

const COMPILED = GATEWAY_ROUTES.map((route) => ({ route, segments: compile(route.path) }));

/** Params of `raw` (a path split on `/`) for this shape, or null when the shape differs. */
function shapeMatch(segments: Segment[], raw: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  const optionalTail = (segments.at(-1) as { optional?: boolean } | undefined)?.optional === true;
  if (raw.length !== segments.length && !(optionalTail && raw.length === segments.length - 1)) {
    return null;
  }
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const value = raw[i];
    if ('literal' in segment) {
      if (value !== segment.literal) return null;
    } else if (value === undefined || value === '') {
      if (!segment.optional) return null;
    } else {
      params[segment.param] = value;
    }
  }
  return params;
}

function refuse(status: RouteRefusal['status'], message: string): RouteRefusal {
  return { status, message };
}

/**
 * Decodes each raw parameter once. Dot segments in any encoding never get here: the path guard
 * in front of every route refuses them.
 */
function decodeParams(
  raw: Record<string, string>,
): { params: Record<string, string> } | { refusal: RouteRefusal } {
  const params: Record<string, string> = {};
  const refuseParam = (message: string) => ({ refusal: refuse(400, message) });
  for (const [name, value] of Object.entries(raw)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      return refuseParam(`${name} is not valid percent-encoding`);
    }
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    if (/[\0-\x1f\x7f]/.test(decoded)) {
      return refuseParam(`${name} must not contain control characters`);
    }
    if (decoded.length > 1000) return refuseParam(`${name} is longer than 1000 characters`);
    const integer = /^\d{1,16}$/.test(decoded) && Number.isSafeInteger(Number(decoded));
    if (NUMERIC_PARAMS.has(name) && !integer) {
      return refuseParam(`${name} must be a non-negative integer, got "${decoded.slice(0, 50)}"`);
    }
    params[name] = decoded;
  }
  return { params };
}

/** The allowed parameters of the query, re-encoded; a refusal names the first bad one. */
function checkQuery(route: GatewayRoute, search: string): string | RouteRefusal {
  const incoming = new URLSearchParams(search);
  const out = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value] of incoming) {
    const rule = route.query?.[name];
    if (!rule) return refuse(400, `unknown query parameter "${name.slice(0, 50)}"`);
    if (seen.has(name) && !route.repeatable?.includes(name)) {
      return refuse(400, `query parameter "${name}" may appear only once`);
    }
    if (!rule.test(value)) return refuse(400, `query parameter "${name}" has an invalid value`);
    seen.add(name);
    out.append(name, value);
  }
  const query = out.toString();
  return query ? `?${query}` : '';
}

/**
 * The allowlisted call for `method` and the raw request target (`rawPath` exactly as sent,
 * `search` without its `?`), or why it is refused.
 */
export function matchGatewayRoute(
  method: string,
  rawPath: string,
  search: string,
): RouteMatch | RouteRefusal {
  const raw = rawPath.split('/');
  const shaped = COMPILED.flatMap(({ route, segments }) => {
    const params = shapeMatch(segments, raw);
    return params ? [{ route, segments, params }] : [];
  });
  if (shaped.length === 0) return refuse(404, 'Not found');
  const found = shaped.find(({ route }) => route.method === method);
  if (!found) {
    return {
      ...refuse(405, `${method} is not allowed here`),
      allow: [...new Set(shaped.map(({ route }) => route.method))],
    };
  }
  const decoded = decodeParams(found.params);
  if ('refusal' in decoded) return decoded.refusal;
  const { params } = decoded;
  const query = checkQuery(found.route, search);
  if (typeof query !== 'string') return query;
  const path = found.segments
    .flatMap((segment) => {
      if ('literal' in segment) return [segment.literal];
      const value = params[segment.param];
      return value === undefined ? [] : [encodeURIComponent(value)];
    })
    .join('/');
  return { route: found.route, params, upstreamPath: path + query };
}
