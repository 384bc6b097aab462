import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../server/demo/index.ts';
import { testGateway, type TestGateway } from '../../../../server/testGateway.ts';
import { demoCall } from '../../../test/simulator';
import { setFetch } from '../../../api/client';
import { fetchLogPage } from './fetchLogPage';
import type { WorkflowJob } from '../../../contract';

let sim: Simulator;
let bigLogJobId: string;

const demo = <T = unknown>(method: string, path: string, body?: unknown) =>
  demoCall<T>(sim, method, path, body);

const faults = (logs: Record<string, unknown>) => demo('PUT', '/__demo/faults', { logs });
const ids = (lines: { id: number }[]) => lines.map((l) => l.id);
const isStrictlyIncreasing = (values: number[]) =>
  values.every((v, i) => i === 0 || v > values[i - 1]!);

beforeEach(async () => {
  sim = createSimulator({
    seed: 1,
    jobs: 60,
    bigLogLines: 5000,
    autoTick: false,
  });
  setFetch(async (input, init) => sim.app.fetch(new Request(new URL(input, 'http://test'), init)));
  const state = await demo<{ bigLogJobId: string | null }>('GET', '/__demo/state');
  bigLogJobId = state.bigLogJobId!;
});

afterEach(() => {
  setFetch(null);
  sim.stop();
});

describe('fetchLogPage through the gateway', () => {
  let gw: TestGateway;
  beforeEach(async () => {
    gw = await testGateway({ sim: { seed: 1, jobs: 60, bigLogLines: 5000 } });
    setFetch(async (input, init) =>
      gw.app.fetch(new Request(new URL(input, 'http://localhost'), init)),
    );
    bigLogJobId = (await gw.demo<{ bigLogJobId: string }>('GET', '/__demo/state')).bigLogJobId;
  });
  afterEach(async () => {
    setFetch(null);
    await gw.stop();
  });

  it('reads a capped page from the start, with the last id header and the gateway status', async () => {
    // The gateway's first read of the log may still be under way at the first answer.
    let page = await fetchLogPage(bigLogJobId, 0);
    while (page.gateway?.state === 'reading') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      page = await fetchLogPage(bigLogJobId, 0);
    }
    expect(page.job).not.toBeNull();
    expect(page.lines).toHaveLength(2000);
    expect(isStrictlyIncreasing(ids(page.lines))).toBe(true);
    expect(page.lastLogIdHeader).toBeGreaterThan(page.lines.at(-1)!.id);
    expect(page.gateway).toMatchObject({ state: 'live', logJobId: bigLogJobId, longPoll: false });
    expect(page.lines[0]).toEqual({
      id: expect.any(Number),
      level: expect.any(String),
      message: expect.any(String),
      text: expect.any(String),
      creationDate: expect.any(String),
      time: Date.parse(page.lines[0]!.creationDate!),
      severity: expect.any(String),
      label: expect.any(String),
    });
  });

  it('reads on from a later id until the log is complete', async () => {
    const seen: number[] = [];
    let cursor = 0;
    let header: number | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await fetchLogPage(bigLogJobId, cursor);
      header = page.lastLogIdHeader;
      if (page.lines.length === 0 && page.gateway?.state === 'reading') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (page.lines.length === 0) break;
      expect(page.lines[0]!.id).toBeGreaterThan(cursor);
      seen.push(...ids(page.lines));
      cursor = page.lines.at(-1)!.id;
    }
    expect(seen).toHaveLength(5000);
    expect(new Set(seen).size).toBe(5000);
    expect(cursor).toBe(header);
  });

  it('says the Job log API has no log for an unknown job', async () => {
    const page = await fetchLogPage('no-such-job', 0);
    expect(page.job).toBeNull();
    expect(page.gateway).toMatchObject({ state: 'missing', logJobId: 'no-such-job' });
  });
});

// The upstream's own answers, as the app reads them with the log cache off (LOG_CACHE=off).
describe('fetchLogPage straight from the Job log API', () => {
  it('reads the whole log in one uncapped answer, without a last id header', async () => {
    const page = await fetchLogPage(bigLogJobId, 0);
    expect(page.lines).toHaveLength(5000);
    expect(isStrictlyIncreasing(ids(page.lines))).toBe(true);
    expect(page.lastLogIdHeader).toBeNull();
    expect(page.gateway).toBeNull();
  });

  it('reads both envelopes alike', async () => {
    const documented = await fetchLogPage(bigLogJobId, 0);
    await faults({ envelope: 'messages' });
    const messages = await fetchLogPage(bigLogJobId, 0);
    expect(messages).toEqual(documented);
  });

  it('sorts shuffled rows and removes repeats', async () => {
    const clean = await fetchLogPage(bigLogJobId, 2000);
    await faults({ shuffle: true, duplicates: true });
    const messy = await fetchLogPage(bigLogJobId, 2000);
    expect(ids(messy.lines)).toEqual(ids(clean.lines));
    expect(messy.lines).toEqual(clean.lines);
  });

  it('drops the all-null row of a job without logs', async () => {
    const job = await demo<WorkflowJob>('POST', '/__demo/jobs', { running: false });
    const page = await fetchLogPage(job.jobId, 0);
    expect(page.job).not.toBeNull();
    expect(page.lines).toEqual([]);
    expect(page.lastLogIdHeader).toBeNull();
  });

  it('drops an injected null row among real ones', async () => {
    const job = await demo<WorkflowJob>('POST', '/__demo/jobs', {
      running: false,
      historicalLogs: 5,
    });
    await faults({ nullRow: true });
    const page = await fetchLogPage(job.jobId, 0);
    expect(page.lines).toHaveLength(5);
    expect(page.lines.every((l) => Number.isFinite(l.id))).toBe(true);
  });

  it('answers job null for an unknown job', async () => {
    const page = await fetchLogPage('no-such-job', 0);
    expect(page).toEqual({ job: null, lines: [], lastLogIdHeader: null, gateway: null });
  });
});
