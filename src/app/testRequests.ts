/** For the app's tests: requests held in flight until a test answers them, and canned answers. */
import { setFetch } from '../api/client';
import type { Freshness, WorkflowJob } from '../contract';

/** One request the app made; `answer` settles it (until then it is in flight). */
export interface HeldCall {
  url: URL;
  answer: (response: Response) => void;
}

export const calls: HeldCall[] = [];

/** Every request stays in flight until the test answers it (or its signal aborts it). */
export function holdRequests(): void {
  calls.length = 0;
  setFetch(
    (input, init) =>
      new Promise<Response>((resolve, reject) => {
        calls.push({ url: new URL(input, 'http://localhost'), answer: resolve });
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      }),
  );
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The requests to one path of the Jobs API (or any path). */
export const to = (path: string) => calls.filter((c) => c.url.pathname === path);

/** The requests for one job's log. */
export const logCalls = (jobId: string) =>
  calls.filter((c) => c.url.pathname.startsWith(`/api/v1/job/${encodeURIComponent(jobId)}/`));

/** Lets every promise callback and zero-delay timer run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Answers every request for a job so far with that job (the bson endpoint's array). */
export function answerJob(job: WorkflowJob, asked = job.jobId): void {
  for (const call of to(`/jobs/v1/bson/${encodeURIComponent(asked)}`)) call.answer(json([job]));
}

export const INDEX_ON: Freshness = {
  index: 'on',
  jobs: 60,
  firstPass: false,
  pass: null,
  lastPassAt: '2026-03-01T10:00:00.000Z',
  lastReadAt: '2026-03-01T10:00:00.000Z',
  lastError: null,
  skipped: 0,
  recheckSeconds: 5,
  mine: { available: true, reason: null },
};

export const INDEX_OFF: Freshness = {
  index: 'off',
  reason: 'JOBS_INDEX=off',
  mine: { available: true, reason: null },
};
