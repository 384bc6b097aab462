/**
 * The log tail's state machine: when to ask the Job log API again, and when to stop.
 *
 * Pure functions over `TailState`; `catchUp.ts` holds the loop one poll runs. The query in `logTailQuery.ts`
 * feeds them to TanStack Query (`refetchInterval: pollDelay(...)`), so they hold every timing
 * rule in one place and can be tested with a fake clock.
 */
import { isApiError } from '../../../api/errors';
import type { LogGatewayStatus } from '../../../contract';
import type { CatchUpResult } from './catchUp';

/** Wait between polls that bring nothing, while lines keep coming. */
export const POLL_INTERVAL_MS = 2_000;
/** After this long without new lines, polls space out gradually ... */
export const IDLE_AFTER_MS = 60_000;
/** ... up to this. */
export const IDLE_POLL_INTERVAL_MS = 10_000;
const IDLE_GROWTH = 1.5;
/**
 * Between polls while the gateway reads a big log from the Job log API: each brings one page of
 * what it stored so far, and the first after the read ends opens the log at its tail.
 */
export const READING_POLL_MS = 500;
/** Between polls while older lines are still being backfilled. */
export const BACKFILL_GAP_MS = 50;
/** Failed requests are retried after 1 s, 2 s, 4 s, ... up to this. */
export const MAX_ERROR_DELAY_MS = 30_000;
/**
 * A live gateway may hold a poll's first request this long until new lines come (its limit is
 * MAX_LOG_WAIT_SECONDS); the client's timeout grows by as much.
 */
export const LONG_POLL_WAIT_SECONDS = 8;
/** Between polls while the gateway holds requests: its wait paces the loop, not this gap. */
export const LONG_POLL_GAP_MS = 100;

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
  /** The last poll ended with an answer that showed nothing more to fetch. */
  caughtUp: boolean;
  /** The gateway's status in the last answer; null without a gateway (log cache off). */
  gateway: LogGatewayStatus | null;
  /** The gateway held the last poll's first request: the next may wait too, without a pause. */
  longPoll: boolean;
  /** The next poll asks the gateway to look for a missing log again ("Check again"). */
  recheck: boolean;
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
    caughtUp: false,
    gateway: null,
    longPoll: false,
    recheck: false,
  };
}

export function errorDelay(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_ERROR_DELAY_MS);
}

/** A missing token the operator declined to give: polling waits for them. */
export function needsToken(state: TailState): boolean {
  return isApiError(state.error) && state.error.kind === 'unauthorized';
}

/** The gateway is still reading the log from the Job log API: more lines are on their way. */
export function isReading(state: TailState): boolean {
  return state.gateway?.state === 'reading';
}

/** The gateway found no log for this job: nothing to poll for until the operator rechecks. */
function isMissing(state: TailState): boolean {
  return state.gateway?.state === 'missing';
}

/**
 * The next poll's first request may ask the gateway to hold it until new lines come: the last
 * poll caught up without trouble, nothing is being backfilled, and the gateway tails the job.
 */
export function mayWait(state: TailState): boolean {
  return (
    state.caughtUp &&
    state.errorAttempt === 0 &&
    !state.backfilling &&
    !state.done &&
    !isTerminalProgress(state.progress) &&
    state.gateway?.state === 'live'
  );
}

/** How long to wait before the next poll; false: no more polls. */
export function pollDelay(state: TailState): number | false {
  if (state.done || needsToken(state)) return false;
  if (state.errorAttempt > 0) return errorDelay(state.errorAttempt);
  if (state.backfilling) return BACKFILL_GAP_MS;
  if (isReading(state)) return READING_POLL_MS;
  // Only after a held answer: a gateway that answers at once is not asked again at once.
  return state.longPoll && mayWait(state) ? LONG_POLL_GAP_MS : state.interval;
}

/** What a poll's first request asks the gateway besides the cursor. */
export interface PageRequest {
  waitSeconds?: number;
  recheck?: boolean;
}

/**
 * The next poll's first request. It does not wait when the Jobs API already says the job is over
 * (the final catch-up) or a download drives the poll: both want what is there now.
 */
export function firstRequest(
  state: TailState,
  { jobTerminal, drive = false }: { jobTerminal: boolean; drive?: boolean },
): PageRequest {
  const request: PageRequest = {};
  if (!jobTerminal && !drive && mayWait(state)) request.waitSeconds = LONG_POLL_WAIT_SECONDS;
  if (state.recheck) request.recheck = true;
  return request;
}

/** "Check again": one more poll, which asks the gateway to look for the missing log again. */
export function requestRecheck(state: TailState): TailState {
  return { ...state, done: false, recheck: true };
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
    next.gateway = result.gateway;
    next.recheck = false;
  }
  next.longPoll = result.longPoll;
  if (result.added > 0) {
    next.lastLinesAt = now;
    next.interval = POLL_INTERVAL_MS;
  } else if (answered && !result.longPoll && now - state.lastLinesAt >= IDLE_AFTER_MS) {
    // A held request already waited: polls space out only when the gateway does not hold them.
    next.interval = Math.min(IDLE_POLL_INTERVAL_MS, Math.round(state.interval * IDLE_GROWTH));
  }
  next.backfilling = backfilling;
  next.caughtUp = result.caughtUp;
  next.errorAttempt = result.error === null ? 0 : state.errorAttempt + 1;
  next.error = result.error;
  const ok = result.caughtUp && result.error === null;
  // Stop only after a whole catch-up that began once the end was known: the final request.
  // Behind the gateway, only its own final read vouches for the whole log: while it still tails
  // the job (the Jobs API may report the end before the gateway's last read of the Job log API),
  // reads it, or fails to reach it, more lines may come.
  const endKnown = jobTerminal || isTerminalProgress(state.progress);
  const gatewayDone = next.gateway === null || next.gateway.state === 'final';
  if (endKnown && ok && !backfilling && gatewayDone) next.done = true;
  if (ok && isMissing(next)) next.done = true;
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
