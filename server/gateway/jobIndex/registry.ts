/**
 * The job indexes, one per credential, so no operator is ever shown a job their own token could
 * not list upstream: with a server token everyone shares the server's index; with browser tokens
 * each token has its own, keyed by a hash (never the token) and dropped after it goes unused.
 */
import { createHash } from 'node:crypto';
import type { JobIndexStore } from '../../store/jobQueries.ts';
import { callUpstream, type Upstream, type UpstreamLimits } from '../upstream.ts';
import { IndexSync, type SyncSettings, type UpstreamRead } from './sync.ts';

export type CredentialKind = 'server' | 'browser' | 'anonymous';

/**
 * Each browser index syncs on its own: a cap keeps a stream of made-up tokens from making the
 * server hold (and poll the upstream for) an index each.
 */
export const MAX_BROWSER_INDEXES = 50;

export interface Credential {
  key: string;
  kind: CredentialKind;
  /** The browser's own auth header value, for a browser index. */
  auth: string | undefined;
}

export interface JobIndexesOptions {
  store: JobIndexStore;
  upstream: Upstream;
  limits: UpstreamLimits;
  settings: SyncSettings;
  /** A browser token's index is dropped after this long without a request. */
  idleMs: number;
}

/** The message of an error body in either API's shape. */
function messageOf(body: unknown, status: number): string {
  const o = (body ?? {}) as { message?: unknown; errors?: { msg?: unknown }[] };
  const said = typeof o.message === 'string' ? o.message : o.errors?.[0]?.msg;
  return typeof said === 'string' && said ? said.slice(0, 300) : `The Jobs API answered ${status}.`;
}

export class JobIndexes {
  private readonly syncs = new Map<string, { sync: IndexSync; started: Promise<void> }>();
  private readonly lastUsed = new Map<string, number>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(readonly options: JobIndexesOptions) {
    this.sweeper = setInterval(() => void this.dropIdle(), Math.min(60_000, options.idleMs));
    this.sweeper.unref?.();
  }

  /** Whose index a request reads: the server's token wins over the browser's own. */
  credentialOf(browserAuth: string | undefined): Credential {
    if (this.options.upstream.token !== undefined) {
      return { key: 'server', kind: 'server', auth: undefined };
    }
    if (!browserAuth) return { key: 'anonymous', kind: 'anonymous', auth: undefined };
    const hash = createHash('sha256').update(browserAuth).digest('hex').slice(0, 40);
    return { key: `token:${hash}`, kind: 'browser', auth: browserAuth };
  }

  /** The credential's index, started on first use. */
  async indexFor(credential: Credential): Promise<IndexSync> {
    this.lastUsed.set(credential.key, Date.now());
    let entry = this.syncs.get(credential.key);
    if (!entry && credential.kind === 'browser') await this.makeRoom();
    if (!entry) {
      const sync = new IndexSync(
        credential.key,
        this.options.store,
        (path, signal) => this.read(credential, path, signal),
        this.options.settings,
        // The server's identity upstream is not the operator's: no "My jobs" from it.
        { deriveOwner: credential.kind !== 'server' },
      );
      entry = { sync, started: sync.start() };
      this.syncs.set(credential.key, entry);
    }
    await entry.started;
    return entry.sync;
  }

  /** At most MAX_BROWSER_INDEXES browser indexes sync at once: the least recently used goes. */
  private async makeRoom(): Promise<void> {
    const browsers = [...this.syncs.keys()].filter((key) => key.startsWith('token:'));
    if (browsers.length < MAX_BROWSER_INDEXES) return;
    const oldest = browsers.sort(
      (a, b) => (this.lastUsed.get(a) ?? 0) - (this.lastUsed.get(b) ?? 0),
    )[0];
    if (oldest) await this.drop(oldest);
  }

  /** Starts the index every visitor shares (the server's, or the anonymous one) at boot. */
  async startShared(): Promise<void> {
    await this.indexFor(this.credentialOf(undefined));
  }

  private async read(credential: Credential, path: string, signal: AbortSignal) {
    const response = await callUpstream(
      this.options.upstream,
      { method: 'GET', path, browserAuth: credential.auth, signal },
      this.options.limits,
    );
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const read: UpstreamRead = { status: response.status, body, message: '' };
    if (!response.ok) read.message = messageOf(body, response.status);
    return read;
  }

  /** Stops and forgets one browser index (a token the upstream refused outright). */
  async drop(key: string): Promise<void> {
    const entry = this.syncs.get(key);
    if (!entry || !key.startsWith('token:')) return;
    entry.sync.stop();
    this.syncs.delete(key);
    this.lastUsed.delete(key);
    await this.options.store.dropIndex(key);
  }

  /** Drops browser indexes unused for `idleMs`: their syncs stop and their jobs go. */
  async dropIdle(now = Date.now()): Promise<void> {
    for (const [key, entry] of this.syncs) {
      if (!key.startsWith('token:')) continue;
      if (now - (this.lastUsed.get(key) ?? 0) < this.options.idleMs) continue;
      entry.sync.stop();
      this.syncs.delete(key);
      this.lastUsed.delete(key);
      await this.options.store.dropIndex(key);
    }
    // Browser indexes a previous run left behind, if they have gone unused since.
    for (const row of await this.options.store.indexKeys()) {
      if (row.key.startsWith('token:') && !this.syncs.has(row.key)) {
        if (now - row.last_used_at >= this.options.idleMs)
          await this.options.store.dropIndex(row.key);
      }
    }
  }

  stop(): void {
    clearInterval(this.sweeper);
    for (const { sync } of this.syncs.values()) sync.stop();
    this.syncs.clear();
  }
}
