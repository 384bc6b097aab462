/** The simulator's /__demo routes, from Node (the bench runs outside Playwright Test). */
import type { WorkflowJob } from '../../src/contract/index.ts';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../src/contract/headers.ts';
import type {
  AppendLogsResult,
  AppendLogsSpec,
  DemoState,
  JobSpec,
  StatusSpec,
} from '../../server/demo/spec.ts';

export interface LogLine {
  id: number;
  level: string;
  message: string;
  creationDate: string;
}

/** The upstream double's own count of a job's log (`GET /__demo/jobs/{id}/logs?summary=1`). */
export interface LogSummary {
  lines: number;
  firstId: number | null;
  lastId: number | null;
}

/** One answer of the log route: a gateway's page, or the plain double's whole answer. */
interface LogAnswer {
  payload: { logs: (LogLine | { id: null })[] };
  /** Only from a gateway (log cache on): `reading` while it still reads from the upstream. */
  gateway?: { state: string };
}

/** Between two reads of a log the gateway is still reading, when the last one brought nothing. */
const READING_PAUSE_MS = 200;
/** A gateway that has not heard from the upstream yet says 503 and when to ask again. */
const RETRY_PAUSE_MS = 500;
const LINES_DEADLINE_MS = 120_000;

export class Demo {
  constructor(
    readonly baseUrl: string,
    private readonly pauses = { reading: READING_PAUSE_MS, retry: RETRY_PAUSE_MS },
  ) {}

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

  state(): Promise<DemoState> {
    return this.call('GET', '/state');
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

  /** The upstream's truth about a job's log, without faults and without reading its lines. */
  logSummary(jobId: string): Promise<LogSummary> {
    return this.call('GET', `/jobs/${encodeURIComponent(jobId)}/logs?summary=1`);
  }

  /** The job's highest log id as the upstream double holds it. */
  async lastLogId(jobId: string): Promise<number | null> {
    return (await this.logSummary(jobId)).lastId;
  }

  /**
   * Every line of a job after `after`, through the log route of `baseUrl`, following pages: the
   * plain double answers everything in one, a gateway pages of its store. A gateway that is still
   * reading the log from the upstream may bring fewer lines, or none, for a while: the lines end
   * only with a page that brings nothing while the gateway no longer reads.
   */
  async lines(jobId: string, after = 0): Promise<LogLine[]> {
    const out: LogLine[] = [];
    const deadline = Date.now() + LINES_DEADLINE_MS;
    let cursor = after;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`lines of ${jobId}: no end after ${cursor}`);
      const response = await fetch(
        `${this.baseUrl}/api/v1/job/${encodeURIComponent(jobId)}/details/${cursor}`,
      );
      if (response.status === 503) {
        await response.arrayBuffer();
        await pause(this.pauses.retry);
        continue;
      }
      if (!response.ok) throw new Error(`lines of ${jobId}: HTTP ${response.status}`);
      const body = (await response.json()) as LogAnswer;
      const logs = body.payload.logs.filter((l): l is LogLine => l !== null && l.id !== null);
      if (logs.length > 0) {
        out.push(...logs);
        cursor = logs[logs.length - 1]!.id;
        continue;
      }
      if (body.gateway?.state !== 'reading') return out;
      await pause(this.pauses.reading);
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
