/** Error bodies in each API's own shape. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const reasonPhrase = (status: number) => REASONS[status] ?? 'Error';

/** Jobs API and /__demo: `{ message, error }`. */
export const jobsErrorBody = (status: number, message: string) => ({
  message,
  error: reasonPhrase(status),
});

/** Job log API: `{ context, errors: [{ msg, location }] }`. */
export const logsErrorBody = (msg: string, location: string) => ({
  context: location,
  errors: [{ msg, location }],
});

export function jobsError(c: Context, status: number, message: string, extra: object = {}) {
  return c.json({ ...jobsErrorBody(status, message), ...extra }, status as ContentfulStatusCode);
}

export function logsError(
  c: Context,
  status: number,
  msg: string,
  location: string,
  extra: object = {},
) {
  return c.json({ ...logsErrorBody(msg, location), ...extra }, status as ContentfulStatusCode);
}
