/**
 * The in-page probe. `installProbe` is serialized into the page (addInitScript or evaluate), so
 * it must not close over anything: every helper lives inside it.
 *
 * "Painted" is the first animation frame after the one in which the element was found laid out
 * in view: that frame's callbacks run only once the previous frame has been presented, the
 * same "second animation frame after the call" the peer figures use.
 */

export interface WatchSpec {
  /** Any element matching: "first lines painted". */
  first?: string;
  /** This element inside `viewport` and intersecting it: "tail painted". */
  tail?: string;
  viewport?: string;
  /** An element whose text includes `statusText`: e.g. every line held. */
  status?: string;
  statusText?: string;
}

export type ProbeKey = 'first' | 'tail' | 'status';

export interface ProbeTimes {
  /** performance.now() when painted, or null. */
  first: number | null;
  tail: number | null;
  status: number | null;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface ProbeApi {
  watch(spec: WatchSpec): void;
  times(): ProbeTimes;
  longTasks(): LongTask[];
  /** Ids of `[data-log-id]` elements with the Date.now() of the frame they were first painted. */
  seen(): [string, number][];
  trackSeen(selector: string): void;
}

declare global {
  interface Window {
    __bench?: ProbeApi;
  }
}

export function installProbe(initial: WatchSpec | null): void {
  if (window.__bench) return;
  let spec: WatchSpec | null = null;
  let times: ProbeTimes = { first: null, tail: null, status: null };
  let pending: ProbeKey[] = [];
  let running = false;
  const tasks: LongTask[] = [];
  const seen = new Map<string, number>();
  const seenPending: string[] = [];

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the trace still has them.
  }

  const inView = (el: Element, viewport: Element | null) => {
    const rect = el.getBoundingClientRect();
    if (rect.height === 0) return false;
    const box = viewport
      ? viewport.getBoundingClientRect()
      : { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
    return rect.bottom > box.top && rect.top < box.bottom;
  };

  const done = () => {
    if (!spec) return true;
    return (
      (!spec.first || times.first !== null) &&
      (!spec.tail || times.tail !== null) &&
      (!spec.status || times.status !== null)
    );
  };

  const tick = () => {
    const now = performance.now();
    for (const key of pending) {
      times[key] = now;
      performance.mark(`bench:${key}`);
    }
    pending = [];
    const s = spec;
    if (s) {
      if (s.first && times.first === null && !pending.includes('first')) {
        const el = document.querySelector(s.first);
        if (el && inView(el, null)) pending.push('first');
      }
      if (s.tail && times.tail === null) {
        const viewport = s.viewport ? document.querySelector(s.viewport) : null;
        const el = (viewport ?? document).querySelector(s.tail);
        if (el && inView(el, viewport)) pending.push('tail');
      }
      if (s.status && times.status === null) {
        const el = document.querySelector(s.status);
        if (el?.textContent?.includes(s.statusText ?? '')) pending.push('status');
      }
    }
    if (seenPending.length > 0) {
      const at = Date.now();
      for (const id of seenPending) if (!seen.has(id)) seen.set(id, at);
      seenPending.length = 0;
    }
    if (pending.length > 0 || !done()) requestAnimationFrame(tick);
    else running = false;
  };

  const start = () => {
    if (running) return;
    running = true;
    requestAnimationFrame(tick);
  };

  window.__bench = {
    watch(next) {
      spec = next;
      times = { first: null, tail: null, status: null };
      pending = [];
      start();
    },
    times: () => ({ ...times }),
    longTasks: () => [...tasks],
    seen: () => [...seen.entries()],
    trackSeen(selector) {
      const collect = (node: Node) => {
        if (!(node instanceof Element)) return;
        const hits = node.matches(selector) ? [node] : [...node.querySelectorAll(selector)];
        for (const el of hits) {
          const id = (el as HTMLElement).dataset.logId;
          if (id && !seen.has(id)) seenPending.push(id);
        }
      };
      new MutationObserver((records) => {
        for (const r of records) r.addedNodes.forEach(collect);
        if (seenPending.length > 0) {
          // Keep the loop alive until the next frame stamps them.
          if (!running) {
            running = true;
            requestAnimationFrame(tick);
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    },
  };
  if (initial) window.__bench.watch(initial);
}

/** Scrolls `selector` from top to bottom over `frames` animation frames; returns frame times. */
export function scrollThrough(args: { selector: string; frames: number }): Promise<number[]> {
  const el = document.querySelector<HTMLElement>(args.selector);
  if (!el) return Promise.reject(new Error(`no ${args.selector}`));
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const max = el.scrollHeight - el.clientHeight;
    let frame = 0;
    const step = (t: number) => {
      stamps.push(t);
      if (frame > args.frames) {
        resolve(stamps);
        return;
      }
      el.scrollTop = Math.round((max * frame) / args.frames);
      frame++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** A Job log API answer as the app received it (page time), with its body. */
export interface RecordedLog {
  url: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Keeps a copy of every Job log API answer for `jobId` the app fetches, in
 * `window.__benchLogs`. Chromium reports many of the app's log requests as cancelled
 * (net::ERR_ABORTED) although the app read them to the end, and DevTools then has no body to
 * give, so the bench reads the bodies in the page: a clone of each response, read beside the
 * app's own reading. Serialized into the page (addInitScript): self-contained.
 */
export function installLogRecorder(jobId: string): void {
  const w = window as unknown as { __benchLogs?: RecordedLog[] };
  if (w.__benchLogs) return;
  const records: RecordedLog[] = [];
  w.__benchLogs = records;
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, location.href).href;
    const start = performance.now();
    const response = await original.call(window, input, init);
    if (url.includes(`/api/v1/job/${jobId}/details`)) {
      response
        .clone()
        .text()
        .then(
          (text) => records.push({ url, start, end: performance.now(), text }),
          () => undefined,
        );
    }
    return response;
  };
}
