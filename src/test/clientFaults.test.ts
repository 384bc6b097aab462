/** The client against the simulator's injected faults: auth, errors, bad payloads, slowness. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../server/demo/index.ts';
import { caught } from './apiGateway';
import { demoCall } from './simulator';
import { setFetch } from '../api/client';
import { isRetryable } from '../api/errors';
import { fetchJobDetail } from '../features/job-detail/api';
import { fetchJobList } from '../features/job-list/api';
import { fetchLogPage } from '../features/job-log/api/fetchLogPage';
import {
  cancelTokenPrompt,
  clearTokens,
  getTokenPromptApi,
  setToken,
  submitToken,
  subscribeTokenPrompt,
} from '../api/tokens';

let sim: Simulator;
let sent: Headers[];
let bigLogJobId: string;
let stopAnswering = () => {};

const demo = <T = unknown>(method: string, path: string, body?: unknown) =>
  demoCall<T>(sim, method, path, body);

const faults = (patch: Record<string, unknown>) => demo('PUT', '/__demo/faults', patch);

/** Plays the operator at the token prompt: types `token`, or cancels when null. */
function answerPrompts(token: string | null): { asked: string[] } {
  const asked: string[] = [];
  stopAnswering = subscribeTokenPrompt(() => {
    const api = getTokenPromptApi();
    if (api === null) return;
    asked.push(api);
    queueMicrotask(() => (token === null ? cancelTokenPrompt() : submitToken(token, false)));
  });
  return { asked };
}

beforeEach(async () => {
  sim = createSimulator({
    seed: 1,
    jobs: 60,
    bigLogLines: 5000,
    autoTick: false,
  });
  sent = [];
  setFetch(async (input, init) => {
    const request = new Request(new URL(input, 'http://test'), init);
    sent.push(request.headers);
    return sim.app.fetch(request);
  });
  bigLogJobId = (await demo<{ bigLogJobId: string }>('GET', '/__demo/state')).bigLogJobId;
});

afterEach(() => {
  stopAnswering();
  setFetch(null);
  clearTokens();
  sim.stop();
});

describe('401 and the token prompt', () => {
  it('asks for a Jobs API token and retries with it', async () => {
    await faults({ jobs: { token: 'jobs-secret' } });
    const { asked } = answerPrompts('jobs-secret');
    const result = await fetchJobList({ limit: 2 });
    expect(result.jobs).toHaveLength(2);
    expect(asked).toEqual(['jobs']);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.get('authorization')).toBeNull();
    expect(sent[1]!.get('authorization')).toBe('Bearer jobs-secret');
  });

  it('asks for a Job log API token and sends it as x-auth-jwt', async () => {
    await faults({ logs: { token: 'logs-secret' } });
    const { asked } = answerPrompts('logs-secret');
    const page = await fetchLogPage(bigLogJobId, 0);
    expect(page.lines.length).toBeGreaterThan(0);
    expect(asked).toEqual(['logs']);
    expect(sent.at(-1)!.get('x-auth-jwt')).toBe('logs-secret');
  });

  it('shares one prompt between concurrent requests', async () => {
    const [first] = (await fetchJobList({ limit: 1 })).jobs;
    await faults({ jobs: { token: 'jobs-secret' } });
    const { asked } = answerPrompts('jobs-secret');
    const [a, b] = await Promise.all([fetchJobList({ limit: 1 }), fetchJobDetail(first!.jobId)]);
    expect(a.jobs).toHaveLength(1);
    expect(b.job.jobId).toBe(first!.jobId);
    expect(asked).toEqual(['jobs']);
  });

  it('fails as unauthorized when cancelled, without the token in the text', async () => {
    await faults({ jobs: { token: 'jobs-secret' } });
    setToken('jobs', 'stale-token-value');
    answerPrompts(null);
    const error = await caught(fetchJobList({}));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, api: 'jobs' });
    expect(error.message).toContain('Authorization has been denied for this request.');
    expect(sent[0]!.get('authorization')).toBe('Bearer stale-token-value');
    const text = `${error.message}\n${error.detail}`;
    expect(text).not.toContain('stale-token-value');
    expect(text).not.toContain('jobs-secret');
    expect(isRetryable(error)).toBe(false);
  });

  it('gives up after a few wrong tokens', async () => {
    await faults({ jobs: { token: 'jobs-secret' } });
    const { asked } = answerPrompts('wrong');
    const error = await caught(fetchJobList({}));
    expect(error.kind).toBe('unauthorized');
    expect(asked).toHaveLength(3);
  });
});

describe('server failures and bad payloads', () => {
  it('reports a 500 as a retryable http error', async () => {
    await faults({ jobs: { errorRate: 1, errorStatus: 500 } });
    const error = await caught(fetchJobList({}));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toBe('The Jobs API failed (HTTP 500). Try again in a moment.');
    expect(error.detail).toContain('Simulated failure');
    expect(isRetryable(error)).toBe(true);
  });

  it("puts the Job log API's errors[0].msg in the detail", async () => {
    await faults({ logs: { errorRate: 1, errorStatus: 503 } });
    const error = await caught(fetchLogPage(bigLogJobId, 0));
    expect(error).toMatchObject({ kind: 'http', status: 503, api: 'logs' });
    expect(error.detail).toContain('Simulated failure');
  });

  it('reports truncated JSON as malformed', async () => {
    await faults({ jobs: { malformedRate: 1 }, logs: { malformedRate: 1 } });
    const list = await caught(fetchJobList({}));
    expect(list.kind).toBe('parse');
    expect(list.message).toBe('The Jobs API returned malformed data.');
    const logs = await caught(fetchLogPage(bigLogJobId, 0));
    expect(logs.kind).toBe('parse');
    expect(logs.message).toBe('The Job log API returned malformed data.');
  });

  it('reports a payload of the wrong shape as a schema error', async () => {
    const [first] = (await fetchJobList({ limit: 1 })).jobs;
    await faults({ jobs: { schemaRate: 1 }, logs: { schemaRate: 1 } });
    const list = await caught(fetchJobList({}));
    expect(list.kind).toBe('schema');
    expect(list.detail).toMatch(/metadata/);
    expect((await caught(fetchJobDetail(first!.jobId))).kind).toBe('schema');
    const logs = await caught(fetchLogPage(bigLogJobId, 0));
    expect(logs).toMatchObject({ kind: 'schema', api: 'logs' });
    expect(isRetryable(logs)).toBe(false);
  });
});

describe('slowness and cancellation', () => {
  it('times out a slow answer', async () => {
    await faults({ logs: { latencyMs: 400 } });
    const error = await caught(fetchLogPage(bigLogJobId, 0, { timeoutMs: 40 }));
    expect(error).toMatchObject({ kind: 'timeout', status: 408 });
    expect(error.message).toBe('The Job log API did not answer within 40 ms.');
  });

  it("honours the caller's abort signal", async () => {
    await faults({ jobs: { latencyMs: 400 } });
    const controller = new AbortController();
    const pending = fetchJobList({}, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
