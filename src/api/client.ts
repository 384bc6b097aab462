/**
 * The one fetch wrapper. Every request of the app goes through `apiRequest`: same-origin base
 * path per API, that API's auth header, the caller's abort signal plus a timeout on progress,
 * JSON parsing, validation, and on failure one `ApiError`. A 401 asks the operator for a token
 * and retries.
 */
import type { z } from 'zod/mini';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../contract/headers';
import './zodConfig';
import { httpError, networkError, parseError, schemaError, timeoutError } from './errorMessages';
import type { ApiError, ApiName } from './errors';
import { getToken, requestToken } from './tokens';

export const API_BASE: Record<ApiName, string> = {
  jobs: '/jobs/v1',
  logs: '/api/v1',
};

/** The longest wait for the response headers, then between two chunks of its body. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** A wrong token re-prompts; after this many tries the request fails as unauthorized. */
const MAX_TOKEN_PROMPTS = 3;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

let fetchImpl: FetchLike | null = null;

/** Replaces `fetch` (tests run against the simulator's in-process app); null restores it. */
export function setFetch(fn: FetchLike | null): void {
  fetchImpl = fn;
}

/** A zod schema, or a hand-written validator that throws on a bad payload. */
export type Validator<T> = z.ZodMiniType<T> | ((value: unknown) => T);

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface ApiRequestOptions<T> {
  schema: Validator<T>;
  signal?: AbortSignal;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Empty values (undefined, null, '', []) are left out; arrays repeat the key. */
  query?: Record<string, QueryValue>;
  /** Bounds the wait for the headers, then between body chunks; not the whole exchange. */
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

/** Paths are relative to the API's base and must stay on this origin. */
export function buildUrl(api: ApiName, path: string, query?: Record<string, QueryValue>): string {
  if (!path.startsWith('/') || path.startsWith('//') || /^[a-z][a-z\d+.-]*:/i.test(path)) {
    throw new TypeError(`apiRequest takes a path on this origin, not "${path}".`);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE[api]}${path}${search ? `?${search}` : ''}`;
}

function authHeaders(api: ApiName, token: string | null): Record<string, string> {
  if (!token) return {};
  return api === 'jobs' ? { Authorization: `Bearer ${token}` } : { 'x-auth-jwt': token };
}

function validate<T>(schema: Validator<T>, value: unknown): T {
  return typeof schema === 'function' ? schema(value) : schema.parse(value);
}

/** Rejects as soon as `signal` aborts, even if `promise` never settles (in-process servers). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function combine(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/**
 * Aborts once `ms` pass without progress. Restarted as the headers and each chunk of the body
 * arrive, so a big answer on a slow link completes while a stalled one fails.
 */
function stallTimeout(ms: number) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort(new DOMException(`No progress for ${ms} ms.`, 'TimeoutError'));
    }, ms);
  };
  restart();
  return { signal: controller.signal, restart, stop: () => clearTimeout(timer) };
}

/** The body as text, calling `onChunk` as each chunk arrives. */
async function readText(
  response: Response,
  signal: AbortSignal,
  onChunk: () => void,
): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) return text + decoder.decode();
      onChunk();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    // Frees the connection: a body given up on is not read on in the background.
    reader.cancel().catch(() => {});
    throw error;
  }
}

interface Attempt {
  response: Response;
  text: string;
}

async function attempt(
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  onFailure: { network: (e: unknown) => ApiError; timeout: () => ApiError },
): Promise<Attempt> {
  const timeout = stallTimeout(timeoutMs);
  const combined = signal ? combine([signal, timeout.signal]) : timeout.signal;
  const doFetch = fetchImpl ?? ((input, i) => globalThis.fetch(input, i));
  try {
    const response = await raceAbort(doFetch(url, { ...init, signal: combined }), combined);
    timeout.restart();
    const text = await readText(response, combined, timeout.restart);
    return { response, text };
  } catch (error) {
    // The caller's abort (a cancelled query) is not a failure: hand back its own reason.
    if (signal?.aborted) throw signal.reason;
    if (timeout.signal.aborted) throw onFailure.timeout();
    throw onFailure.network(error);
  } finally {
    timeout.stop();
  }
}

export async function apiRequest<T>(
  api: ApiName,
  path: string,
  options: ApiRequestOptions<T>,
): Promise<ApiResponse<T>> {
  const { schema, signal, method = 'GET', body, query, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const url = buildUrl(api, path, query);
  const request = `${method} ${url}`;

  for (let prompts = 0; ; prompts++) {
    const token = getToken(api);
    const ctx = { api, request, token };
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Marks the request as the app's own: the server refuses state changes without it.
      [CLIENT_HEADER]: CLIENT_HEADER_VALUE,
      ...authHeaders(api, token),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    };

    const { response, text } = await attempt(url, init, signal, timeoutMs, {
      network: (e) => networkError(ctx, e),
      timeout: () => timeoutError(ctx, timeoutMs),
    });

    if (response.status === 401) {
      const unauthorized = httpError(ctx, response, text);
      if (prompts >= MAX_TOKEN_PROMPTS) throw unauthorized;
      // A token entered meanwhile (another request's prompt) is worth a try without asking.
      if (getToken(api) !== token) continue;
      const entered = await (signal ? raceAbort(requestToken(api), signal) : requestToken(api));
      if (!entered) throw unauthorized;
      continue;
    }
    if (!response.ok) throw httpError(ctx, response, text);

    let json: unknown;
    if (text.trim() === '') json = undefined;
    else {
      try {
        json = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw parseError(ctx, response.status, `Response is not valid JSON: ${reason}`);
      }
    }

    let data: T;
    try {
      data = validate(schema, json);
    } catch (error) {
      if (json === undefined) throw parseError(ctx, response.status, 'The response body is empty.');
      throw schemaError(ctx, response.status, error);
    }
    return { data, headers: response.headers, status: response.status };
  }
}
