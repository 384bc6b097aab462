/** The shape of bench/results/<timestamp>.json. */
import type { Machine } from './lib/machine.ts';
import type { Summary } from './lib/stats.ts';
import type { FollowResult } from './scenarios/append.ts';
import type { FirstPass, QueryTimes } from './scenarios/jobIndex.ts';
import type { RouteBytes } from './scenarios/jobList.ts';
import type { FollowCost } from './lib/network.ts';
import type { LoadRun } from './scenarios/load.ts';
import type { FollowersRun, UpstreamAnswer } from './scenarios/logGateway.ts';
import type { NetworkResult } from './scenarios/network.ts';
import type { PeerResult } from './scenarios/peers.ts';
import type { RouteLoadRun } from './scenarios/routeLoad.ts';
import type { StreamingResult } from './scenarios/streaming.ts';
import type { SearchResult } from './scenarios/search.ts';
import type { VolumeCounting } from './scenarios/volume.ts';

export interface LoadEntry {
  /**
   * "pages of 2,000" or "one response"; in the log gateway's rows "first viewer (cold)",
   * "second viewer (cached)" or "LOG_CACHE=off (before)".
   */
  server: string;
  lines: number;
  runs: LoadRun[];
  median: Record<keyof LoadRun, number>;
}

/** Scenario 10: one route opened cold, several times. */
export interface RouteLoadEntry {
  /** "/jobs/:jobId?tab=log" or "/jobs" */
  route: string;
  /** Lines of the log opened (the log route), or jobs in the simulator (the list). */
  size: number;
  runs: RouteLoadRun[];
  median: Record<keyof RouteLoadRun, number>;
}

export interface FollowEntry {
  lines: number;
  result: FollowResult;
  painted: Summary;
  work: Summary;
  longestTask: Summary;
}

/** Scenario 9: the log gateway in its own process in front of the plain simulator. */
export interface LogGatewayResults {
  /** Lines of the big log the viewers open. */
  lines: number;
  /** The plain simulator's own answer for that log, read by Node. */
  upstream: UpstreamAnswer | null;
  /** First viewer (a new gateway each run), second viewer, and the gateway with its cache off. */
  load: LoadEntry[];
  /** The gateway's peak resident memory (VmHWM) by the end of each first read. */
  peakMb: number[];
  /** The same of the LOG_CACHE=off gateway once its viewers had the log. */
  beforePeakMb: number;
  /** One job followed by 1, then 20 tabs. */
  followers: FollowersRun[];
  streaming: StreamingResult | null;
  /** Scenario 5's following, through the gateway. */
  follow: { seconds: number; follow: FollowCost } | null;
}

export interface BenchResults {
  startedAt: string;
  durationSec: number;
  mode: 'full' | 'quick';
  /** The scenarios this run was limited to (`--only=`), or null for all of them. */
  only: string[] | null;
  machine: Machine;
  chromium: string;
  packages: Record<string, string>;
  load: LoadEntry[];
  follow: FollowEntry[];
  /** Median append work at the largest size / at 10,000 lines. */
  appendCostRatio: number;
  /** Scenario 2 again with wrapping on (rows of measured heights). */
  followWrap: FollowEntry[];
  /** The same ratio with wrapping on. */
  appendCostRatioWrap: number;
  /** Scenario 2 on logs across 50 steps, in step sections, with folds. */
  followSections: FollowEntry[];
  /** Scenario 2 under a level filter with context lines around the lines it keeps. */
  followContext?: FollowEntry[];
  appendCostRatioContext?: number;
  /** Scenario 2 with the volume histogram hidden; absent in runs before it existed. */
  followNoVolume?: FollowEntry[];
  /** The histogram's counting alone, per append at the largest size. */
  volumeCounting?: VolumeCounting | null;
  /** Scenario 11: a search typed over the largest log; absent in runs before it existed. */
  search?: SearchResult | null;
  appendCostRatioSections: number;
  streaming: StreamingResult | null;
  network: NetworkResult | null;
  list: { jobs: number; runs: number[]; median: number }[];
  routes: RouteBytes[];
  /** The gateway's job index: first passes (default pace, no limit) and list query times. */
  index: { passes: FirstPass[]; queries: QueryTimes[] };
  logGateway: LogGatewayResults | null;
  peers: PeerResult[];
  routeLoad: RouteLoadEntry[];
  errors: string[];
}
