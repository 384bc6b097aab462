/**
 * The `echoRequest` fault: an error answer quotes the request, credentials included, as some
 * servers' debug pages do, and writes the credentials in every form a body can carry them: in
 * the message (what a gateway shows as the reason), as JSON (escaped where JSON escapes),
 * URL-encoded, and with `/` written `\/` (PHP's json_encode). A gateway must scrub each form.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { jobsError, jobsErrorBody, logsError, logsErrorBody } from './errors.ts';
import type { ApiName } from './faults.ts';

/** Headers that carry a credential, one per API. */
const CREDENTIAL_HEADERS = ['authorization', 'x-auth-jwt'];

export interface Echo {
  /** Appended to the error's message. */
  said: string;
  request: object;
  /** The credentials as JSON text with every `/` escaped, which JSON.stringify never writes. */
  slashEscaped: string;
}

export function echoOf(c: Context, spec: { echoRequest?: boolean }): Echo | null {
  if (!spec.echoRequest) return null;
  const credentials: Record<string, string> = {};
  for (const name of CREDENTIAL_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) credentials[name] = value;
  }
  const sent = Object.values(credentials);
  return {
    said: sent.length > 0 ? ` (the request was sent with ${sent.join(', ')})` : '',
    request: {
      method: c.req.method,
      path: c.req.path,
      headers: Object.fromEntries(c.req.raw.headers),
      query: Object.entries(credentials)
        .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
        .join('&'),
    },
    slashEscaped: JSON.stringify(credentials).replaceAll('/', '\\/'),
  };
}

/** An error answer in the API's own shape, quoting the request when the fault says so. */
export function errorAnswer(
  c: Context,
  api: ApiName,
  status: number,
  message: string,
  echo: Echo | null,
  location = 'Server',
) {
  if (!echo) {
    return api === 'jobs' ? jobsError(c, status, message) : logsError(c, status, message, location);
  }
  const said = `${message}${echo.said}`;
  const body = api === 'jobs' ? jobsErrorBody(status, said) : logsErrorBody(said, location);
  // Spliced by hand: the `\/` copy must reach the wire as written.
  const text = `${JSON.stringify({ ...body, request: echo.request }).slice(0, -1)},"debug":${echo.slashEscaped}}`;
  return c.body(text, status as ContentfulStatusCode, { 'Content-Type': 'application/json' });
}
