/**
 * Main-thread work from a Chromium trace (CDP tracing, Playwright's `browser.startTracing`).
 * PerformanceObserver('longtask') only sees tasks over 50 ms; the append goal is 16 ms of work,
 * so the bench sums the renderer main thread's top-level tasks from the trace instead.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface Work {
  /** Milliseconds of top-level tasks overlapping the window (clipped to it). */
  total: number;
  /** The longest such task, whole, in milliseconds. */
  longest: number;
  tasks: number;
}

export function parseTrace(buffer: Buffer | string): TraceEvent[] {
  const json = JSON.parse(String(buffer)) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}

/** The renderer main thread (`CrRendererMain`) of the process that emitted `markName`, if any. */
export function rendererMain(
  events: readonly TraceEvent[],
  markName?: string,
): { pid: number; tid: number } | null {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (markName) {
    const mark = events.find((e) => e.name === markName);
    const main = mark && mains.find((m) => m.pid === mark.pid);
    if (main) return { pid: main.pid, tid: main.tid };
  }
  // Without a mark: the busiest renderer main thread is the page under test.
  let best: { pid: number; tid: number } | null = null;
  let bestTime = -1;
  for (const main of mains) {
    const time = topLevel(events, main).reduce((sum, e) => sum + (e.dur ?? 0), 0);
    if (time > bestTime) {
      bestTime = time;
      best = { pid: main.pid, tid: main.tid };
    }
  }
  return best;
}

function topLevel(events: readonly TraceEvent[], thread: { pid: number; tid: number }) {
  return events.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid,
  );
}

/** Top-level task time on `thread` between `from` and `to` (trace microseconds). */
export function workBetween(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
): Work {
  let total = 0;
  let longest = 0;
  let tasks = 0;
  for (const e of topLevel(events, thread)) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= from || e.ts >= to) continue;
    tasks++;
    total += Math.min(end, to) - Math.max(e.ts, from);
    longest = Math.max(longest, e.dur ?? 0);
  }
  return { total: total / 1000, longest: longest / 1000, tasks };
}

/** The trace timestamp of the first event named `name` (a `performance.mark`), or null. */
export function eventTs(events: readonly TraceEvent[], name: string): number | null {
  const hit = events.find((e) => e.name === name);
  return hit ? hit.ts : null;
}

/** When responses to requests whose URL includes `urlPart` finished loading, in trace time. */
export function resourceFinishes(events: readonly TraceEvent[], urlPart: string): number[] {
  const data = (e: TraceEvent) => (e.args?.data ?? {}) as { url?: string; requestId?: string };
  const ids = new Set(
    events
      .filter(
        (e) => e.name === 'ResourceSendRequest' && String(data(e).url ?? '').includes(urlPart),
      )
      .map((e) => data(e).requestId),
  );
  return events
    .filter((e) => e.name === 'ResourceFinish' && ids.has(data(e).requestId))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
}

/** Self time per function name from the trace's CPU profile samples, top `limit`. */
export function hotFunctions(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
  limit = 8,
): { name: string; selfMs: number }[] {
  const nodes = new Map<number, string>();
  const self = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== thread.pid || e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as
      | {
          cpuProfile?: {
            nodes?: {
              id: number;
              callFrame: {
                functionName: string;
                url?: string;
                lineNumber?: number;
                columnNumber?: number;
              };
            }[];
            samples?: number[];
          };
          timeDeltas?: number[];
        }
      | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
      // 1-based line:column, as source-map tools take them.
      const where = file ? ` ${file}:${(lineNumber ?? 0) + 1}:${(columnNumber ?? 0) + 1}` : '';
      nodes.set(node.id, `${functionName || '(anonymous)'}${where}`);
    }
  }
  // Samples arrive in chunks with deltas from the previous sample; the first chunk's base is the
  // `Profile` event's startTime.
  const profile = events.find((e) => e.pid === thread.pid && e.name === 'Profile');
  let time = Number((profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  for (const e of events) {
    if (e.pid !== thread.pid || e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as
      { cpuProfile?: { samples?: number[] }; timeDeltas?: number[] } | undefined;
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const delta = deltas[i] ?? 0;
      time += delta;
      if (time < from || time > to) continue;
      const name = nodes.get(samples[i]!) ?? '?';
      if (name.startsWith('(idle)') || name.startsWith('(program)')) continue;
      self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? delta) / 1000);
    }
  }
  return [...self.entries()]
    .map(([name, selfMs]) => ({ name, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}

/**
 * What the longest top-level task between `from` and `to` spent its time on: the events nested
 * in it on the same thread, by name (their own durations, so nested ones count twice), longest
 * first.
 */
export function longestTaskParts(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
): { name: string; ms: number }[] {
  let longest: TraceEvent | null = null;
  for (const e of topLevel(events, thread)) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= from || e.ts >= to) continue;
    if (!longest || (e.dur ?? 0) > (longest.dur ?? 0)) longest = e;
  }
  if (!longest) return [];
  const start = longest.ts;
  const end = start + (longest.dur ?? 0);
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e === longest || e.ph !== 'X' || e.pid !== thread.pid || e.tid !== thread.tid) continue;
    if (e.ts < start || e.ts >= end) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...byName]
    .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
}
