/** Log lines and a Job log API in memory, for the tail's tests. */
import type { LogGatewayStatus } from '../contract';

/** A row as the fake server sends it. */
export interface WireLine {
  id: number;
  level: string;
  message: string;
  creationDate: string | null;
}

export function line(id: number): WireLine {
  return { id, level: 'INFO', message: `m${id}`, creationDate: null };
}

/** A gateway status for the fake's answers: live, epoch 1, nothing wrong. */
export function gatewayStatus(patch: Partial<LogGatewayStatus> = {}): LogGatewayStatus {
  return {
    state: 'live',
    epoch: 1,
    linesRead: null,
    logJobId: 'j1',
    reason: null,
    readAt: null,
    longPoll: false,
    ...patch,
  };
}

/**
 * A Job log API in memory: pages of `cap`, `X-Last-Log-Id`, scripted failures. With `gateway`
 * set it answers like Jobscope's gateway: the status beside the envelope, `job: null` while
 * missing, and a request with `wait` held until lines come or the wait runs out.
 */
export class FakeLogServer {
  lines: WireLine[] = [];
  progress = 'IN_PROGRESS';
  cap = 3;
  failNext = 0;
  cursors: number[] = [];
  /** Each request's query string. */
  queries: URLSearchParams[] = [];
  gateway: LogGatewayStatus | null = null;
  /** Every answer takes this long (a slow network). */
  delayMs = 0;
  /** Requests whose caller aborted them while the fake held them. */
  aborted = 0;
  private held = new Set<() => void>();

  add(...ids: number[]) {
    this.lines.push(...ids.map(line));
    for (const release of this.held) release();
  }

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://test');
    const cursor = Number(/details\/(\d+)/.exec(url.pathname)?.[1]);
    this.cursors.push(cursor);
    this.queries.push(url.searchParams);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      return new Response('{"message":"boom"}', { status: 503 });
    }
    const wait = Number(url.searchParams.get('wait') ?? 0);
    const longPoll = this.gateway?.state === 'live' && wait > 0;
    if (longPoll && !this.lines.some((l) => l.id > cursor)) {
      await this.hold(wait * 1000, init?.signal ?? undefined);
    }
    const missing = this.gateway?.state === 'missing';
    const logs = missing ? [] : this.lines.filter((l) => l.id > cursor).slice(0, this.cap);
    const body: Record<string, unknown> = {
      status: 'SUCCESS',
      message: '',
      payload: { job: missing ? null : this.job(), logs },
    };
    if (this.gateway) body.gateway = { ...this.gateway, longPoll };
    const last = this.lines[this.lines.length - 1];
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (last && !missing) headers['X-Last-Log-Id'] = String(last.id);
    return new Response(JSON.stringify(body), { status: 200, headers });
  };

  private hold(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const release = () => {
        clearTimeout(timer);
        this.held.delete(release);
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        release();
        this.aborted++;
        reject(new DOMException('The request was aborted.', 'AbortError'));
      };
      const timer = setTimeout(release, ms);
      this.held.add(release);
      signal?.addEventListener('abort', abort);
    });
  }

  private job() {
    return { id: 'j1', name: 'Job', status: 'ENABLED', progress: this.progress };
  }
}
