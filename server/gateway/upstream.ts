/**
 * One bounded call to an upstream API. The request carries only what the API needs (its auth
 * header, Accept, a JSON body); the answer comes back only as JSON with the headers the app
 * reads, within a time limit on the whole exchange and a size cap, with configured tokens
 * scrubbed from error bodies. The upstream's address appears in the server's log, never in an
 * answer to the browser.
 */
import type { ApiName } from '../config.ts';
import { LAST_LOG_ID_HEADER, TOTAL_COUNT_HEADER } from '../../src/contract/headers.ts';

export const API_LABELS: Readonly<Record<ApiName, string>> = {
  jobs: 'the Jobs API',
  logs: 'the Job log API',
};

/** Each API authenticates with its own header; the other API's header is never forwarded. */
export const AUTH_HEADER: Readonly<Record<ApiName, string>> = {
  jobs: 'authorization',
  logs: 'x-auth-jwt',
};

export const authValue = (api: ApiName, token: string) =>
  api === 'jobs' ? `Bearer ${token}` : token;

/** Response headers passed back, when their value is a plain count or id. */
const RETURNED_HEADERS = [TOTAL_COUNT_HEADER, LAST_LOG_ID_HEADER];

export interface Upstream {
  api: ApiName;
  /** Origin plus base path; for the server's log and for building request URLs. */
  base: URL;
  /** Server token: when set, the server authenticates itself and ignores the browser's header. */
  token: string | undefined;
  /** `fetch`, or the in-process simulator's handler. */
  fetch(request: Request): Promise<Response> | Response;
}

export interface UpstreamLimits {
  /** For the whole exchange: connection, headers and every byte of the body. */
  timeoutMs: number;
  maxBytes: number;
  /** Strings that must never reach a browser (the configured server tokens). */
  secrets: readonly string[];
}

export interface UpstreamCall {
  method: 'GET' | 'POST';
  /** Path and query under the upstream's base, ids already encoded. */
  path: string;
  /** The browser's own auth header for this API, used when there is no server token. */
  browserAuth: string | undefined;
  /** A JSON body to forward (the abort), or undefined. */
  jsonBody?: string;
  /** The browser's request: when it goes away, so does the upstream call. */
  signal: AbortSignal;
}

/** An error answer; the message is a sentence that may begin with an API's label. */
const json = (status: number, message: string) =>
  new Response(JSON.stringify({ message: message[0]!.toUpperCase() + message.slice(1) }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function isJson(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

class TooLarge extends Error {}
class TimedOut extends Error {}

/** Rejects when `signal` aborts, even if `promise` (an in-process handler) ignores it. */
export function raceAbort<T>(promise: Promise<T> | T, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The whole body, or TooLarge as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal) {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new TooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return Buffer.concat(chunks, size);
}

/** Every form in which an echoed token could appear in a body: raw, JSON-escaped, URL-encoded. */
function secretForms(secrets: readonly string[]): Buffer[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const escaped = JSON.stringify(secret).slice(1, -1);
    for (const form of [
      secret,
      escaped,
      escaped.replaceAll('/', '\\/'),
      encodeURIComponent(secret),
    ]) {
      forms.add(form);
    }
  }
  // Longest first, so a form that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length).map((form) => Buffer.from(form));
}

export function scrubSecrets(body: Buffer, secrets: readonly string[]): Buffer {
  let out = body;
  for (const form of secretForms(secrets)) {
    if (out.indexOf(form) === -1) continue;
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = out.indexOf(form); at !== -1; at = out.indexOf(form, from)) {
      parts.push(out.subarray(from, at), Buffer.from('[token]'));
      from = at + form.length;
    }
    parts.push(out.subarray(from));
    out = Buffer.concat(parts);
  }
  return out;
}

/** The browser-facing answer for an upstream's response whose body has been read. */
function shapeAnswer(api: ApiName, response: Response, body: Buffer, secrets: readonly string[]) {
  const label = API_LABELS[api];
  const { status } = response;
  if (status < 200 || (status >= 300 && status < 400)) {
    return json(
      502,
      `${label} answered with a redirect (${status}), which Jobscope does not follow.`,
    );
  }
  const contentType = response.headers.get('content-type');
  if (body.length > 0 && !isJson(contentType)) {
    const kind = (contentType ?? 'no content type').split(';', 1)[0]!.slice(0, 100);
    const what = status >= 400 ? `${status}` : 'successfully';
    return json(status >= 400 ? status : 502, `${label} answered ${what} with ${kind}, not JSON.`);
  }
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (body.length > 0) headers.set('Content-Type', 'application/json; charset=utf-8');
  for (const name of RETURNED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null && /^\d{1,16}$/.test(value.trim())) headers.set(name, value.trim());
  }
  const out = status >= 400 ? scrubSecrets(body, secrets) : body;
  const bodyless = status === 204 || status === 205;
  return new Response(bodyless ? null : new Uint8Array(out), { status, headers });
}

/** Calls the upstream and returns the answer for the browser; never throws. */
export async function callUpstream(
  upstream: Upstream,
  call: UpstreamCall,
  limits: UpstreamLimits,
): Promise<Response> {
  const { api } = upstream;
  const label = API_LABELS[api];
  const basePath = upstream.base.pathname === '/' ? '' : upstream.base.pathname;
  const target = new URL(basePath + call.path, upstream.base.origin);

  const headers = new Headers({ Accept: 'application/json' });
  const auth = upstream.token !== undefined ? authValue(api, upstream.token) : call.browserAuth;
  if (auth) headers.set(AUTH_HEADER[api], auth);
  if (call.jsonBody !== undefined) headers.set('Content-Type', 'application/json');

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimedOut()), limits.timeoutMs);
  const onClientGone = () => controller.abort(new Error('the browser went away'));
  call.signal.addEventListener('abort', onClientGone, { once: true });
  try {
    const request = new Request(target, {
      method: call.method,
      headers,
      body: call.jsonBody,
      redirect: 'manual',
      signal: controller.signal,
    });
    const response = await raceAbort(upstream.fetch(request), controller.signal);
    const body = await readCapped(response, limits.maxBytes, controller.signal);
    return shapeAnswer(api, response, body, limits.secrets);
  } catch (error) {
    const where = `${upstream.base.origin}${basePath}`;
    if (error instanceof TooLarge) {
      console.error(`Jobscope: ${label} at ${where} sent more than ${limits.maxBytes} bytes`);
      return json(502, `${label}'s response is larger than ${limits.maxBytes} bytes.`);
    }
    if (controller.signal.reason instanceof TimedOut) {
      console.error(`Jobscope: ${label} at ${where} did not answer within ${limits.timeoutMs} ms`);
      return json(504, `${label} did not answer within ${formatSeconds(limits.timeoutMs)}.`);
    }
    if (call.signal.aborted) return json(502, 'The request was cancelled.');
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    console.error(`Jobscope: could not reach ${label} at ${where}: ${cause}`);
    return json(502, `Could not reach ${label}.`);
  } finally {
    clearTimeout(timer);
    call.signal.removeEventListener('abort', onClientGone);
  }
}
