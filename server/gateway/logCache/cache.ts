/**
 * The log cache: answers the app's log route from the store, one shared upstream tail per job
 * (jobLog.ts) behind it. N viewers of a job cost the upstream what one costs; a browser poll may
 * wait (long poll) for the next lines; what the cache holds is capped, evicting whole jobs,
 * finished ones first, then the least recently viewed.
 *
 * Credentials: with a server token (or none at all) every viewer shares the gateway's view. With
 * browser tokens, lines are served to a token only after the upstream answered that token for
 * that job (remembered for `confirmMs`): the tail's own reads confirm its token, and any other
 * token costs one cheap read (after the highest possible id: the job, no lines).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  LAST_LOG_ID_HEADER,
  LOG_RECHECK_PARAM,
  LOG_WAIT_PARAM,
  MAX_LOG_WAIT_SECONDS,
  type LogGatewayStatus,
} from '../../../src/contract/index.ts';
import type { LogLineStore } from '../../store/logLines.ts';
import { AUTH_HEADER, type Upstream } from '../upstream.ts';
import { JobLog, type LogCacheSettings, type TailContext } from './jobLog.ts';
import { readLog } from './readLog.ts';
import type { LogIdResolver } from './logJobId.ts';

/**
 * How long a request on a job never read before waits for the upstream's first answer: a huge
 * log's first byte can take seconds (the upstream builds its answer first). Under the app's
 * 15 s limit on the wait for headers, so the browser gets lines rather than a 503 to retry.
 */
const FIRST_ANSWER_WAIT_MS = 12_000;
/** Lines deleted per transaction when a job is evicted. */
const EVICT_BATCH = 5_000;
const MESSAGE = 'Job details retrieved';

export interface LogCacheOptions {
  store: LogLineStore;
  upstream: Upstream;
  settings: LogCacheSettings;
  secrets: readonly string[];
  resolveLogId: LogIdResolver;
  now?: () => number;
}

const isRefusal = (status: number) => status === 401 || status === 403;

const hashOf = (auth: string | undefined) =>
  auth === undefined
    ? 'anonymous'
    : `token:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}`;

const json = (c: Context, status: number, message: string) =>
  c.json({ message }, status as ContentfulStatusCode, { 'Cache-Control': 'no-store' });

export class LogCache {
  private readonly jobs = new Map<string, JobLog>();
  private readonly ctx: TailContext;
  private bytes: number | null = null;
  private evicting: Promise<void> | null = null;
  private readonly sweeper: ReturnType<typeof setInterval>;
  /** Requests that asked the upstream, by kind (tests and benchmarks read them). */
  readonly upstreamReads = { tail: 0, confirm: 0 };

  constructor(private readonly options: LogCacheOptions) {
    const now = options.now ?? Date.now;
    const upstream: Upstream = {
      ...options.upstream,
      fetch: (request) => {
        this.upstreamReads.tail++;
        return options.upstream.fetch(request);
      },
    };
    this.ctx = {
      store: options.store,
      upstream,
      settings: options.settings,
      secrets: options.secrets,
      now,
      grew: (bytes) => {
        if (this.bytes !== null) this.bytes += bytes;
        this.evictIfFull();
      },
    };
    // Forgets idle jobs' in-memory state (their lines stay in the store).
    this.sweeper = setInterval(() => this.forgetIdle(), 60_000);
    this.sweeper.unref();
  }

  /** The log route: `GET /api/v1/job/{jobId}/details/{lastLogId?}`. */
  async handle(c: Context, jobId: string, lastLogId: string | undefined): Promise<Response> {
    const cursor = lastLogId === undefined ? 0 : Number(lastLogId);
    const waitRaw = Number(c.req.query(LOG_WAIT_PARAM) ?? 0);
    const waitMs = Math.min(Math.max(0, waitRaw), MAX_LOG_WAIT_SECONDS) * 1000;
    const signal = c.req.raw.signal;

    const resolved = await this.options.resolveLogId(jobId);
    if ('retry' in resolved) {
      return c.json({ message: resolved.retry }, 503, { 'Retry-After': '2' });
    }
    if (resolved.id === null) {
      return this.answer(c, null, cursor, {
        state: 'missing',
        logJobId: null,
        reason: resolved.reason,
      });
    }
    const log = await this.jobLog(resolved.id);

    // Read again first, so the credential is checked against what the read found.
    if (c.req.query(LOG_RECHECK_PARAM) === '1' && log.recheck()) await log.settled();
    const { upstream } = this.options;
    const browserAuth = upstream.token === undefined ? c.req.header(AUTH_HEADER.logs) : undefined;
    if (upstream.token === undefined) {
      const refused = await this.confirm(c, log, browserAuth, signal);
      if (refused) return refused;
    }
    log.view();
    await log.firstAnswer(FIRST_ANSWER_WAIT_MS, signal);

    let longPoll = false;
    if (waitMs > 0 && this.live(log) && cursor >= log.row.served_to) {
      longPoll = true;
      const until = this.ctx.now() + waitMs;
      while (this.live(log) && cursor >= log.row.served_to && this.ctx.now() < until) {
        if (signal.aborted) break;
        await log.changed(until - this.ctx.now(), signal);
      }
      log.view();
    }
    return this.answer(c, log, cursor, { longPoll });
  }

  /**
   * Forgets everything held: the upstream is another one now (the simulator starts a new world
   * at each start and each /__demo reset, with other lines under the same ids).
   */
  async clear(): Promise<void> {
    const logs = [...this.jobs.values()];
    this.jobs.clear();
    for (const log of logs) log.stop();
    await Promise.all(logs.map((log) => log.settled()));
    await this.evicting;
    await this.options.store.clear();
    this.bytes = 0;
  }

  /** Stops every tail (the server is going down); waits for reads under way. */
  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    const logs = [...this.jobs.values()];
    for (const log of logs) log.stop();
    await Promise.all(logs.map((log) => log.settled()));
    await this.evicting;
  }

  /** The job's tail state, for tests. */
  peek(logJobId: string): JobLog | undefined {
    return this.jobs.get(logJobId);
  }

  private live(log: JobLog): boolean {
    return (
      log.row.final === 0 && log.row.missing === 0 && log.lastError === null && !log.unanswered
    );
  }

  private async jobLog(key: string): Promise<JobLog> {
    let log = this.jobs.get(key);
    if (log) return log;
    const row = await this.options.store.ensureJob(key, this.ctx.now());
    // Another request may have created it meanwhile.
    log = this.jobs.get(key) ?? new JobLog(row, this.ctx);
    this.jobs.set(key, log);
    return log;
  }

  /**
   * With browser tokens: null when this credential may read the job's lines, else the answer
   * that refuses it (the upstream's own 401/403, so the app asks for a token).
   */
  private async confirm(
    c: Context,
    log: JobLog,
    auth: string | undefined,
    signal: AbortSignal,
  ): Promise<Response | null> {
    const hash = hashOf(auth);
    const now = this.ctx.now();
    if ((log.confirmed.get(hash) ?? 0) > now) return null;
    // Nothing to leak: the answer says there is no log, and no line goes with it.
    if (log.row.missing === 1) return null;
    const tailGoesOn = log.row.final === 0 && log.row.missing === 0;
    if (tailGoesOn && (log.credential === null || log.credential.hash === hash)) {
      // This credential drives the tail: the tail's next read confirms it, or refuses it.
      log.useCredential({ auth, hash });
      log.view();
      const until = now + FIRST_ANSWER_WAIT_MS;
      while (this.ctx.now() < until && !signal.aborted) {
        if ((log.confirmed.get(hash) ?? 0) > this.ctx.now()) return null;
        if (log.row.missing === 1) return null;
        // The read with this credential failed: a refusal is final; an upstream that is down
        // still lets a credential it answered before see what is held (marked stale).
        const failed = log.lastError;
        if (failed && log.reading === null) {
          if (!isRefusal(failed.status) && log.trusted.has(hash)) return null;
          return json(c, failed.status, failed.message);
        }
        await log.changed(until - this.ctx.now(), signal);
      }
      return c.json(
        { message: 'The Job log API has not answered yet; Jobscope keeps asking.' },
        503,
        { 'Retry-After': '2', 'Cache-Control': 'no-store' },
      );
    }
    return this.confirmOnce(log, auth, hash, signal);
  }

  /** One cheap read with this credential: the job, no lines. */
  private async confirmOnce(
    log: JobLog,
    auth: string | undefined,
    hash: string,
    signal: AbortSignal,
  ): Promise<Response | null> {
    this.upstreamReads.confirm++;
    const outcome = await readLog(this.options.upstream, {
      logJobId: log.key,
      after: Number.MAX_SAFE_INTEGER,
      auth,
      progressMs: this.ctx.settings.progressMs,
      batchLines: this.ctx.settings.batchLines,
      secrets: this.options.secrets,
      onLines: () => undefined,
      signal,
    });
    if (!outcome.ok) {
      if (!isRefusal(outcome.status) && log.trusted.has(hash)) return null;
      if (isRefusal(outcome.status)) log.trusted.delete(hash);
      if (log.credential?.hash === hash) log.credential = null;
      return Response.json(
        { message: outcome.message },
        {
          status: outcome.status,
          headers: { 'Cache-Control': 'no-store' },
        },
      );
    }
    log.confirm(hash);
    return null;
  }

  private answer(
    c: Context,
    log: JobLog | null,
    cursor: number,
    extra: { longPoll?: boolean; state?: 'missing'; logJobId?: string | null; reason?: string },
  ): Response {
    const settings = this.ctx.settings;
    if (log === null) {
      const gateway: LogGatewayStatus = {
        state: 'missing',
        epoch: 0,
        linesRead: null,
        logJobId: extra.logJobId ?? null,
        reason: extra.reason ?? null,
        readAt: null,
        longPoll: false,
      };
      return c.json(
        { status: 'SUCCESS', message: MESSAGE, payload: { job: null, logs: [] }, gateway },
        200,
        { 'Cache-Control': 'no-store' },
      );
    }
    const { row } = log;
    if (log.unanswered) {
      if (log.lastError) return json(c, log.lastError.status, log.lastError.message);
      return c.json(
        { message: 'The Job log API has not answered yet; Jobscope keeps asking.' },
        503,
        { 'Retry-After': '2', 'Cache-Control': 'no-store' },
      );
    }
    const missing = row.missing === 1;
    // The job never answered with a job object, only errors: say what the upstream said.
    if (!missing && log.job === null && log.lastError) {
      return json(c, log.lastError.status, log.lastError.message);
    }
    const lines = missing
      ? []
      : this.options.store.page(row.job, cursor, row.served_to, settings.pageLines);
    const reading =
      log.reading !== null && (row.read_at === null || log.reading.lines >= settings.batchLines);
    const gateway: LogGatewayStatus = {
      state: missing ? 'missing' : row.final === 1 ? 'final' : reading ? 'reading' : 'live',
      epoch: row.epoch,
      linesRead: reading ? log.reading!.lines : null,
      logJobId: row.job,
      reason: missing
        ? `The Job log API has no log for this job (id ${row.job}).`
        : (log.lastError?.message ?? null),
      readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
      longPoll: extra.longPoll ?? false,
    };
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (row.served_to > 0 && !missing) headers[LAST_LOG_ID_HEADER] = String(row.served_to);
    return c.json(
      {
        status: 'SUCCESS',
        message: MESSAGE,
        payload: { job: missing ? null : log.job, logs: lines },
        gateway,
      },
      200,
      headers,
    );
  }

  private forgetIdle(): void {
    const now = this.ctx.now();
    for (const [key, log] of this.jobs) {
      if (!log.busy && now - log.viewedAt > this.ctx.settings.viewTtlMs) this.jobs.delete(key);
    }
  }

  private evictIfFull(): void {
    if (this.evicting) return;
    this.evicting = this.evict().finally(() => {
      this.evicting = null;
    });
  }

  /** Drops whole jobs until the cache is under its cap: finished first, then least recently viewed. */
  private async evict(): Promise<void> {
    const { store, settings } = this.options;
    this.bytes ??= await store.totalBytes();
    if (this.bytes <= settings.maxBytes) return;
    const viewedBefore = this.ctx.now() - settings.viewTtlMs;
    const candidates = await store.evictionOrder(viewedBefore);
    for (const row of candidates) {
      if (this.bytes <= settings.maxBytes) break;
      const live = this.jobs.get(row.job);
      if (live?.busy) continue;
      this.jobs.delete(row.job);
      while (store.deleteLines(row.job, EVICT_BATCH) > 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      await store.dropJob(row.job);
      this.bytes -= row.bytes;
      console.log(
        `Jobscope: log cache over ${settings.maxBytes} bytes; evicted job ${JSON.stringify(row.job)} (${row.lines} lines)`,
      );
    }
  }
}
