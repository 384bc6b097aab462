/**
 * Cross-site request refusal. A browser sends an operator's requests to this server from any page
 * the operator opens; without this check a "simple" cross-site POST (a form, or fetch with
 * text/plain) would abort jobs or reset the simulator through the operator's browser.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { CLIENT_HEADER } from '../../src/contract/headers.ts';
import { hostnameOf, requestHostOf } from './hosts.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const DEFAULT_PORT: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

function portOf(authority: string, protocol: string): string {
  const port = /:(\d{1,5})$/.exec(authority)?.[1];
  return port ?? DEFAULT_PORT[protocol] ?? '';
}

/** True when `origin` names this server as the browser reached it (its Host header). */
function isOwnOrigin(origin: string, host: string): boolean {
  const url = URL.parse(origin);
  if (!url || !(url.protocol in DEFAULT_PORT)) return false;
  // The scheme is not compared: behind a TLS-terminating proxy the page is https and this
  // server sees plain http. The host name and port must be the ones the browser used.
  return (
    url.hostname === hostnameOf(host) &&
    portOf(url.host, url.protocol) === portOf(host.trim().toLowerCase(), url.protocol)
  );
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * Why a state-changing request is refused as not coming from the app itself, or null. Safe
 * methods pass: they change nothing, and CORS keeps their answers from other sites.
 */
export function crossSiteRefusal(c: Context): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  const site = c.req.header('sec-fetch-site')?.trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    return `a ${site} request (Sec-Fetch-Site) may not change anything`;
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && !isOwnOrigin(origin, requestHostOf(c))) {
    return `the request comes from another origin (${origin.slice(0, 200)})`;
  }
  // An HTML form can send neither a JSON body nor a custom header.
  const marked =
    mediaTypeOf(c.req.header('content-type')) === 'application/json' ||
    (c.req.header(CLIENT_HEADER) ?? '') !== '';
  if (!marked) {
    return `a state-changing request needs a JSON body or the ${CLIENT_HEADER} header`;
  }
  return null;
}

/** 403 for state-changing requests that do not come from the app; logged in one line. */
export const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  const reason = crossSiteRefusal(c);
  if (reason === null) return next();
  console.warn(
    `${new Date().toISOString()} refused ${c.req.method} ${JSON.stringify(c.req.path)}: ${reason}`,
  );
  return c.json({ message: `Refused: ${reason}.` }, 403);
};
