import { describe, expect, it } from 'vitest';
import {
  eventTs,
  hotFunctions,
  parseTrace,
  rendererMain,
  resourceFinishes,
  workBetween,
  type TraceEvent,
} from './trace.ts';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const task = (pid: number, tid: number, ts: number, dur: number): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ts,
  dur,
  pid,
  tid,
});

const events: TraceEvent[] = [
  meta(1, 10, 'CrRendererMain'),
  meta(2, 20, 'CrRendererMain'),
  meta(1, 11, 'Compositor'),
  task(1, 10, 0, 5_000),
  task(1, 10, 10_000, 20_000),
  task(1, 10, 40_000, 3_000),
  task(1, 11, 10_000, 90_000),
  task(2, 20, 0, 1_000),
  { name: 'bench:tail', ph: 'R', ts: 42_000, pid: 1, tid: 10 },
  {
    name: 'ResourceSendRequest',
    ph: 'I',
    ts: 8_000,
    pid: 1,
    tid: 10,
    args: { data: { requestId: 'a', url: 'http://x/api/v1/job/j/details/5' } },
  },
  {
    name: 'ResourceSendRequest',
    ph: 'I',
    ts: 8_500,
    pid: 1,
    tid: 10,
    args: { data: { requestId: 'b', url: 'http://x/jobs/v1/bson/j' } },
  },
  {
    name: 'ResourceFinish',
    ph: 'I',
    ts: 12_000,
    pid: 1,
    tid: 10,
    args: { data: { requestId: 'b' } },
  },
  {
    name: 'ResourceFinish',
    ph: 'I',
    ts: 9_000,
    pid: 1,
    tid: 10,
    args: { data: { requestId: 'a' } },
  },
];

describe('rendererMain', () => {
  it('picks the main thread of the process that made the mark', () => {
    expect(rendererMain(events, 'bench:tail')).toEqual({ pid: 1, tid: 10 });
  });

  it('falls back to the busiest renderer main thread', () => {
    expect(rendererMain(events)).toEqual({ pid: 1, tid: 10 });
    expect(rendererMain([meta(3, 1, 'Compositor')])).toBeNull();
  });
});

describe('workBetween', () => {
  it('sums top-level tasks of that thread, clipped to the window', () => {
    const work = workBetween(events, { pid: 1, tid: 10 }, 2_000, 41_000);
    // 3 ms of the first, all 20 ms of the second, 1 ms of the third; other threads ignored.
    expect(work.total).toBeCloseTo(24);
    expect(work.longest).toBe(20);
    expect(work.tasks).toBe(3);
  });

  it('counts nothing outside the window', () => {
    expect(workBetween(events, { pid: 1, tid: 10 }, 31_000, 39_000).tasks).toBe(0);
  });
});

describe('marks and resources', () => {
  it('finds a mark and the finishes of matching requests', () => {
    expect(eventTs(events, 'bench:tail')).toBe(42_000);
    expect(eventTs(events, 'missing')).toBeNull();
    expect(resourceFinishes(events, '/details/5')).toEqual([9_000]);
    expect(resourceFinishes(events, '/details/6')).toEqual([]);
  });
});

describe('hotFunctions', () => {
  it('adds sample intervals to the function sampled, inside the window', () => {
    const profiled: TraceEvent[] = [
      { name: 'Profile', ph: 'P', ts: 0, pid: 1, tid: 10, args: { data: { startTime: 1_000 } } },
      {
        name: 'ProfileChunk',
        ph: 'P',
        ts: 0,
        pid: 1,
        tid: 10,
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: { functionName: '(idle)' } },
                {
                  id: 2,
                  callFrame: {
                    functionName: 'append',
                    url: 'http://x/a.js',
                    lineNumber: 0,
                    columnNumber: 9,
                  },
                },
                {
                  id: 3,
                  callFrame: {
                    functionName: '',
                    url: 'http://x/b.js',
                    lineNumber: 4,
                    columnNumber: 0,
                  },
                },
              ],
              samples: [2, 2, 3, 1, 2],
            },
            timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000],
          },
        },
      },
    ];
    // Samples at 2000, 3000, 4000, 5000, 6000 us; window 2500-6500 keeps the last four.
    expect(hotFunctions(profiled, { pid: 1, tid: 10 }, 2_500, 6_500)).toEqual([
      { name: 'append a.js:1:10', selfMs: 2 },
      { name: '(anonymous) b.js:5:1', selfMs: 1 },
    ]);
  });
});

describe('parseTrace', () => {
  it('reads both the object and the bare array forms', () => {
    expect(parseTrace(JSON.stringify({ traceEvents: [task(1, 1, 0, 1)] }))).toHaveLength(1);
    expect(parseTrace(Buffer.from(JSON.stringify([task(1, 1, 0, 1)])))).toHaveLength(1);
  });
});
