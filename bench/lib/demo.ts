/** The simulator's /__demo routes, from Node (the bench runs outside Playwright Test). */
import type { WorkflowJob } from '../../src/contract/index.ts';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../src/contract/headers.ts';
import type {
  AppendLogsResult,
  AppendLogsSpec,
  JobSpec,
  StatusSpec,
} from '../../server/demo/spec.ts';

export class Demo {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__demo${path}`, {
      method,
      headers: {
        [CLIENT_HEADER]: CLIENT_HEADER_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${method} /__demo${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }

  createJob(spec: JobSpec): Promise<WorkflowJob> {
    return this.call('POST', '/jobs', spec);
  }

  appendLogs(jobId: string, spec: AppendLogsSpec): Promise<AppendLogsResult> {
    return this.call('POST', `/jobs/${encodeURIComponent(jobId)}/logs`, spec);
  }

  setStatus(jobId: string, spec: StatusSpec): Promise<WorkflowJob> {
    return this.call('POST', `/jobs/${encodeURIComponent(jobId)}/status`, spec);
  }

  /** The job's highest log id (`X-Last-Log-Id`), asking for no lines. */
  async lastLogId(jobId: string): Promise<number | null> {
    const response = await fetch(
      `${this.baseUrl}/api/v1/job/${encodeURIComponent(jobId)}/details/${Number.MAX_SAFE_INTEGER}`,
    );
    await response.arrayBuffer();
    const header = response.headers.get('X-Last-Log-Id');
    return header === null ? null : Number(header);
  }

  /** Every line of a job after `after`, following the server's pages. */
  async lines(
    jobId: string,
    after = 0,
  ): Promise<{ id: number; level: string; message: string; creationDate: string }[]> {
    const out: { id: number; level: string; message: string; creationDate: string }[] = [];
    let cursor = after;
    for (;;) {
      const response = await fetch(
        `${this.baseUrl}/api/v1/job/${encodeURIComponent(jobId)}/details/${cursor}`,
      );
      const body = (await response.json()) as { payload: { logs: (typeof out)[number][] } };
      const logs = body.payload.logs.filter((l) => l && l.id !== null);
      if (logs.length === 0) return out;
      out.push(...logs);
      cursor = logs[logs.length - 1]!.id;
    }
  }
}
