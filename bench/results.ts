/** The shape of bench/results/<timestamp>.json. */
import type { Machine } from './lib/machine.ts';
import type { Summary } from './lib/stats.ts';
import type { FollowResult } from './scenarios/append.ts';
import type { FirstPass, QueryTimes } from './scenarios/jobIndex.ts';
import type { RouteBytes } from './scenarios/jobList.ts';
import type { LoadRun } from './scenarios/load.ts';
import type { NetworkResult } from './scenarios/network.ts';
import type { PeerResult } from './scenarios/peers.ts';
import type { StreamingResult } from './scenarios/streaming.ts';

export interface LoadEntry {
  /** "pages of 2,000" or "one response" */
  server: string;
  lines: number;
  runs: LoadRun[];
  median: Record<keyof LoadRun, number>;
}

export interface FollowEntry {
  lines: number;
  result: FollowResult;
  painted: Summary;
  work: Summary;
  longestTask: Summary;
}

export interface BenchResults {
  startedAt: string;
  durationSec: number;
  mode: 'full' | 'quick';
  machine: Machine;
  chromium: string;
  packages: Record<string, string>;
  load: LoadEntry[];
  follow: FollowEntry[];
  /** Median append work at the largest size / at 10,000 lines. */
  appendCostRatio: number;
  streaming: StreamingResult | null;
  network: NetworkResult | null;
  list: { jobs: number; runs: number[]; median: number }[];
  routes: RouteBytes[];
  /** The gateway's job index: first passes (default pace, no limit) and list query times. */
  index: { passes: FirstPass[]; queries: QueryTimes[] };
  peers: PeerResult[];
  errors: string[];
}
