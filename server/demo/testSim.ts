/** Test helper: a simulator on a hand-driven clock, plus typed request shortcuts. */
import type { WorkflowJob } from '../../src/contract/index.ts';
import { createSimulator, type SimulatorOptions } from './index.ts';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

export function testSim(options: Partial<SimulatorOptions> = {}) {
  let time = T0;
  const sim = createSimulator({
    seed: 42,
    jobs: 60,
    bigLogLines: 5000,
    autoTick: false,
    now: () => time,
    ...options,
  });
  const request = (path: string, init?: RequestInit) => sim.app.request(path, init);
  const send = (method: string, path: string, body?: unknown) =>
    request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    sim,
    request,
    send,
    async json<T = unknown>(path: string, init?: RequestInit): Promise<T> {
      const res = await request(path, init);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    /** Every job the list holds, page by page, as a client of the real API would read it. */
    async allJobs(): Promise<WorkflowJob[]> {
      const out: WorkflowJob[] = [];
      for (let skip = 0; ; skip += 100) {
        const res = await request(`/jobs/v1/?skip=${skip}&limit=100`);
        if (!res.ok) throw new Error(`list: ${res.status} ${await res.text()}`);
        const page = (await res.json()) as WorkflowJob[];
        out.push(...page);
        if (page.length < 100) return out;
      }
    },
    async createJob(spec: Record<string, unknown> = {}): Promise<WorkflowJob> {
      const res = await send('POST', '/__demo/jobs', spec);
      if (res.status !== 201) throw new Error(`createJob: ${res.status} ${await res.text()}`);
      return (await res.json()) as WorkflowJob;
    },
    /** Moves the clock only: the world catches up at the next request. */
    wait(ms: number) {
      time += ms;
    },
    /** Moves the clock forward and lets the engine catch up. */
    tick(ms: number) {
      time += ms;
      sim.advance();
    },
    get now() {
      return time;
    },
  };
}

export type TestSim = ReturnType<typeof testSim>;
