/**
 * Finishing an index's scan of the lines held in slices of a few milliseconds, yielding to the
 * browser between them, so a search over a million lines never holds the main thread for long
 * (one pass in a single task took 79-567 ms there).
 */
import type { LineIndex } from './lineIndex';

/** Runs `task` soon, after input and rendering have had their turn; returns a cancel. */
export type Schedule = (task: () => void) => () => void;

/** Main-thread time per slice: well under a frame, so typing and scrolling stay smooth. */
export const SLICE_MS = 8;

interface SchedulerLike {
  postTask(task: () => void, options: { priority: string; signal: AbortSignal }): Promise<void>;
}

/**
 * `scheduler.postTask` where the browser has it (Chromium): no 4 ms clamp on chained timeouts.
 * Elsewhere a timeout.
 */
export const yieldToBrowser: Schedule = (task) => {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.postTask) {
    const abort = new AbortController();
    scheduler
      .postTask(task, { priority: 'user-visible', signal: abort.signal })
      .catch(() => undefined);
    return () => abort.abort();
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
};

export interface ScanOptions {
  sliceMs?: number;
  schedule?: Schedule;
  /** After each slice; `complete` on the last. */
  onSlice: (complete: boolean) => void;
}

/**
 * Scans until `index` is complete, one slice per scheduled task. The returned function cancels
 * what is left (a new query replaces the index).
 */
export function scanInSlices(index: LineIndex, options: ScanOptions): () => void {
  const { sliceMs = SLICE_MS, schedule = yieldToBrowser, onSlice } = options;
  let cancelled = false;
  let cancelNext: (() => void) | null = null;
  const slice = () => {
    cancelNext = null;
    if (cancelled) return;
    index.update(sliceMs);
    const { complete } = index;
    onSlice(complete);
    if (!complete && !cancelled) cancelNext = schedule(slice);
  };
  if (index.complete) return () => undefined;
  cancelNext = schedule(slice);
  return () => {
    cancelled = true;
    cancelNext?.();
  };
}
