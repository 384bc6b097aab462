/**
 * The log tail's state machine: when to ask the Job log API again, and when to stop.
 *
 * Pure functions over `TailState` plus `catchUp`, the loop one poll runs. The hook in `logs.ts`
 * feeds them to TanStack Query (`refetchInterval: pollDelay(...)`), so they hold every timing
 * rule in one place and can be tested with a fake clock.
 */
import { isApiError } from './errors';
import type { LogStore } from './logStore';
import type { LogLine } from './schemas';

/** Wait between polls that bring nothing, while lines keep coming. */
export const POLL_INTERVAL_MS = 2_000;
/** After this long without new lines, polls space out gradually ... */
export const IDLE_AFTER_MS = 60_000;
/** ... up to this. */
export const IDLE_POLL_INTERVAL_MS = 10_000;
const IDLE_GROWTH = 1.5;
/** Between polls while older lines are still being backfilled. */
export const BACKFILL_GAP_MS = 50;
/** Failed requests are retried after 1 s, 2 s, 4 s, ... up to this. */
export const MAX_ERROR_DELAY_MS = 30_000;

const TERMINAL_PROGRESS = new Set(['COMPLETED', 'FAILED']);

export function isTerminalProgress(progress: string | null | undefined): boolean {
  return progress != null && TERMINAL_PROGRESS.has(progress.toUpperCase());
}

export interface TailState {
  /** When a poll last brought new lines (or the tail began). */
  lastLinesAt: number;
  /** The wait after the next poll that brings nothing. */
  interval: number;
  /** The log API's `job.progress` as last seen. */
  progress: string | null;
  /** False when the log API answered `job: null`; null before the first answer. */
  jobFound: boolean | null;
  /** A final catch-up ran after the job finished: no more requests. */
  done: boolean;
  /** When a response last arrived. */
  updatedAt: number | null;
  /** The job's highest log id according to the server (`X-Last-Log-Id`), when it says. */
  serverLastId: number | null;
  /** Older lines are still being backfilled (the tail was shown first). */
  backfilling: boolean;
  /** Consecutive failed polls; 0 when the last one succeeded. */
  errorAttempt: number;
  error: unknown;
}

export function initialTail(now: number): TailState {
  return {
    lastLinesAt: now,
    interval: POLL_INTERVAL_MS,
    progress: null,
    jobFound: null,
    done: false,
    updatedAt: null,
    serverLastId: null,
    backfilling: false,
    errorAttempt: 0,
    error: null,
  };
}

export function errorDelay(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_ERROR_DELAY_MS);
}

/** A missing token the operator declined to give: polling waits for them. */
export function needsToken(state: TailState): boolean {
  return isApiError(state.error) && state.error.kind === 'unauthorized';
}

/** How long to wait before the next poll; false: no more polls. */
export function pollDelay(state: TailState): number | false {
  if (state.done || needsToken(state)) return false;
  if (state.errorAttempt > 0) return errorDelay(state.errorAttempt);
  return state.backfilling ? BACKFILL_GAP_MS : state.interval;
}

export interface PageResult {
  job: { progress?: string | null } | null;
  lines: LogLine[];
  lastLogIdHeader: number | null;
}

export interface CatchUpResult {
  /** New lines over every page of this catch-up. */
  added: number;
  requests: number;
  /** The last page's answer, when one arrived. */
  progress: string | null;
  jobFound: boolean | null;
  serverLastId: number | null;
  /** Whether the last request got an answer that showed nothing more to fetch. */
  caughtUp: boolean;
  /** Set when a request failed; lines from earlier pages are kept in the store. */
  error: unknown;
}

export interface CatchUpOptions {
  fetchPage: (lastLogId: number, signal?: AbortSignal) => Promise<PageResult>;
  store: LogStore;
  signal?: AbortSignal;
  /** Stops asking while the tab is hidden; the tab's return starts a new catch-up. */
  isHidden?: () => boolean;
  /** Called after each page is in the store; `index` 0 is the catch-up's first page. */
  onPage?: (store: LogStore, page: PageResult, index: number) => void;
  /** The id the next request asks after; the highest id held unless the tail jumped ahead. */
  cursor?: () => number;
}

/**
 * Asks for the lines after the highest id held, again at once while answers bring new lines
 * (a server may cap a response), until one brings none or the server's last id is reached.
 * Throws only when `signal` aborts.
 */
export async function catchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const { fetchPage, store, signal, isHidden, onPage } = options;
  const cursor = options.cursor ?? (() => store.maxId);
  const result: CatchUpResult = {
    added: 0,
    requests: 0,
    progress: null,
    jobFound: null,
    serverLastId: null,
    caughtUp: false,
    error: null,
  };
  for (;;) {
    let page: PageResult;
    result.requests++;
    try {
      page = await fetchPage(cursor(), signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      result.error = error;
      return result;
    }
    const { added } = store.append(page.lines);
    result.added += added;
    result.jobFound = page.job !== null;
    result.progress = page.job?.progress ?? null;
    result.serverLastId = page.lastLogIdHeader;
    onPage?.(store, page, result.requests - 1);
    const reachedServerEnd = page.lastLogIdHeader !== null && store.maxId >= page.lastLogIdHeader;
    if (added === 0 || reachedServerEnd || page.job === null) {
      result.caughtUp = true;
      return result;
    }
    if (isHidden?.()) return result;
  }
}

export interface AfterCatchUpContext {
  now: number;
  /** The Jobs API said the job is over when this catch-up began (its log API may not say so). */
  jobTerminal: boolean;
  /** Older lines remain to be backfilled: the tail is not done until they are in. */
  backfilling?: boolean;
}

export function afterCatchUp(
  state: TailState,
  result: CatchUpResult,
  { now, jobTerminal, backfilling = false }: AfterCatchUpContext,
): TailState {
  const answered = result.error === null || result.requests > 1;
  const next: TailState = { ...state };
  if (answered) {
    next.updatedAt = now;
    next.progress = result.progress;
    next.jobFound = result.jobFound;
    next.serverLastId = result.serverLastId;
  }
  if (result.added > 0) {
    next.lastLinesAt = now;
    next.interval = POLL_INTERVAL_MS;
  } else if (answered && now - state.lastLinesAt >= IDLE_AFTER_MS) {
    next.interval = Math.min(IDLE_POLL_INTERVAL_MS, Math.round(state.interval * IDLE_GROWTH));
  }
  next.backfilling = backfilling;
  next.errorAttempt = result.error === null ? 0 : state.errorAttempt + 1;
  next.error = result.error;
  // Stop only after a whole catch-up that began once the end was known: the final request.
  const endKnown = jobTerminal || isTerminalProgress(state.progress);
  if (endKnown && result.caughtUp && result.error === null && !backfilling) next.done = true;
  return next;
}

/** The log API just reported the job's end (not at the first answer: then it was over already). */
export function becameTerminal(before: TailState, after: TailState): boolean {
  return (
    before.progress !== null &&
    !isTerminalProgress(before.progress) &&
    isTerminalProgress(after.progress)
  );
}
