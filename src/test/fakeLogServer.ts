/** Log lines and a Job log API in memory, for the tail's tests. */
import type { LogLine } from '../api/schemas';

export function line(id: number): LogLine {
  return { id, level: 'INFO', message: `m${id}`, creationDate: null };
}

/** A Job log API in memory: pages of `cap`, `X-Last-Log-Id`, scripted failures. */
export class FakeLogServer {
  lines: LogLine[] = [];
  progress = 'IN_PROGRESS';
  cap = 3;
  failNext = 0;
  cursors: number[] = [];

  add(...ids: number[]) {
    this.lines.push(...ids.map(line));
  }

  fetch = async (input: string): Promise<Response> => {
    const cursor = Number(/details\/(\d+)/.exec(input)?.[1]);
    this.cursors.push(cursor);
    if (this.failNext > 0) {
      this.failNext--;
      return new Response('{"message":"boom"}', { status: 503 });
    }
    const logs = this.lines.filter((l) => l.id > cursor).slice(0, this.cap);
    const body = { status: 'SUCCESS', message: '', payload: { job: this.job(), logs } };
    const last = this.lines[this.lines.length - 1];
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (last) headers['X-Last-Log-Id'] = String(last.id);
    return new Response(JSON.stringify(body), { status: 200, headers });
  };

  private job() {
    return { id: 'j1', name: 'Job', status: 'ENABLED', progress: this.progress };
  }
}
