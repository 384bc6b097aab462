/** The Job log API: one page of a job's log after a cursor. */
import { z } from 'zod/mini';
import { apiRequest, DEFAULT_TIMEOUT_MS } from '../../../api/client';
import { readLogPage } from './readLogPage';
import {
  LOG_RECHECK_PARAM,
  LOG_WAIT_PARAM,
  logGatewaySchema,
  type LogGatewayStatus,
  type LogJob,
} from '../../../contract';
import type { LogLine } from '../model/logLine';

export interface LogPageResult {
  /** null: the Job log API does not know this job. */
  job: LogJob | null;
  /** Lines with an id above the cursor, sorted by id, without duplicates. */
  lines: LogLine[];
  /** The job's highest log id (`X-Last-Log-Id`, bundled server only); null when absent. */
  lastLogIdHeader: number | null;
  /** Where the gateway's copy of the log stands; null without it (log cache off). */
  gateway: LogGatewayStatus | null;
}

export interface LogPageOptions {
  signal?: AbortSignal;
  /** Defaults to the client's, plus the wait: a held answer is not a slow one. */
  timeoutMs?: number;
  /** Asks the gateway to hold the answer up to this long until new lines come. */
  waitSeconds?: number;
  /** Asks the gateway to look for a log it found missing again. */
  recheck?: boolean;
}

function parseLastLogId(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** The `gateway` field beside the envelope; a schema error names its path from the root. */
const gatewayFieldSchema = z.looseObject({ gateway: z.nullish(logGatewaySchema) });

/**
 * Logs of `jobId` whose id is strictly greater than `lastLogId` (0: from the start). The bundled
 * server caps a page, so a caller keeps asking while pages bring lines.
 */
export async function fetchLogPage(
  jobId: string,
  lastLogId: number,
  { signal, timeoutMs, waitSeconds = 0, recheck = false }: LogPageOptions = {},
): Promise<LogPageResult> {
  const cursor = Math.max(0, Math.floor(lastLogId));
  const { data, headers } = await apiRequest(
    'logs',
    `/job/${encodeURIComponent(jobId)}/details/${cursor}`,
    {
      schema: (value) => ({
        ...readLogPage(value, cursor),
        gateway: gatewayFieldSchema.parse(value).gateway ?? null,
      }),
      signal,
      timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS + waitSeconds * 1000,
      query: {
        [LOG_WAIT_PARAM]: waitSeconds > 0 ? waitSeconds : undefined,
        [LOG_RECHECK_PARAM]: recheck ? 1 : undefined,
      },
    },
  );
  return { ...data, lastLogIdHeader: parseLastLogId(headers.get('X-Last-Log-Id')) };
}
