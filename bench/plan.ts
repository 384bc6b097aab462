/** What `npm run bench` runs: the scenarios by name, the sizes and repetitions, the servers' setup. */

/**
 * The scenarios by name, as `--only=` takes them: load (1), follow (2, 3), streaming (4),
 * network (5), index (6 and 8: the list, its bytes, the job index), peers (7), gateway (9),
 * routes (10), wrap (2 again with wrapping on), sections (2 again on a log across 50 steps, and
 * folding a step's section), context (2 again under a level filter with context lines), search
 * (11: a search typed over the largest log), volume (2 again with the volume histogram hidden:
 * the plain run draws it, so the difference is its cost per append).
 */
export const SCENARIOS = [
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
  'volume',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export function parseOnly(argv: readonly string[]): Scenario[] | null {
  const arg = argv.find((a) => a.startsWith('--only='));
  if (!arg) return null;
  const names = arg.slice('--only='.length).split(',').filter(Boolean);
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only= takes some of ${SCENARIOS.join(', ')}; not: ${unknown.join(', ')}`);
  }
  return names as Scenario[];
}

/** Sizes, runs and durations: the full plan, or `--quick`'s. */
export function benchPlan(quick: boolean) {
  return quick
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
}
export type BenchPlan = ReturnType<typeof benchPlan>;

/** The log route is timed on the smallest log of scenario 1, so its figures compare. */
export const ROUTE_LOG_LINES = 10_000;

export const SIM_ENV = { DEMO_SEED: '7', DEMO_JOBS: '60', DEMO_BIG_LOG_LINES: '1000' };
/** A million lines in one answer is ~190 MB: past a server's default cap on what it reads. */
export const BIG_ANSWERS = { UPSTREAM_MAX_BYTES: String(512 * 1024 * 1024) };
/**
 * A simulator as a plain double of the two APIs (its own log cache and job index off), for a
 * gateway in another process to be measured alone in front of it.
 */
export const PLAIN_SIMULATOR = { LOG_CACHE: 'off', JOBS_INDEX: 'off', ...BIG_ANSWERS };
/** Scenario 2's level filter with context: WARN and ERROR (one line in seven), 5 lines around. */
export const CONTEXT_MODE = { levels: 'ERROR,WARN', lines: 5 };

/** Steps of the sectioned log's jobs; the job is on the last, the others spread its history. */
export const SECTION_STEPS = 50;
