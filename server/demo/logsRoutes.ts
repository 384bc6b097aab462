/** The Job log API (Fuyuko-shaped): the job plus its logs after a cursor, capped per answer. */
import type { Context, Hono } from 'hono';
import type { RawLog } from '../../src/contract/index.ts';
import type { SimContext } from './context.ts';
import { logsError } from './errors.ts';
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

export function registerLogsRoutes(app: Hono, ctx: SimContext): void {
  const details = (c: Context) => {
    const raw = c.req.param('lastLogId');
    if (raw !== undefined && !/^\d+$/.test(raw)) {
      return logsError(c, 400, `lastLogId must be a non-negative integer, got '${raw}'`, 'params');
    }
    const lastLogId = raw === undefined ? 0 : Number(raw);
    const world = ctx.world;
    const job = world.find(c.req.param('jobId') ?? '');
    const spec = ctx.faults.effective('logs', job?.jobId ?? null);
    if (!job) return c.json(envelope(spec, { job: null, logs: [] }));

    const store = job.logs;
    const start = store.indexAfter(lastLogId);
    const cap = ctx.logPageLimit;
    const end = cap > 0 ? Math.min(store.size, start + cap) : store.size;
    // The upstream LEFT JOINs logs: a job without any answers one all-null row.
    let logs: RawLog[] =
      store.size === 0 && lastLogId === 0 ? [{ ...NULL_ROW }] : store.rows(start, end);
    const before = spec.duplicates ? store.rows(start - 3, start) : [];
    logs = applyFaults(world, spec, logs, before);
    const lastId = store.lastId();
    if (lastId !== null) c.header('X-Last-Log-Id', String(lastId));
    return c.json(envelope(spec, { job: toLogJob(job), logs }));
  };

  app.get('/api/v1/job/:jobId/details', details);
  app.get('/api/v1/job/:jobId/details/', details);
  app.get('/api/v1/job/:jobId/details/:lastLogId', details);
}
