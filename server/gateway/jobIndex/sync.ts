/**
 * One job index kept in step with the Jobs API, with the credential it belongs to:
 * - passes page through `GET /jobs/v1/?skip&limit` (never two at once), then drop the jobs that
 *   two complete passes did not list; a failed pass keeps everything and backs off;
 * - a hot tick, every few seconds, re-reads the first page (new and changed jobs, when the
 *   upstream lists recent ones first) and, through bson, the unfinished jobs checked longest ago;
 * - every upstream request waits for the index's rate limit.
 * An answer that fails the contract is counted and skipped; the pass goes on.
 */
import { jobSummarySchema, type JobSummary } from '../../../src/contract/index.ts';
import type { JobIndexStore } from '../../store/jobQueries.ts';
import { jobRowOf } from '../../store/jobRows.ts';
import { RateLimit } from './rate.ts';

export interface SyncSettings {
  /** Jobs per list page asked of the upstream. */
  pageSize: number;
  /** Upstream requests per second, at most (0: no limit). */
  ratePerSecond: number;
  /** Pause between two complete passes. */
  passIntervalMs: number;
  /** How often the first page and unfinished jobs are re-read. */
  hotIntervalMs: number;
}

export const DEFAULT_SYNC: SyncSettings = {
  pageSize: 100,
  ratePerSecond: 10,
  passIntervalMs: 60_000,
  hotIntervalMs: 5_000,
};

/** An upstream answer, read and parsed (body undefined when it was not JSON). */
export interface UpstreamRead {
  status: number;
  body: unknown;
  /** For a failure: the gateway's sentence, tokens scrubbed. */
  message: string;
}

export type ReadUpstream = (path: string, signal: AbortSignal) => Promise<UpstreamRead>;

/** The caller's identity upstream, for "My jobs". */
export interface Owner {
  userId: string | null;
  username: string | null;
}

const MAX_BACKOFF_MS = 60_000;

class ReadFailed extends Error {
  constructor(readonly read: UpstreamRead) {
    super(read.message);
  }
}

const isAuthFailure = (status: number) => status === 401 || status === 403;

export class IndexSync {
  private passes = 0;
  private passing: { pages: number; jobs: number } | null = null;
  private hotRunning = false;
  private failures = 0;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private readonly abort = new AbortController();
  private readonly rate: RateLimit;
  private firstRead: Promise<void>;
  private markFirstRead: () => void = () => undefined;

  lastPassAt: number | null = null;
  lastReadAt: number | null = null;
  lastError: { message: string; at: number } | null = null;
  /** An auth refusal from the upstream, kept while it lasts: the list answers it. */
  authFailure: UpstreamRead | null = null;
  /** Jobs the last complete pass left out (failed the contract). */
  skipped = 0;
  private skippedNow = 0;
  recheckMs: number | null = null;
  /** undefined until read; null when the caller has no jobs to tell who they are. */
  owner: Owner | null | undefined = undefined;

  constructor(
    readonly key: string,
    private readonly store: JobIndexStore,
    private readonly read: ReadUpstream,
    private readonly settings: SyncSettings,
    private readonly options: { deriveOwner: boolean; now?: () => number } = { deriveOwner: true },
  ) {
    this.rate = new RateLimit(settings.ratePerSecond);
    this.firstRead = new Promise((resolve) => (this.markFirstRead = resolve));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async start(): Promise<void> {
    const info = await this.store.ensureIndex(this.key, this.now());
    this.passes = info.passes;
    this.lastPassAt = info.last_pass_at;
    this.later(0, () => this.runPass());
    this.later(this.settings.hotIntervalMs, () => this.hotLoop());
  }

  stop(): void {
    this.abort.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.markFirstRead();
  }

  get firstPass(): boolean {
    return this.passes === 0;
  }

  /** Complete passes so far (kept across restarts). */
  get passCount(): number {
    return this.passes;
  }

  /** Pages and jobs read by the pass in progress. */
  get progress(): { pages: number; jobs: number } | null {
    return this.passing ? { ...this.passing } : null;
  }

  /** Resolves once the first upstream read of this index has ended (well or not), or after `ms`. */
  async ready(ms: number): Promise<void> {
    await Promise.race([this.firstRead, new Promise((resolve) => setTimeout(resolve, ms))]);
  }

  /** A job the gateway saw pass by (the app opened or aborted it): into the index at once. */
  async note(raw: unknown): Promise<void> {
    const parsed = jobSummarySchema.safeParse(raw);
    if (!parsed.success) return;
    await this.store.upsert([
      jobRowOf(this.key, parsed.data, raw as Record<string, unknown>, this.passes + 1, this.now()),
    ]);
  }

  /** The upstream said this job does not exist (a 404 from bson). */
  async forget(jobId: string): Promise<void> {
    await this.store.remove(this.key, jobId);
  }

  private later(ms: number, work: () => Promise<void>): void {
    if (this.abort.signal.aborted) return;
    const timer = setTimeout(() => {
      this.timers = this.timers.filter((t) => t !== timer);
      void work();
    }, ms);
    timer.unref?.();
    this.timers.push(timer);
  }

  private async get(path: string): Promise<UpstreamRead> {
    await this.rate.take(this.abort.signal);
    const answer = await this.read(path, this.abort.signal);
    if (answer.status >= 200 && answer.status < 300) {
      this.lastReadAt = this.now();
      this.authFailure = null;
      return answer;
    }
    if (isAuthFailure(answer.status)) this.authFailure = answer;
    throw new ReadFailed(answer);
  }

  private failed(error: unknown): void {
    if (this.abort.signal.aborted) return;
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = { message, at: this.now() };
  }

  /** Valid jobs of a list answer; the others are counted and named in the last error. */
  private readJobs(
    body: unknown,
    counted = true,
  ): { jobs: { job: JobSummary; raw: unknown }[]; count: number } {
    if (!Array.isArray(body)) {
      throw new Error('The Jobs API answered a list request with something other than a list.');
    }
    const jobs: { job: JobSummary; raw: unknown }[] = [];
    for (const raw of body) {
      const parsed = jobSummarySchema.safeParse(raw);
      if (parsed.success) jobs.push({ job: parsed.data, raw });
      else {
        if (counted) this.skippedNow += 1;
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : '(the job)';
        this.lastError = {
          message: `A job the Jobs API sent does not fit the contract and was left out (${where}: ${issue?.message ?? 'invalid'}).`,
          at: this.now(),
        };
      }
    }
    return { jobs, count: body.length };
  }

  private async storeJobs(jobs: { job: JobSummary; raw: unknown }[], pass: number) {
    const now = this.now();
    await this.store.upsert(
      jobs.map(({ job, raw }) =>
        jobRowOf(this.key, job, raw as Record<string, unknown>, pass, now),
      ),
    );
  }

  private listPath(skip: number): string {
    return `/jobs/v1/?skip=${skip}&limit=${this.settings.pageSize}`;
  }

  /** One complete pass; the next is scheduled whatever happens. */
  private async runPass(): Promise<void> {
    if (this.passing || this.abort.signal.aborted) return;
    const current = this.passes + 1;
    this.passing = { pages: 0, jobs: 0 };
    this.skippedNow = 0;
    try {
      if (this.options.deriveOwner) await this.readOwner();
      const seen = new Set<string>();
      for (let skip = 0; ;) {
        const { jobs, count } = this.readJobs((await this.get(this.listPath(skip))).body);
        const fresh = jobs.filter(({ job }) => !seen.has(job.jobId));
        if (count > 0 && fresh.length === 0 && jobs.length > 0) {
          throw new Error(
            'The Jobs API sent the same page twice: it does not seem to page by skip.',
          );
        }
        for (const { job } of jobs) seen.add(job.jobId);
        await this.storeJobs(jobs, current);
        this.passing.pages += 1;
        this.passing.jobs += jobs.length;
        this.markFirstRead();
        if (count < this.settings.pageSize) break;
        skip += count;
      }
      // A pass that left jobs out cannot tell what else it missed: it removes nothing.
      if (this.skippedNow === 0) await this.store.sweep(this.key, current);
      this.passes = current;
      this.lastPassAt = this.now();
      await this.store.recordPass(this.key, current, this.lastPassAt);
      // A clean pass clears the last error; one that left jobs out keeps saying why.
      this.skipped = this.skippedNow;
      if (this.skipped === 0) this.lastError = null;
      this.failures = 0;
      this.later(this.settings.passIntervalMs, () => this.runPass());
    } catch (error) {
      this.failed(error);
      this.markFirstRead();
      this.failures += 1;
      this.later(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1)), () => this.runPass());
    } finally {
      this.passing = null;
    }
  }

  /** "My jobs": who the credential is, from the first job `/my/` lists for it. */
  private async readOwner(): Promise<void> {
    const { body } = await this.get('/jobs/v1/my/?skip=0&limit=1');
    const { jobs } = this.readJobs(body, false);
    const first = jobs[0]?.job.metadata;
    this.owner = first ? { userId: first.userId ?? null, username: first.username ?? null } : null;
  }

  private async hotLoop(): Promise<void> {
    if (this.abort.signal.aborted) return;
    // While refused, the tick still reads the first page: the first success lifts the refusal.
    if (!this.hotRunning) {
      this.hotRunning = true;
      try {
        await this.hot();
      } catch (error) {
        this.failed(error);
      } finally {
        this.hotRunning = false;
      }
    }
    this.later(this.settings.hotIntervalMs, () => this.hotLoop());
  }

  /** How many bson reads one hot tick may make: half the rate, the passes keep the rest. */
  private recheckBudget(): number {
    const { ratePerSecond, hotIntervalMs } = this.settings;
    if (ratePerSecond <= 0) return 200;
    return Math.max(1, Math.floor((ratePerSecond * hotIntervalMs) / 1000 / 2));
  }

  private async hot(): Promise<void> {
    const { jobs } = this.readJobs((await this.get(this.listPath(0))).body);
    await this.storeJobs(jobs, this.passes + 1);
    this.markFirstRead();
    const budget = this.recheckBudget();
    const due = await this.store.dueForRecheck(this.key, budget);
    for (const jobId of due) {
      let answer: UpstreamRead;
      try {
        answer = await this.get(`/jobs/v1/bson/${encodeURIComponent(jobId)}`);
      } catch (error) {
        if (error instanceof ReadFailed && error.read.status === 404) {
          await this.forget(jobId);
          continue;
        }
        throw error;
      }
      const raw = Array.isArray(answer.body) ? (answer.body as unknown[])[0] : answer.body;
      if (raw === undefined) await this.forget(jobId);
      else await this.note(raw);
    }
    const running = await this.store.countRunning(this.key);
    this.recheckMs = Math.max(1, Math.ceil(running / budget)) * this.settings.hotIntervalMs;
  }
}
