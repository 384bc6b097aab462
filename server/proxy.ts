import type { Context, Handler } from 'hono';
import type { ApiName, UpstreamConfig } from './config.ts';
import { rawPathOf, unsafePathReason } from './pathGuard.ts';

/** Each API authenticates with its own header; the other API's header is never forwarded. */
export const AUTH_HEADER: Readonly<Record<ApiName, string>> = {
  jobs: 'authorization',
  logs: 'x-auth-jwt',
};

const authValue = (api: ApiName, token: string) => (api === 'jobs' ? `Bearer ${token}` : token);

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// Request headers the server decides itself: fetch() computes length and encoding, the upstream
// gets its own Host, and the dashboard's cookies belong to this origin only.
const NOT_FORWARDED = new Set([
  'host',
  'cookie',
  'content-length',
  'accept-encoding',
  ...Object.values(AUTH_HEADER),
]);

// fetch() already decoded the body, so the upstream's framing headers no longer describe it;
// an upstream must not set cookies on the dashboard's origin.
const NOT_RETURNED = new Set(['content-encoding', 'content-length', 'set-cookie']);

export interface ProxyOptions {
  api: ApiName;
  upstream: UpstreamConfig;
  timeoutMs: number;
}

/** Forwards the request unchanged in path, query, method and body to the configured upstream. */
export function createProxyHandler({ api, upstream, timeoutMs }: ProxyOptions): Handler {
  const basePath = upstream.url.pathname === '/' ? '' : upstream.url.pathname;
  const host = upstream.url.host;

  return async (c) => {
    const reason = unsafePathReason(rawPathOf(c), { encodedSlashes: true });
    if (reason) return c.json({ message: `Refused: ${reason}` }, 400);

    const incoming = new URL(c.req.url);
    const target = new URL(basePath + incoming.pathname + incoming.search, upstream.url.origin);
    if (target.origin !== upstream.url.origin || !target.pathname.startsWith(`${basePath}/`)) {
      return c.json({ message: 'Refused: path leaves the upstream API' }, 400);
    }

    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onClientAbort = () => controller.abort();
    c.req.raw.signal.addEventListener('abort', onClientAbort, { once: true });
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers: forwardedHeaders(c, api, upstream.token),
        body: body && body.byteLength > 0 ? body : undefined,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch {
      // Never the error itself: it may quote the target URL or request headers.
      return c.json({ message: `Upstream unreachable: ${host}` }, 502);
    } finally {
      clearTimeout(timer);
      c.req.raw.signal.removeEventListener('abort', onClientAbort);
    }
    // Responses that cannot carry a body must be built without one.
    const bodyless = method === 'HEAD' || [101, 204, 205, 304].includes(response.status);
    return new Response(bodyless ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: returnedHeaders(response.headers),
    });
  };
}

function dropHopByHop(source: Headers, extra: Set<string>): Headers {
  const named = (source.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const result = new Headers();
  source.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || extra.has(name) || named.includes(name)) return;
    result.set(name, value);
  });
  return result;
}

function forwardedHeaders(c: Context, api: ApiName, token: string | undefined): Headers {
  const headers = dropHopByHop(c.req.raw.headers, NOT_FORWARDED);
  const auth = AUTH_HEADER[api];
  const fromBrowser = c.req.header(auth);
  if (token !== undefined) headers.set(auth, authValue(api, token));
  else if (fromBrowser) headers.set(auth, fromBrowser);
  return headers;
}

function returnedHeaders(upstream: Headers): Headers {
  return dropHopByHop(upstream, NOT_RETURNED);
}
