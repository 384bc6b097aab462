/** Turns what went wrong on the wire into an `ApiError` an operator can read. */
import { z } from 'zod/mini';
import { API_LABELS, ApiError, type ApiName } from './errors';
import { getToken } from './tokens';

const MAX_DETAIL_TEXT = 300;

/** Servers sometimes echo headers back; no token may reach the screen or a bug report. */
export function redactTokens(text: string, extra: (string | null)[] = []): string {
  let out = text;
  for (const token of [...extra, getToken('jobs'), getToken('logs')]) {
    if (token && token.length >= 4) out = out.split(token).join('[token]');
  }
  return out;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function clip(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_DETAIL_TEXT ? `${t.slice(0, MAX_DETAIL_TEXT)}…` : t;
}

/** The server's own explanation: `message` (Jobs API) or `errors[0].msg` (Job log API). */
export function serverMessage(body: string): string | null {
  if (!body.trim()) return null;
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const o = json as { message?: unknown; errors?: unknown; error?: unknown };
      if (typeof o.message === 'string' && o.message) return clip(o.message);
      if (Array.isArray(o.errors)) {
        const first = o.errors[0] as { msg?: unknown; message?: unknown } | undefined;
        if (typeof first?.msg === 'string' && first.msg) return clip(first.msg);
        if (typeof first?.message === 'string' && first.message) return clip(first.message);
      }
      if (typeof o.error === 'string' && o.error) return clip(o.error);
    }
    return null;
  } catch {
    // An HTML error page from a proxy says nothing useful to an operator.
    return /^\s*</.test(body) ? null : clip(body);
  }
}

export function summarizeIssues(error: z.core.$ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > 5) lines.push(`…and ${error.issues.length - 5} more`);
  return lines.join('\n');
}

interface Context {
  api: ApiName;
  /** e.g. `GET /jobs/v1/bson/abc` */
  request: string;
  /** The token sent with the request, to be kept out of every text. */
  token: string | null;
}

function make(
  ctx: Context,
  init: Omit<ConstructorParameters<typeof ApiError>[0], 'api'>,
): ApiError {
  return new ApiError({
    ...init,
    api: ctx.api,
    message: redactTokens(init.message, [ctx.token]),
    detail: redactTokens(init.detail ?? '', [ctx.token]),
  });
}

export function networkError(ctx: Context, cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return make(ctx, {
    kind: 'network',
    status: 0,
    message: `Could not reach the ${API_LABELS[ctx.api]}. Check the network connection and try again.`,
    detail: `${ctx.request}\n${reason}`,
    cause,
  });
}

export function timeoutError(ctx: Context, timeoutMs: number): ApiError {
  return make(ctx, {
    kind: 'timeout',
    status: 408,
    message: `The ${API_LABELS[ctx.api]} did not answer within ${formatDuration(timeoutMs)}.`,
    detail: `${ctx.request}\nNo response, or no more of its body, for ${timeoutMs} ms.`,
  });
}

export function httpError(ctx: Context, response: Response, body: string): ApiError {
  const { status } = response;
  const label = API_LABELS[ctx.api];
  const said = serverMessage(body);
  const statusLine = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const detail = [ctx.request, statusLine, said].filter(Boolean).join('\n');
  if (status === 401 || status === 403) {
    return make(ctx, {
      kind: 'unauthorized',
      status,
      message:
        status === 401
          ? `The ${label} needs a valid token${said ? `: ${said}` : '.'}`
          : `The ${label} refused this token${said ? `: ${said}` : '.'}`,
      detail,
    });
  }
  if (status === 404) {
    return make(ctx, {
      kind: 'not-found',
      status,
      message: `The ${label} has no such resource${said ? `: ${said}` : '.'}`,
      detail,
    });
  }
  let message: string;
  if (status === 429) message = `The ${label} is busy (HTTP 429). Try again in a moment.`;
  else if (status >= 500) message = `The ${label} failed (HTTP ${status}). Try again in a moment.`;
  else if (status >= 400) message = `The ${label} refused the request${said ? `: ${said}` : '.'}`;
  else message = `The ${label} answered with an unexpected HTTP ${status}.`;
  return make(ctx, { kind: 'http', status, message, detail });
}

export function parseError(ctx: Context, status: number, reason: string): ApiError {
  return make(ctx, {
    kind: 'parse',
    status,
    message: `The ${API_LABELS[ctx.api]} returned malformed data.`,
    detail: `${ctx.request}\n${reason}`,
  });
}

export function schemaError(ctx: Context, status: number, cause: unknown): ApiError {
  const reason =
    cause instanceof z.core.$ZodError
      ? summarizeIssues(cause)
      : cause instanceof Error
        ? cause.message
        : String(cause);
  return make(ctx, {
    kind: 'schema',
    status,
    message: `The ${API_LABELS[ctx.api]} returned data in a shape Jobscope does not understand.`,
    detail: `${ctx.request}\n${reason}`,
    cause,
  });
}
