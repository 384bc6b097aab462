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
import { began, log } from './lib/benchLog.ts';
import { launch } from './lib/browser.ts';
import { Demo } from './lib/demo.ts';
import { machine, packageVersions } from './lib/machine.ts';
import { ROOT, startServer, type BenchServer } from './lib/server.ts';
import { median } from './lib/stats.ts';
import {
  benchPlan,
  BIG_ANSWERS,
  CONTEXT_MODE,
  parseOnly,
  PLAIN_SIMULATOR,
  ROUTE_LOG_LINES,
  SECTION_STEPS,
  SIM_ENV,
  type Scenario,
} from './plan.ts';
import { report } from './report.ts';
import { n } from './reportNumbers.ts';
import type { BenchResults, FollowEntry } from './results.ts';
import { attempt, followEntry, loadEntry, makeJobs } from './runKit.ts';
import { followAndAppend } from './scenarios/append.ts';
import { firstPass, listQueries } from './scenarios/jobIndex.ts';
import { listOnce, routeBytes } from './scenarios/jobList.ts';
import { loadOnce, type LoadRun } from './scenarios/load.ts';
import { logGateway } from './scenarios/logGatewayRun.ts';
import { network } from './scenarios/network.ts';
import { PEER_KINDS, peerRun } from './scenarios/peers.ts';
import { routeLoading } from './scenarios/routeLoad.ts';
import { searchTyped } from './scenarios/search.ts';
import { volumeCounting } from './scenarios/volume.ts';
import { streaming } from './scenarios/streaming.ts';
import type { BenchJob, Ctx, Target } from './scenarios/types.ts';

const quick = process.argv.includes('--quick');
const PLAN = benchPlan(quick);

const only = parseOnly(process.argv);
const wanted = (scenario: Scenario) => only === null || only.includes(scenario);
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
    followNoVolume: [],
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
      wanted('load') ||
      wanted('follow') ||
      wanted('wrap') ||
      wanted('context') ||
      wanted('search') ||
      wanted('volume');
    const pagedJobs = await makeJobs(paged, bigLogs ? PLAN.sizes : [ROUTE_LOG_LINES]);
    const unpagedJobs = unpaged ? await makeJobs(unpaged, PLAN.unpagedSizes) : [];

    // 10. Route loading: each route opened cold, timed from navigation.
    if (wanted('routes')) await routeLoading(ctx, PLAN, errors, paged, pagedJobs, results);

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

    // The plain runs draw the volume histogram (the app's default): without it, its share.
    if (wanted('volume')) {
      results.followNoVolume = (
        await followIn('volume histogram hidden', ends, { volume: false })
      ).entries;
      const held = PLAN.sizes.at(-1)!;
      log(`volume histogram counting alone: ${n(held)} lines, ${PLAN.appendReps} appends`);
      results.volumeCounting = await attempt(errors, 'volume counting', async () =>
        volumeCounting(held, PLAN.appendReps),
      );
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
        logGateway(ctx, PLAN, errors, serve, gatewayOf, stop),
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
