/** The one error type every request of the app can fail with. */

export type ApiName = 'jobs' | 'logs';

export type ApiErrorKind =
  'network' | 'timeout' | 'http' | 'parse' | 'schema' | 'not-found' | 'unauthorized';

/** How an operator reads each API's name in a sentence. */
export const API_LABELS: Record<ApiName, string> = {
  jobs: 'Jobs API',
  logs: 'Job log API',
};

export interface ApiErrorInit {
  api: ApiName;
  kind: ApiErrorKind;
  /** HTTP status; 0 when no response came back, 408 when the request timed out. */
  status: number;
  /** A sentence an operator understands. */
  message: string;
  /** The raw detail: status line, server message, validation issues. */
  detail?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly api: ApiName;
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly detail: string;

  constructor({ api, kind, status, message, detail = '', cause }: ApiErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ApiError';
    this.api = api;
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whether trying again may help: the network, a timeout, an overloaded or failing server. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status >= 500 || error.status === 429;
    default:
      return false;
  }
}
