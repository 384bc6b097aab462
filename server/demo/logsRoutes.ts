/**
 * The Job log API (Fuyuko-shaped), as the real one behaves: the job plus every log after the
 * cursor in one answer (no cap, no header saying how many), the all-null row for a job without
 * logs, `job: null` for an unknown job. Its rows come in id order unless a fault says otherwise
 * (the upstream's query has no ORDER BY; its index happens to return id order).
 */
import type { Context, Hono } from 'hono';
import type { RawLog } from '../../src/contract/index.ts';
import type { SimContext } from './context.ts';
import { logsError } from './errors.ts';
import type { LogStore } from './logStore.ts';
import type { SimJob } from './model.ts';
import type { LogsFaultSpec } from './spec.ts';
import { toLogJob } from './serialize.ts';
import type { World } from './world.ts';

const NULL_ROW: RawLog = {
  id: null,
  level: null,
  message: null,
  creationDate: null,
  lastUpdate: null,
};
const MESSAGE = 'Job details retrieved';
/** Rows serialised per chunk of a streamed answer. */
const ROWS_PER_CHUNK = 1_000;

function envelope(spec: LogsFaultSpec, payload: unknown) {
  return spec.envelope === 'messages'
    ? { messages: [{ status: 'SUCCESS', message: MESSAGE }], payload }
    : { status: 'SUCCESS', message: MESSAGE, payload };
}

/** The upstream's quirks, on demand: repeats, no order, a null row. */
function applyFaults(world: World, spec: LogsFaultSpec, logs: RawLog[], before: RawLog[]) {
  let out = logs;
  if (spec.duplicates) out = [...before, ...out, ...out.slice(0, 1)];
  if (spec.shuffle) out = world.faultRng.shuffle([...out]);
  if (spec.nullRow) {
    out = [...out];
    out.splice(world.faultRng.int(0, out.length), 0, { ...NULL_ROW });
  }
  return out;
}

/**
 * Rows `start..end` of `store` inside the envelope, serialised a chunk at a time: a million-line
 * answer (about 190 MB) is never one string. The rows are read when each chunk is pulled, so a
 * line written meanwhile is in the answer if the stream has not passed its place yet, as with a
 * database cursor.
 */
function streamedAnswer(
  c: Context,
  spec: LogsFaultSpec,
  head: unknown,
  store: LogStore,
  start: number,
) {
  const opening = JSON.stringify(envelope(spec, { job: head, logs: [] }));
  // Everything up to the empty logs array, and what closes it.
  const cut = opening.lastIndexOf('[]');
  const encoder = new TextEncoder();
  const end = store.size;
  let at = start;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(opening.slice(0, cut + 1)));
    },
    pull(controller) {
      if (at >= end) {
        controller.enqueue(encoder.encode(opening.slice(cut + 1)));
        controller.close();
        return;
      }
      const to = Math.min(end, at + ROWS_PER_CHUNK);
      const rows = JSON.stringify(store.rows(at, to));
      controller.enqueue(encoder.encode((at > start ? ',' : '') + rows.slice(1, -1)));
      at = to;
    },
  });
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/**
 * Tokens, when /__demo/access names some (the same ones as the Jobs API's): an unknown token is a
 * 401, and a token that sees only its own jobs gets a 403 for anyone else's, as a user without
 * the VIEW role does upstream.
 */
function refusal(c: Context, ctx: SimContext, job: SimJob | undefined): Response | null {
  if (ctx.access.size === 0) return null;
  const access = ctx.access.get(c.req.header('x-auth-jwt') ?? '');
  if (!access) return logsError(c, 401, 'Invalid or missing token', 'Security');
  if (job && access.sees === 'own' && job.user.username !== access.username) {
    return logsError(c, 403, 'Forbidden', 'Security', {
      errors: [
        { msg: 'Forbidden', location: 'Security', value: 'Security insufficient priviledge(s)' },
      ],
    });
  }
  return null;
}

export function registerLogsRoutes(app: Hono, ctx: SimContext): void {
  const details = (c: Context) => {
    const raw = c.req.param('lastLogId');
    if (raw !== undefined && !/^\d+$/.test(raw)) {
      return logsError(c, 400, `lastLogId must be a non-negative integer, got '${raw}'`, 'params');
    }
    const lastLogId = raw === undefined ? 0 : Number(raw);
    const world = ctx.world;
    const asked = c.req.param('jobId') ?? '';
    const job = world.findLog(asked);
    const named = job ?? world.find(asked);
    if (named) named.logReads = (named.logReads ?? 0) + 1;
    const refused = refusal(c, ctx, job);
    if (refused) return refused;
    const spec = ctx.faults.effective('logs', job?.jobId ?? null);
    if (!job) return c.json(envelope(spec, { job: null, logs: [] }));

    const store = job.logs;
    const start = store.indexAfter(lastLogId);
    const head = toLogJob(job);
    // The upstream LEFT JOINs logs: a job without any answers one all-null row.
    if (store.size === 0 && lastLogId === 0) {
      return c.json(
        envelope(spec, { job: head, logs: applyFaults(world, spec, [{ ...NULL_ROW }], []) }),
      );
    }
    if (!spec.duplicates && !spec.shuffle && !spec.nullRow) {
      return streamedAnswer(c, spec, head, store, start);
    }
    const before = spec.duplicates ? store.rows(start - 3, start) : [];
    const logs = applyFaults(world, spec, store.rows(start, store.size), before);
    return c.json(envelope(spec, { job: head, logs }));
  };

  app.get('/api/v1/job/:jobId/details', details);
  app.get('/api/v1/job/:jobId/details/', details);
  app.get('/api/v1/job/:jobId/details/:lastLogId', details);
}
