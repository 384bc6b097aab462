import { describe, expect, it } from 'vitest';
import { gatewayGoals, routeLoadGoal, sameUpstreamCost } from './reportGoals.ts';
import type { LoadEntry, LogGatewayResults, RouteLoadEntry } from './results.ts';
import type { LoadRun } from './scenarios/load.ts';
import type { FollowersRun } from './scenarios/logGateway.ts';

const followers = (viewers: number, upstreamLogs: number, visible = viewers): FollowersRun => ({
  viewers,
  visible,
  seconds: 60,
  upstreamLogs,
  upstreamJobs: 0,
  browserLogs: 0,
});

const results = (over: Partial<LogGatewayResults> = {}): LogGatewayResults => ({
  lines: 1_000_000,
  upstream: null,
  load: [],
  peakMb: [],
  beforePeakMb: NaN,
  followers: [],
  streaming: null,
  follow: null,
  ...over,
});

describe('sameUpstreamCost', () => {
  it('holds when 20 followers cost the upstream one read more or less than one', () => {
    expect(sameUpstreamCost(results({ followers: [followers(1, 29), followers(20, 30)] }))).toBe(
      true,
    );
    expect(sameUpstreamCost(results({ followers: [followers(1, 29), followers(20, 58)] }))).toBe(
      false,
    );
  });

  it('says nothing when a side is missing, the windows differ, or a tab was hidden', () => {
    expect(sameUpstreamCost(null)).toBeNull();
    expect(sameUpstreamCost(results({ followers: [followers(1, 29)] }))).toBeNull();
    const shorter = { ...followers(20, 10), seconds: 20 };
    expect(sameUpstreamCost(results({ followers: [followers(1, 29), shorter] }))).toBeNull();
    const hidden = followers(20, 29, 19);
    expect(sameUpstreamCost(results({ followers: [followers(1, 29), hidden] }))).toBeNull();
  });
});

describe('gatewayGoals', () => {
  it('is not measured, goal by goal, when the scenario did not run', () => {
    const goals = gatewayGoals(null);
    expect(goals.length).toBeGreaterThan(0);
    expect(goals.every((g) => g.holds === null)).toBe(true);
  });

  it('judges the peak memory by the median of the cold reads', () => {
    const peak = (peakMb: number[]) =>
      gatewayGoals(results({ peakMb })).find((g) => g.goal.includes('peak resident memory'))!;
    expect(peak([350, 420, 390]).holds).toBe(true);
    expect(peak([410, 420, 390]).holds).toBe(false);
    expect(peak([]).holds).toBeNull();
  });
});

describe('routeLoadGoal', () => {
  const route = (painted: number): RouteLoadEntry => {
    const run = { codeIn: 150, firstData: 60, firstShown: 90, painted };
    return { route: '/jobs/:jobId?tab=log', size: 10_000, runs: [run], median: run };
  };
  const load = (lines: number, firstPainted: number, server = 'pages of 2,000'): LoadEntry => {
    const median = { firstPainted, firstRequest: 200 } as Record<keyof LoadRun, number>;
    return { server, lines, runs: [], median };
  };

  it("judges scenario 10's median and reports scenario 1's figure beside it", () => {
    const goal = routeLoadGoal([route(280)], [load(100_000, 900), load(10_000, 450)]);
    expect(goal.holds).toBe(true);
    expect(goal.measured).toContain('280 ms at 10,000 lines');
    expect(goal.measured).toContain('scenario 1: 450 ms at 10,000 lines');
    expect(routeLoadGoal([route(300)], []).holds).toBe(false);
  });

  it("falls back on scenario 1's smallest paged log, and is not measured without either", () => {
    const fallback = routeLoadGoal([], [load(10_000, 290, 'one response'), load(10_000, 450)]);
    expect(fallback.holds).toBe(false);
    expect(fallback.measured).toContain('450 ms');
    expect(routeLoadGoal([], []).holds).toBeNull();
  });
});
