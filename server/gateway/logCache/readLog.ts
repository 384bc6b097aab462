/**
 * One read of a job's log upstream, as a stream: `GET /api/v1/job/{id}/details/{lastLogId}`
 * answers every line after the cursor in one body, however many (190 MB for a million lines).
 * The body is parsed as it arrives (@streamparser/json, emitting one log row at a time) and
 * handed over in batches, so memory stays bounded by a batch. The time limit is on progress:
 * the read fails only when no byte came for `progressMs`, so a slow upstream still completes.
 */
import { JSONParser } from '@streamparser/json';
import type { StoredLine } from '../../store/logLines.ts';
import {
  API_LABELS,
  AUTH_HEADER,
  formatSeconds,
  raceAbort,
  scrubSecrets,
  type Upstream,
} from '../upstream.ts';

export interface ReadLogCall {
  /** The Job log API's id for the job. */
  logJobId: string;
  after: number;
  /** The auth header's value: a server token's, a browser's, or none. */
  auth: string | undefined;
  progressMs: number;
  /** Rows per batch handed to `onLines`. */
  batchLines: number;
  /** Called once the envelope's job is read (null: the API does not know the job). */
  onJob?: (job: Record<string, unknown> | null) => void;
  /** A batch of lines in the order they came; may be async (the caller writes, then yields). */
  onLines: (lines: StoredLine[]) => void | Promise<void>;
  signal?: AbortSignal;
  secrets: readonly string[];
}

export type ReadLogOutcome =
  | {
      ok: true;
      job: Record<string, unknown> | null;
      lines: number;
      /** Rows that were not log lines (no usable id), besides the all-null row. */
      skipped: number;
    }
  | {
      ok: false;
      /** The status for the browser: the upstream's 401/403/4xx, else 502 or 504. */
      status: number;
      message: string;
    };

class ProgressTimeout extends Error {}
class ShapeError extends Error {}

const ERROR_BODY_MAX = 64 * 1024;

function toId(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A row of the answer as a line, or null for the all-null row; throws on a row of another kind. */
export function toStoredLine(row: unknown): StoredLine | null | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const r = row as Record<string, unknown>;
  const id = toId(r.id);
  if (id === null) {
    const allNull = ['id', 'level', 'message'].every((k) => r[k] === null || r[k] === undefined);
    return allNull ? null : undefined;
  }
  return {
    id,
    level: text(r.level),
    message: text(r.message),
    creationDate: text(r.creationDate),
    lastUpdate: text(r.lastUpdate),
  };
}

/** The sentence for an upstream error answer: its own message when it gives one. */
function errorMessage(status: number, body: Buffer, secrets: readonly string[]): string {
  const label = API_LABELS.logs;
  const Label = label[0]!.toUpperCase() + label.slice(1);
  let detail = '';
  try {
    const parsed = JSON.parse(scrubSecrets(body, secrets).toString('utf8')) as {
      errors?: { msg?: unknown; value?: unknown }[];
      message?: unknown;
    };
    const first = parsed.errors?.[0];
    const value = typeof first?.value === 'string' ? first.value : null;
    const msg = typeof first?.msg === 'string' ? first.msg : null;
    detail = (value ?? msg ?? (typeof parsed.message === 'string' ? parsed.message : '')).slice(
      0,
      200,
    );
  } catch {
    // Not JSON: the status says enough.
  }
  // Another Jobscope in front of the API already says which API answered what.
  if (detail.startsWith(Label)) return detail;
  return `${Label} answered ${status}${detail ? `: ${detail}` : ''}.`;
}

async function readSome(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  max: number,
  signal: AbortSignal,
) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await raceAbort(reader.read(), signal);
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max);
}

export async function readLog(upstream: Upstream, call: ReadLogCall): Promise<ReadLogOutcome> {
  const label = API_LABELS.logs;
  const Label = label[0]!.toUpperCase() + label.slice(1);
  const basePath = upstream.base.pathname === '/' ? '' : upstream.base.pathname;
  const path = `/api/v1/job/${encodeURIComponent(call.logJobId)}/details/${call.after}`;
  const target = new URL(basePath + path, upstream.base.origin);
  const headers = new Headers({ Accept: 'application/json' });
  if (call.auth) headers.set(AUTH_HEADER.logs, call.auth);

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new ProgressTimeout()), call.progressMs);
  };
  const onAbort = () => controller.abort(new Error('cancelled'));
  call.signal?.addEventListener('abort', onAbort, { once: true });
  arm();
  const where = `${upstream.base.origin}${basePath}`;
  try {
    const response = await raceAbort(
      upstream.fetch(
        new Request(target, { headers, redirect: 'manual', signal: controller.signal }),
      ),
      controller.signal,
    );
    arm();
    if (!response.body) throw new ShapeError('an empty answer');
    const reader = response.body.getReader();
    if (response.status !== 200) {
      const body = await readSome(reader, ERROR_BODY_MAX, controller.signal);
      const status = response.status;
      const passed = status === 401 || status === 403 || status === 400 || status === 404;
      return {
        ok: false,
        status: passed ? status : 502,
        message: errorMessage(status, body, call.secrets),
      };
    }
    const type = (response.headers.get('content-type') ?? '').split(';', 1)[0]!.trim();
    if (!/^application\/([a-z0-9.+-]+\+)?json$/i.test(type)) {
      await reader.cancel().catch(() => undefined);
      throw new ShapeError(`${type || 'no content type'}, not JSON`);
    }

    const parser = new JSONParser({
      paths: ['$.status', '$.messages', '$.payload.job', '$.payload.logs.*'],
      keepStack: false,
    });
    let job: Record<string, unknown> | null | undefined;
    let envelope = false;
    let lines = 0;
    let skipped = 0;
    let batch: StoredLine[] = [];
    parser.onValue = ({ value, key, stack }) => {
      const depth = stack.length;
      if (depth === 1 && (key === 'status' || key === 'messages')) {
        envelope ||= key === 'status' ? typeof value === 'string' : Array.isArray(value);
      } else if (depth === 2 && key === 'job') {
        if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
          throw new ShapeError('payload.job is not an object');
        }
        job = value as Record<string, unknown> | null;
        call.onJob?.(job);
      } else if (depth === 3) {
        const line = toStoredLine(value);
        if (line === undefined) skipped++;
        else if (line !== null) batch.push(line);
      }
    };
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), controller.signal);
      if (done) break;
      arm();
      parser.write(value);
      if (batch.length >= call.batchLines) {
        const full = batch;
        batch = [];
        lines += full.length;
        await call.onLines(full);
      }
    }
    if (!parser.isEnded) throw new ShapeError('the answer ended before its JSON did');
    if (!envelope) throw new ShapeError('neither "status" nor "messages" beside "payload"');
    if (job === undefined) throw new ShapeError('no payload.job');
    if (batch.length) {
      lines += batch.length;
      await call.onLines(batch);
    }
    return { ok: true, job, lines, skipped };
  } catch (error) {
    if (controller.signal.reason instanceof ProgressTimeout) {
      console.error(`Jobscope: ${label} at ${where} sent nothing for ${call.progressMs} ms`);
      return {
        ok: false,
        status: 504,
        message: `${Label} sent nothing for ${formatSeconds(call.progressMs)}.`,
      };
    }
    if (call.signal?.aborted) return { ok: false, status: 502, message: 'The read was cancelled.' };
    if (error instanceof ShapeError || error instanceof SyntaxError || isParserError(error)) {
      return {
        ok: false,
        status: 502,
        message: `${Label} sent an answer Jobscope cannot read (${(error as Error).message.slice(0, 120)}).`,
      };
    }
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    console.error(`Jobscope: could not reach ${label} at ${where}: ${cause}`);
    return { ok: false, status: 502, message: `Could not reach ${label}.` };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onAbort);
  }
}

/** @streamparser/json throws plain Errors for bad JSON ("Unexpected ... in state ..."). */
function isParserError(error: unknown): boolean {
  return error instanceof Error && /Unexpected|state|Tokenizer|TokenParser/i.test(error.message);
}
