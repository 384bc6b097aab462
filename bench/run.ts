/**
 * `npm run bench [-- --quick] [-- --only=routes,load]`: Jobscope's log view and job list against
 * the peers, in headless Chromium, on production servers in simulator mode. Writes
 * bench/results/<timestamp>.json and, for a run of every scenario, bench/RESULTS.md; prints the
 * Markdown report.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'prettier';
import { staleBuildReason } from '../server/buildFreshness.ts';
import { launch } from './lib/browser.ts';
import { Demo } from './lib/demo.ts';
import { machine, packageVersions } from './lib/machine.ts';
import { procMemory } from './lib/proc.ts';
import { ROOT, startServer, type BenchServer } from './lib/server.ts';
import { median, summarize } from './lib/stats.ts';
import { report } from './report.ts';
import { n } from './reportNumbers.ts';
import type { BenchResults, FollowEntry, LoadEntry, LogGatewayResults } from './results.ts';
import { followAndAppend, type FollowResult } from './scenarios/append.ts';
import { firstPass, listQueries } from './scenarios/jobIndex.ts';
import { listOnce, routeBytes } from './scenarios/jobList.ts';
import { loadOnce, type LoadRun } from './scenarios/load.ts';
import { coldRead, followers, upstreamAnswer, type ColdRead } from './scenarios/logGateway.ts';
import { followBytes, network } from './scenarios/network.ts';
import { PEER_KINDS, peerRun } from './scenarios/peers.ts';
import { logRouteOnce, listRouteOnce, type RouteLoadRun } from './scenarios/routeLoad.ts';
import { searchTyped } from './scenarios/search.ts';
import { streaming } from './scenarios/streaming.ts';
import type { BenchJob, Ctx, Target } from './scenarios/types.ts';

const quick = process.argv.includes('--quick');

/**
 * The scenarios by name, as `--only=` takes them: load (1), follow (2, 3), streaming (4),
 * network (5), index (6 and 8: the list, its bytes, the job index), peers (7), gateway (9),
 * routes (10), wrap (2 again with wrapping on), sections (2 again on a log across 50 steps, and
 * folding a step's section), context (2 again under a level filter with context lines), search
 * (11: a search typed over the largest log).
 */
const SCENARIOS = [
  'load',
  'follow',
  'streaming',
  'network',
  'index',
  'peers',
  'gateway',
  'routes',
  'wrap',
  'sections',
  'context',
  'search',
] as const;
type Scenario = (typeof SCENARIOS)[number];

function parseOnly(argv: readonly string[]): Scenario[] | null {
  const arg = argv.find((a) => a.startsWith('--only='));
  if (!arg) return null;
  const names = arg.slice('--only='.length).split(',').filter(Boolean);
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only= takes some of ${SCENARIOS.join(', ')}; not: ${unknown.join(', ')}`);
  }
  return names as Scenario[];
}

const only = parseOnly(process.argv);
const wanted = (scenario: Scenario) => only === null || only.includes(scenario);
const PLAN = quick
  ? {
      sizes: [10_000, 100_000],
      loadRuns: () => 1,
      unpagedSizes: [10_000],
      appendReps: 3,
      streamingSec: 10,
      networkSec: 12,
      hiddenSec: 5,
      listRuns: 1,
      peerSizes: [10_000],
      peerReps: 3,
      gatewayLines: 100_000,
      gatewayRuns: 1,
      followersSec: 20,
      routeRuns: 3,
      searchReps: 2,
    }
  : {
      sizes: [10_000, 100_000, 1_000_000],
      loadRuns: (lines: number) => (lines >= 1_000_000 ? 1 : 3),
      unpagedSizes: [10_000, 100_000, 1_000_000],
      appendReps: 10,
      streamingSec: 30,
      networkSec: 60,
      hiddenSec: 30,
      listRuns: 3,
      peerSizes: [10_000, 100_000, 1_000_000],
      peerReps: 10,
      gatewayLines: 1_000_000,
      gatewayRuns: 3,
      followersSec: 60,
      routeRuns: 7,
      searchReps: 5,
    };
/** The log route is timed on the smallest log of scenario 1, so its figures compare. */
const ROUTE_LOG_LINES = 10_000;

const SIM_ENV = { DEMO_SEED: '7', DEMO_JOBS: '60', DEMO_BIG_LOG_LINES: '1000' };
/** A million lines in one answer is ~190 MB: past a server's default cap on what it reads. */
const BIG_ANSWERS = { UPSTREAM_MAX_BYTES: String(512 * 1024 * 1024) };
/**
 * A simulator as a plain double of the two APIs (its own log cache and job index off), for a
 * gateway in another process to be measured alone in front of it.
 */
const PLAIN_SIMULATOR = { LOG_CACHE: 'off', JOBS_INDEX: 'off', ...BIG_ANSWERS };
const began = Date.now();
const log = (message: string) =>
  console.error(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function ensureBuilds() {
  const reason = await staleBuildReason(ROOT);
  if (reason) {
    log(`building the dashboard (${reason})`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!wanted('peers')) return;
  log('building the peers page');
  execFileSync('npx', ['vite', 'build', '-c', 'bench/peers/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Scenario 2's row for one log: the appends' medians and ranges. */
function followEntry(job: BenchJob, result: FollowResult): FollowEntry {
  return {
    lines: job.lines,
    result,
    painted: summarize(result.appends.map((a) => a.painted)),
    work: summarize(result.appends.map((a) => a.work)),
    longestTask: summarize(result.appends.map((a) => a.longestTask)),
  };
}

/** Scenario 2's level filter with context: WARN and ERROR (one line in seven), 5 lines around. */
const CONTEXT_MODE = { levels: 'ERROR,WARN', lines: 5 };

/** Steps of the sectioned log's jobs; the job is on the last, the others spread its history. */
const SECTION_STEPS = 50;

async function makeJobs(
  target: Target,
  sizes: readonly number[],
  { steps = 0 }: { steps?: number } = {},
): Promise<BenchJob[]> {
  const jobs: BenchJob[] = [];
  for (const lines of sizes) {
    // The simulator spreads a history of n lines over n x 50 ms (at least a minute).
    const historySec = Math.max(60, (lines * 50) / 1000);
    const job = await target.demo.createJob({
      title: `Bench: ${lines.toLocaleString('en-US')} lines${steps ? `, ${steps} steps` : ''}`,
      historicalLogs: lines,
      logRate: 0,
      running: false,
      ...(steps
        ? {
            steps: steps + 1,
            currentStep: steps + 1,
            stepSeconds: Math.max(1, Math.floor(historySec / steps)),
          }
        : {}),
    });
    const lastId = await target.demo.lastLogId(job.jobId);
    if (lastId === null) throw new Error(`job ${job.jobId} has no log`);
    jobs.push({ jobId: job.jobId, lines, lastId });
  }
  return jobs;
}

function medians<R extends object>(runs: R[]): Record<keyof R, number> {
  const keys = Object.keys(runs[0]!) as (keyof R)[];
  return Object.fromEntries(
    keys.map((k) => [k, median(runs.map((r) => r[k] as number))]),
  ) as Record<keyof R, number>;
}

function loadEntry(server: string, lines: number, runs: LoadRun[]): LoadEntry | null {
  return runs.length > 0 ? { server, lines, runs, median: medians(runs) } : null;
}

async function attempt<T>(errors: string[], label: string, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    const message = `${label}: ${String(error).split('\n')[0]}`;
    log(`FAILED ${message}`);
    errors.push(message);
    return null;
  }
}

type Serve = (label: string, env: Record<string, string>) => Promise<Target>;
type GatewayOf = (label: string, env: Record<string, string>, over: Target) => Promise<BenchServer>;
type Stop = (server: { url: string }) => Promise<void>;

/**
 * 9. The log gateway measured alone, as in production: a process of its own (its defaults: the
 * log cache on) in front of the plain simulator, whose Job log API answers every line after the
 * cursor in one answer. Each cold read gets a new gateway: an empty store, and a process whose
 * high-water mark is that read's. "Before" is a gateway with LOG_CACHE=off: the browser reads the
 * one answer itself. Each count of followers gets a gateway of its own, so no other job's tail
 * (kept 30 s after its last viewer) asks the upstream meanwhile; streaming and bytes share one.
 */
async function logGateway(
  ctx: Ctx,
  errors: string[],
  serve: Serve,
  gatewayOf: GatewayOf,
  stop: Stop,
): Promise<LogGatewayResults> {
  const lines = PLAN.gatewayLines;
  const simulator = await serve('plain simulator', PLAIN_SIMULATOR);
  const out: LogGatewayResults = {
    lines,
    upstream: null,
    load: [],
    peakMb: [],
    beforePeakMb: NaN,
    followers: [],
    streaming: null,
    follow: null,
  };
  const through = (server: BenchServer, label: string): Target => ({
    label,
    url: server.url,
    demo: simulator.demo,
  });
  try {
    const job = (await makeJobs(simulator, [lines]))[0]!;
    const cold: ColdRead[] = [];
    for (let i = 0; i < PLAN.gatewayRuns; i++) {
      log(`log gateway: ${n(lines)} lines opened cold, then again, run ${i + 1}`);
      const gateway = await gatewayOf('log gateway', {}, simulator);
      const run = await attempt(errors, `log gateway, cold read ${i + 1}`, () =>
        coldRead(ctx, gateway, through(gateway, 'log gateway'), job),
      );
      await stop(gateway);
      if (run) cold.push(run);
    }
    out.peakMb = cold.map((c) => c.peakMb);

    log(`log gateway: ${n(lines)} lines with LOG_CACHE=off (before)`);
    const off = await gatewayOf(
      'gateway, LOG_CACHE=off',
      { LOG_CACHE: 'off', ...BIG_ANSWERS },
      simulator,
    );
    const before: LoadRun[] = [];
    for (let i = 0; i < PLAN.loadRuns(lines); i++) {
      const run = await attempt(errors, `log gateway off, run ${i + 1}`, () =>
        loadOnce(ctx, through(off, 'LOG_CACHE=off'), job),
      );
      if (run) before.push(run);
    }
    out.beforePeakMb = procMemory(off.pid).peakMb;
    await stop(off);
    const firsts = cold.map((c) => c.first);
    const seconds = cold.map((c) => c.second);
    out.load = [
      loadEntry('first viewer (cold)', lines, firsts),
      loadEntry('second viewer (cached)', lines, seconds),
      loadEntry('LOG_CACHE=off (before)', lines, before),
    ].filter((e): e is LoadEntry => e !== null);

    log(`log gateway: the upstream's own answer of ${n(lines)} lines`);
    out.upstream = await attempt(errors, 'upstream answer', () =>
      upstreamAnswer(simulator.url, job),
    );

    for (const viewers of [1, 20]) {
      log(`log gateway: ${viewers} followers for ${PLAN.followersSec} s`);
      const gateway = await gatewayOf('log gateway', {}, simulator);
      const run = await attempt(errors, `log gateway, ${viewers} followers`, () =>
        followers(ctx, gateway.url, simulator.demo, viewers, PLAN.followersSec),
      );
      await stop(gateway);
      if (run) out.followers.push(run);
    }

    const gateway = await gatewayOf('log gateway', {}, simulator);
    log(`log gateway: streaming for ${PLAN.streamingSec} s`);
    out.streaming = await attempt(errors, 'log gateway, streaming', () =>
      streaming(ctx, through(gateway, 'log gateway'), PLAN.streamingSec),
    );
    log(`log gateway: following for ${PLAN.networkSec} s (bytes)`);
    out.follow = await attempt(errors, 'log gateway, bytes', () =>
      followBytes(ctx, through(gateway, 'log gateway'), PLAN.networkSec),
    );
    await stop(gateway);
  } finally {
    await stop(simulator);
  }
  return out;
}

/** 10. Each route opened cold, timed from navigation: the log route, then the list. */
async function routeLoading(
  ctx: Ctx,
  errors: string[],
  target: Target,
  jobs: readonly BenchJob[],
  results: BenchResults,
) {
  const job = jobs.find((j) => j.lines === ROUTE_LOG_LINES);
  if (!job) throw new Error(`no job of ${n(ROUTE_LOG_LINES)} lines for the log route`);
  const routes = [
    { route: '/jobs/:jobId?tab=log', size: job.lines, once: () => logRouteOnce(ctx, target, job) },
    { route: '/jobs', size: Number(SIM_ENV.DEMO_JOBS), once: () => listRouteOnce(ctx, target) },
  ];
  for (const { route, size, once } of routes) {
    const runs: RouteLoadRun[] = [];
    for (let i = 0; i < PLAN.routeRuns; i++) {
      log(`route ${route}, run ${i + 1}`);
      const run = await attempt(errors, `route ${route}`, once);
      if (run) runs.push(run);
    }
    if (runs.length > 0) results.routeLoad.push({ route, size, runs, median: medians(runs) });
  }
}

async function main() {
  await ensureBuilds();
  const servers: BenchServer[] = [];
  const browser = await launch();
  const ctx: Ctx = { browser, quick, log };
  const errors: string[] = [];
  const results: BenchResults = {
    startedAt: new Date(began).toISOString(),
    durationSec: 0,
    mode: quick ? 'quick' : 'full',
    only,
    machine: machine(),
    chromium: browser.version(),
    packages: packageVersions([
      'react',
      '@melloware/react-logviewer',
      'react-virtuoso',
      '@playwright/test',
      'vite',
    ]),
    load: [],
    follow: [],
    appendCostRatio: NaN,
    followWrap: [],
    appendCostRatioWrap: NaN,
    followSections: [],
    appendCostRatioSections: NaN,
    followContext: [],
    appendCostRatioContext: NaN,
    search: null,
    streaming: null,
    network: null,
    list: [],
    routes: [],
    index: { passes: [], queries: [] },
    logGateway: null,
    peers: [],
    routeLoad: [],
    errors,
  };
  const serve = async (label: string, env: Record<string, string>): Promise<Target> => {
    log(`starting a server: ${label}`);
    const server = await startServer({ ...SIM_ENV, ...env });
    servers.push(server);
    return { label, url: server.url, demo: new Demo(server.url) };
  };
  try {
    // The log cache (on by default) reads the simulator's one answer and serves the browser
    // pages of LOG_PAGE_LIMIT lines: its default, spelled out because the label says it.
    const paged = await serve('pages of 2,000', { LOG_PAGE_LIMIT: '2000' });
    // Without it each browser request goes to the simulator as it is: the browser reads every
    // line in one answer.
    const oneAnswer = wanted('load') || wanted('peers');
    const unpaged = oneAnswer
      ? await serve('one response', { LOG_CACHE: 'off', ...BIG_ANSWERS })
      : null;
    const bigLogs =
      wanted('load') || wanted('follow') || wanted('wrap') || wanted('context') || wanted('search');
    const pagedJobs = await makeJobs(paged, bigLogs ? PLAN.sizes : [ROUTE_LOG_LINES]);
    const unpagedJobs = unpaged ? await makeJobs(unpaged, PLAN.unpagedSizes) : [];

    // 10. Route loading: each route opened cold, timed from navigation.
    if (wanted('routes')) await routeLoading(ctx, errors, paged, pagedJobs, results);

    // 1. Big log, cold.
    const loads: [Target, BenchJob[]][] = [];
    if (wanted('load')) loads.push([paged, pagedJobs], [unpaged!, unpagedJobs]);
    for (const [target, jobs] of loads) {
      for (const job of jobs) {
        const runs: LoadRun[] = [];
        for (let i = 0; i < PLAN.loadRuns(job.lines); i++) {
          log(`load ${job.lines} lines, ${target.label}, run ${i + 1}`);
          const run = await attempt(errors, `load ${job.lines} ${target.label}`, () =>
            loadOnce(ctx, target, job),
          );
          if (run) runs.push(run);
        }
        const entry = loadEntry(target.label, job.lines, runs);
        if (entry) results.load.push(entry);
      }
    }

    // 2 and 3. Appends while following, then scrolling.
    for (const job of wanted('follow') ? pagedJobs : []) {
      log(`follow ${job.lines} lines: ${PLAN.appendReps} appends of 1,000, then scroll`);
      const result = await attempt(errors, `follow ${job.lines}`, () =>
        followAndAppend(ctx, paged, job, PLAN.appendReps),
      );
      if (!result) continue;
      results.follow.push(followEntry(job, result));
    }
    const smallest = results.follow.find((f) => f.lines === 10_000);
    const largest = results.follow.at(-1);
    if (smallest && largest) results.appendCostRatio = largest.work.median / smallest.work.median;

    // 2 again in another mode, on the smallest and the largest log: its rows and the ratio of
    // their median append work.
    const followIn = async (
      label: string,
      jobs: readonly BenchJob[],
      options: Parameters<typeof followAndAppend>[4],
    ) => {
      const entries: FollowEntry[] = [];
      for (const job of jobs) {
        log(`follow ${job.lines} lines, ${label}: ${PLAN.appendReps} appends of 1,000`);
        const result = await attempt(errors, `follow ${label} ${job.lines}`, () =>
          followAndAppend(ctx, paged, job, PLAN.appendReps, options),
        );
        if (result) entries.push(followEntry(job, result));
      }
      const small = entries.find((f) => f.lines === 10_000);
      const large = entries.at(-1);
      const ratio = small && large && large !== small ? large.work.median / small.work.median : NaN;
      return { entries, ratio };
    };
    const ends = [pagedJobs[0], pagedJobs.at(-1)].filter(
      (job, i, all): job is BenchJob => job !== undefined && all.indexOf(job) === i,
    );
    if (wanted('wrap')) {
      const wrapped = await followIn('wrapped', ends, { wrap: true });
      results.followWrap = wrapped.entries;
      results.appendCostRatioWrap = wrapped.ratio;
    }
    // On a log across 50 steps, shown in sections; then folding one.
    if (wanted('sections')) {
      const sizes = [PLAN.sizes[0]!, PLAN.sizes.at(-1)!];
      const jobs = await makeJobs(paged, sizes, { steps: SECTION_STEPS });
      const sectioned = await followIn(`in ${SECTION_STEPS} step sections`, jobs, { folds: true });
      results.followSections = sectioned.entries;
      results.appendCostRatioSections = sectioned.ratio;
    }
    if (wanted('context')) {
      const filtered = await followIn(
        `level ${CONTEXT_MODE.levels}, ${CONTEXT_MODE.lines} lines of context`,
        ends,
        { context: CONTEXT_MODE },
      );
      results.followContext = filtered.entries;
      results.appendCostRatioContext = filtered.ratio;
    }

    // 11. A search typed over the largest log.
    const searchJob = wanted('search') ? pagedJobs.at(-1) : undefined;
    if (searchJob) {
      log(`search typed over ${n(searchJob.held ?? searchJob.lines)} lines`);
      results.search = await attempt(errors, 'search', () =>
        searchTyped(ctx, paged, searchJob, PLAN.searchReps),
      );
    }

    // 4 and 5. Streaming and the network.
    if (wanted('streaming')) {
      log(`streaming for ${PLAN.streamingSec} s`);
      results.streaming = await attempt(errors, 'streaming', () =>
        streaming(ctx, paged, PLAN.streamingSec),
      );
    }
    if (wanted('network')) {
      log(`network: following for ${PLAN.networkSec} s, then completion and a hidden tab`);
      results.network = await attempt(errors, 'network', () =>
        network(ctx, paged, { seconds: PLAN.networkSec, hiddenSeconds: PLAN.hiddenSec }),
      );
    }

    // 8. The job index over a big population. The simulator runs in a process of its own
    // (without an index), so the gateway in front of it is measured alone, as in production:
    // its first pass at the default pace, its memory and store, the list queries it answers;
    // then (6) the list opened through it.
    const jobCount = quick ? 10_000 : 100_000;
    const upstream = wanted('index')
      ? await serve(`simulator of ${n(jobCount)} jobs`, {
          ...PLAIN_SIMULATOR,
          DEMO_JOBS: String(jobCount),
        })
      : null;
    const gatewayOf = async (
      label: string,
      env: Record<string, string>,
      over: Target | null = upstream,
    ) => {
      if (!over) throw new Error(`${label}: no upstream to stand in front of`);
      log(`starting a server: ${label}`);
      const server = await startServer(
        { JOBS_API_URL: over.url, LOGS_API_URL: over.url, ...env },
        { ready: '/jobs/v1/freshness' },
      );
      servers.push(server);
      return server;
    };
    /** Stops a server the bench is done with, so it costs the next measurements nothing. */
    const stop = async (server: BenchServer | { url: string }) => {
      const at = servers.findIndex((s) => s.url === server.url);
      if (at >= 0) await servers.splice(at, 1)[0]!.stop();
    };
    if (wanted('index')) {
      const gateway = await gatewayOf('gateway, default pace', {});
      log(`job index: first pass over ${n(jobCount)} jobs at the default pace`);
      const paced = await attempt(errors, 'first pass, default pace', () =>
        firstPass(gateway, 10, 1_800_000),
      );
      if (paced) results.index.passes.push(paced);
      log('job index: list queries');
      const queries = await attempt(errors, 'list queries', () =>
        listQueries(gateway, quick ? 20 : 100),
      );
      if (queries) results.index.queries = queries;
      const many: Target = { label: 'gateway', url: gateway.url, demo: upstream!.demo };

      // 6. The job list.
      for (const [target, jobs] of [
        [paged, 60],
        [many, jobCount],
      ] as const) {
        const runs: number[] = [];
        for (let i = 0; i < PLAN.listRuns; i++) {
          log(`job list, ${jobs} jobs, run ${i + 1}`);
          const run = await attempt(errors, `list ${jobs}`, () => listOnce(ctx, target));
          if (run) runs.push(run.firstRows);
        }
        results.list.push({ jobs, runs, median: median(runs) });
      }
      for (const route of ['/jobs', `/jobs/${pagedJobs[0]!.jobId}?tab=log`]) {
        const bytes = await attempt(errors, `bytes ${route}`, () => routeBytes(ctx, paged, route));
        if (!bytes) continue;
        results.routes.push({ ...bytes, route: route.replace(/[0-9a-f]{24}/, ':jobId') });
      }

      log(`job index: first pass over ${n(jobCount)} jobs with no rate limit`);
      const uncapped = await gatewayOf('gateway, no rate limit', { JOBS_SYNC_RATE: '0' });
      const fast = await attempt(errors, 'first pass, no rate limit', () =>
        firstPass(uncapped, 0, 1_800_000),
      );
      if (fast) results.index.passes.push(fast);
      // Its job index keeps a 100,000-job upstream busy: nothing of it may run beside scenario 9.
      for (const done of [uncapped, gateway, upstream!]) await stop(done);
    }

    // 9. The log gateway, in a process of its own in front of the plain simulator.
    if (wanted('gateway')) {
      results.logGateway = await attempt(errors, 'log gateway', () =>
        logGateway(ctx, errors, serve, gatewayOf, stop),
      );
    }

    // 7. Peers, on the same lines (the server without its log cache sends them in one response).
    const peerJobs = wanted('peers') ? unpagedJobs : [];
    for (const job of peerJobs.filter((j) => PLAN.peerSizes.includes(j.lines))) {
      for (const kind of PEER_KINDS) {
        log(`peer ${kind}, ${job.lines} lines`);
        results.peers.push(await peerRun(ctx, unpaged!, job, kind, PLAN.peerReps));
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }

  results.durationSec = Math.round((Date.now() - began) / 1000);
  // Formatted as `npm run lint` (prettier --check) expects of a committed file.
  const markdown = await format(report(results), { parser: 'markdown' });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(ROOT, `bench/results/${stamp}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  // RESULTS.md is the report of a whole run; a run of some scenarios leaves it as it is.
  if (only === null) await writeFile(path.join(ROOT, 'bench/RESULTS.md'), markdown);
  console.log(markdown);
  log(`done in ${results.durationSec} s; bench/results/${stamp}.json`);
}

await main();
