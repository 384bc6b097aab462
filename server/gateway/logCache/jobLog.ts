/**
 * One job's log in the gateway: the single upstream tail every viewer shares, and how far the
 * stored copy is complete. The tail reads after `served_to` (every line up to it is held) while
 * someone viewed the log in the last `viewTtlMs`, one read at a time, at `pollMs`, backing off
 * on errors, and stops after one more read once the log API says the job is over.
 *
 * Completeness: a read's lines are written in batches as they arrive. While they come in id
 * order (as the upstream's index returns them in practice), everything up to the highest id seen
 * is held, so `served_to` moves with each batch and browsers get the first lines of a huge log
 * before its read ends. Once a read shows disorder, `served_to` waits for the read's end. A line
 * that arrives below what was already served bumps the epoch, which tells clients to read again.
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { LogJobRow, LogLineStore, StoredLine } from '../../store/logLines.ts';
import { readLog, type ReadLogOutcome } from './readLog.ts';
import type { LogCacheSettings } from './settings.ts';
import { authValue, type Upstream } from '../upstream.ts';

// The cache, the tests and the bench take the settings from the tail that follows them.
export { DEFAULT_LOG_CACHE, type LogCacheSettings } from './settings.ts';

const TERMINAL = new Set(['COMPLETED', 'FAILED']);
/**
 * A first answer waits this long for a read to end before it shows what is stored so far: a
 * small log comes whole, a huge one shows its first lines at once.
 */
const FIRST_LINES_MS = 300;

export interface TailContext {
  store: LogLineStore;
  upstream: Upstream;
  settings: LogCacheSettings;
  secrets: readonly string[];
  now: () => number;
  /** Lines were written: the cache may have to evict. */
  grew: (bytes: number) => void;
}

export class JobLog {
  viewedAt = 0;
  /** The upstream answered for this job with this credential recently (credential hash -> until). */
  readonly confirmed = new Map<string, number>();
  /**
   * Credentials the upstream ever answered for this job and never refused since: while the
   * upstream fails (an error, not a refusal), they are still served what is held.
   */
  readonly trusted = new Set<string>();
  /** The browser credential the tail reads with (when there is no server token). */
  credential: { auth: string | undefined; hash: string } | null = null;
  /** A read under way, and the lines it has brought so far. */
  reading: { lines: number } | null = null;
  lastError: { status: number; message: string; at: number } | null = null;
  /** The job object last read, parsed. */
  job: Record<string, unknown> | null;
  private errorAttempt = 0;
  private terminalSeen = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly waiters = new Set<() => void>();
  private viewedWrittenAt = 0;
  /** Ends a read under way when the server stops. */
  private readonly stopping = new AbortController();

  constructor(
    readonly row: LogJobRow,
    private readonly ctx: TailContext,
  ) {
    this.job = row.log_job === null ? null : (JSON.parse(row.log_job) as Record<string, unknown>);
    this.terminalSeen = row.final === 1;
  }

  get key(): string {
    return this.row.job;
  }

  get busy(): boolean {
    return this.running !== null || this.timer !== undefined;
  }

  /** No read has ever answered for this job. */
  get unanswered(): boolean {
    return this.row.read_at === null && this.job === null && this.row.missing === 0;
  }

  /** The upstream just answered this credential for this job. */
  confirm(hash: string): void {
    this.confirmed.set(hash, this.ctx.now() + this.ctx.settings.confirmMs);
    this.trusted.add(hash);
  }

  /** The tail reads with this credential from now on; another's refusal is not this one's. */
  useCredential(credential: { auth: string | undefined; hash: string }): void {
    if (this.credential?.hash !== credential.hash) {
      const status = this.lastError?.status;
      if (status === 401 || status === 403) {
        this.lastError = null;
        this.errorAttempt = 0;
      }
    }
    this.credential = credential;
  }

  /** Someone is looking: start the tail unless it runs or waits for its next turn. */
  view(): void {
    const now = this.ctx.now();
    this.viewedAt = now;
    // The row's viewed_at orders eviction; a few seconds' precision is plenty.
    if (now - this.viewedWrittenAt > 5_000) {
      this.viewedWrittenAt = now;
      void this.ctx.store.updateJob(this.key, { viewed_at: now });
    }
    if (this.row.final === 1 || this.row.missing === 1 || this.busy || this.stopped) return;
    if (this.lastError && (this.lastError.status === 401 || this.lastError.status === 403)) {
      // A refused credential waits for a viewer whose own credential was confirmed.
      if (this.credential === null) return;
    }
    this.kick();
  }

  /** Reads the log again once even though it was `missing` (the operator asked); true if so. */
  recheck(): boolean {
    if (this.row.missing !== 1) return false;
    this.row.missing = 0;
    void this.ctx.store.updateJob(this.key, { missing: 0 });
    this.kick();
    return true;
  }

  /** Resolves when the stored copy changed, or after `ms`, or when `signal` aborts. */
  changed(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * Waits, at most `ms`, until the first read has something to show: its end, or its failure,
   * or (a long read) the lines it stored in its first `FIRST_LINES_MS`.
   */
  async firstAnswer(ms: number, signal?: AbortSignal): Promise<void> {
    const began = this.ctx.now();
    const row = this.row;
    const waiting = () =>
      row.read_at === null &&
      row.missing === 0 &&
      this.lastError === null &&
      !(row.served_to > 0 && this.ctx.now() - began >= FIRST_LINES_MS);
    while (waiting() && this.ctx.now() < began + ms) {
      if (signal?.aborted) return;
      const next = row.served_to > 0 ? began + FIRST_LINES_MS : began + ms;
      await this.changed(Math.max(1, next - this.ctx.now()), signal);
    }
  }

  stop(): void {
    this.stopped = true;
    this.stopping.abort();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.wake();
  }

  /** Waits for the read under way, if any. */
  async settled(): Promise<void> {
    await this.running;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running || this.stopped) return;
    this.running = this.readOnce().finally(() => {
      this.running = null;
      this.scheduleNext();
    });
  }

  private scheduleNext(): void {
    if (this.stopped || this.row.final === 1 || this.row.missing === 1) return;
    if (this.ctx.now() - this.viewedAt > this.ctx.settings.viewTtlMs) return;
    const { pollMs, maxErrorDelayMs } = this.ctx.settings;
    if (this.errorAttempt > 0) {
      if (this.lastError?.status === 401 || this.lastError?.status === 403) return;
      const delay = Math.min(pollMs * 2 ** (this.errorAttempt - 1), maxErrorDelayMs);
      this.timer = setTimeout(() => this.kick(), delay);
      return;
    }
    this.timer = setTimeout(() => this.kick(), pollMs);
  }

  /** The auth header the tail reads with: the server's token, else a confirmed viewer's. */
  private auth(): string | undefined {
    const { token } = this.ctx.upstream;
    return token !== undefined ? authValue('logs', token) : this.credential?.auth;
  }

  private async readOnce(): Promise<void> {
    const { store, settings, upstream, now } = this.ctx;
    const row = this.row;
    const after = row.served_to;
    let maxSeen = after;
    let disorder = false;
    let late = 0;
    const credential = this.credential;
    this.reading = { lines: 0 };
    this.wake();
    let outcome: ReadLogOutcome;
    try {
      outcome = await readLog(upstream, {
        logJobId: this.key,
        after,
        auth: this.auth(),
        progressMs: settings.progressMs,
        batchLines: settings.batchLines,
        secrets: this.ctx.secrets,
        signal: this.stopping.signal,
        onJob: (job) => {
          if (job !== null && credential) {
            this.confirm(credential.hash);
          }
          this.job = job;
          this.wake();
        },
        onLines: async (lines: StoredLine[]) => {
          if (this.stopped) return;
          for (const line of lines) {
            if (line.id <= maxSeen) disorder = true;
            else maxSeen = line.id;
          }
          const written = store.write(this.key, lines, row.served_to);
          late += written.late;
          row.lines += written.inserted;
          row.bytes += written.bytes;
          this.reading!.lines += lines.length;
          if (!disorder && maxSeen > row.served_to) {
            row.served_to = maxSeen;
            await store.updateJob(this.key, { served_to: maxSeen });
          }
          if (written.bytes > 0) this.ctx.grew(written.bytes);
          this.wake();
          // Let browser requests in between batches of a long read.
          await yieldToRequests();
        },
      });
    } finally {
      this.reading = null;
    }
    if (this.stopped) return;
    if (!outcome.ok) {
      this.errorAttempt++;
      this.lastError = { status: outcome.status, message: outcome.message, at: now() };
      if ((outcome.status === 401 || outcome.status === 403) && credential) {
        this.confirmed.delete(credential.hash);
        this.trusted.delete(credential.hash);
        if (this.credential === credential) this.credential = null;
      }
      this.wake();
      return;
    }
    this.errorAttempt = 0;
    this.lastError = null;
    const job = outcome.job;
    row.read_at = now();
    row.served_to = Math.max(row.served_to, maxSeen);
    if (late > 0) row.epoch++;
    row.log_job = job === null ? null : JSON.stringify(job);
    row.progress = typeof job?.progress === 'string' ? job.progress : null;
    row.missing = job === null ? 1 : 0;
    if (job !== null && TERMINAL.has((row.progress ?? '').toUpperCase())) {
      // One more read after the end was first seen, then never again.
      if (this.terminalSeen) row.final = 1;
      this.terminalSeen = true;
    }
    await store.updateJob(this.key, {
      read_at: row.read_at,
      served_to: row.served_to,
      epoch: row.epoch,
      log_job: row.log_job,
      progress: row.progress,
      missing: row.missing,
      final: row.final,
    });
    this.wake();
  }
}
