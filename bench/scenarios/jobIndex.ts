/**
 * Scenario 8: the gateway's job index over 100,000 jobs in the plain simulator: how long its
 * first complete pass takes, what it costs in memory and on disk, and how long the server takes
 * to answer a list query from it.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { procMemory } from '../lib/proc.ts';
import { percentile } from '../lib/stats.ts';
import type { BenchServer } from '../lib/server.ts';

export interface FirstPass {
  /** The server's pace: upstream requests per second (0: no limit). */
  rate: number;
  jobs: number;
  /** From the server process's start to the end of its first complete pass. */
  seconds: number;
  /** Resident memory of the server process once the pass is done. */
  rssMb: number;
  /** The store's files. */
  diskMb: number;
}

export interface QueryTimes {
  kind: string;
  query: string;
  p50: number;
  p95: number;
  n: number;
}

function diskMb(dir: string): number {
  let bytes = 0;
  for (const file of readdirSync(dir)) bytes += statSync(path.join(dir, file)).size;
  return bytes / 1024 / 1024;
}

interface FreshnessOn {
  index: 'on';
  jobs: number;
  firstPass: boolean;
}

/** Waits for the server's first complete pass; the time counts from the process's start. */
export async function firstPass(server: BenchServer, rate: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${server.url}/jobs/v1/freshness`);
    const body = (await response.json()) as FreshnessOn;
    if (!body.firstPass) {
      const result: FirstPass = {
        rate,
        jobs: body.jobs,
        seconds: (Date.now() - server.startedAt) / 1000,
        rssMb: procMemory(server.pid).rssMb,
        diskMb: diskMb(server.dataDir),
      };
      return result;
    }
    if (Date.now() > deadline) throw new Error(`no complete pass within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The queries an operator's list makes: filters, sorts and pages in the mix the UI offers. */
export async function listQueries(server: BenchServer, reps: number): Promise<QueryTimes[]> {
  const workflows = (await (await fetch(`${server.url}/jobs/v1/workflows`)).json()) as {
    workflowId: string;
  }[];
  const [first] = (await (await fetch(`${server.url}/jobs/v1/?limit=1`)).json()) as {
    jobId: string;
    metadata: { jobTitle: string };
  }[];
  const kinds: [string, string][] = [
    ['default page', '?limit=20'],
    ['status filter', '?status=Active,Paused&limit=20'],
    ['status + title sort', '?status=Completed&sort=title&order=asc&limit=50'],
    ['workflow filter', `?workflowId=${workflows[0]!.workflowId}&limit=20`],
    ['search, one match', `?q=${encodeURIComponent(first!.jobId)}&limit=20`],
    ['search, many matches', '?q=inspection&limit=20'],
    ['page 500', '?skip=9980&limit=20'],
    ['My jobs', 'my/?limit=20'],
    ['counts', 'counts'],
    ['counts with search', 'counts?q=inspection'],
  ];
  const out: QueryTimes[] = [];
  for (const [kind, query] of kinds) {
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/jobs/v1/${query}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${query}: ${response.status}`);
      times.push(performance.now() - started);
    }
    out.push({
      kind,
      query,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      n: times.length,
    });
  }
  return out;
}
