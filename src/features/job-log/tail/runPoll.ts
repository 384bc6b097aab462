/**
 * One poll of the log tail: the catch-up first (jumping to the tail of a huge log on its first
 * page), then, while time remains in the slice, requests for older lines to backfill. Requests
 * run one after another, never side by side, and the tail always goes first, so a live log stays
 * as fresh as when there is nothing to backfill.
 */
import { catchUp, sameEpoch, type CatchUpResult, type FetchPage, type PageResult } from './catchUp';
import { POLL_INTERVAL_MS, type PageRequest } from './tailPolicy';
import type { LogStore } from '../store/LogStore';
import {
  backfillDone,
  currentBlock,
  finishBlock,
  planJump,
  takeBlockPage,
  withBlock,
  type Backfill,
} from './backfillPlan';

export interface PollOptions {
  fetchPage: FetchPage;
  store: LogStore;
  /** The backfill under way, or null before the first page; the result holds its next state. */
  backfill: Backfill | null;
  signal?: AbortSignal;
  isHidden?: () => boolean;
  now: () => number;
  /** How long older lines may be fetched before the tail is asked again. */
  sliceMs?: number;
  /** Keep fetching older lines while the tab is hidden (a download waits for them). */
  drive?: boolean;
  /** What the tail's first request asks besides the cursor (a wait, a recheck). */
  first?: PageRequest;
  /** The gateway epoch of the lines held; null when none was seen yet. */
  epoch?: number | null;
  /**
   * The last answer said the gateway was still reading the log: what is held was read forward
   * from the start, and the first answer after the read may show the tail far ahead.
   */
  afterReading?: boolean;
}

export interface PollResult {
  /**
   * The tail's catch-up, with the backfill's requests, error and epoch folded in. On
   * `epochChanged` the poll stopped: what is held may have holes and must be read again.
   */
  catchUp: CatchUpResult;
  backfill: Backfill | null;
  /** Older lines inserted by this poll. */
  older: number;
}

export async function runPoll(options: PollOptions): Promise<PollResult> {
  const { fetchPage, store, signal, isHidden, now, drive = false, first, epoch } = options;
  const sliceMs = options.sliceMs ?? POLL_INTERVAL_MS;
  let backfill = options.backfill;
  const startedEmpty = store.size === 0;
  const tail = await catchUp({
    fetchPage,
    store,
    signal,
    isHidden,
    first,
    epoch,
    // While a backfill exists the tail reads after the gap it leaves, never into it.
    cursor: () => Math.max(store.maxId, backfill?.gapTo ?? 0),
    onPage: (_store, page, index) => {
      const opening = startedEmpty || options.afterReading === true;
      if (index === 0 && opening && backfill === null && page.gateway?.state !== 'reading') {
        backfill = planJump(page);
      }
    },
  });
  const result: PollResult = { catchUp: tail, backfill, older: 0 };
  if (tail.error !== null || tail.epochChanged || !backfill) return result;

  const start = now();
  while (!backfillDone(backfill) && now() - start < sliceMs) {
    if (!drive && isHidden?.()) break;
    const block = currentBlock(backfill);
    tail.requests++;
    let page: PageResult;
    try {
      page = await fetchPage(block.cursor, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      // Kept: the block's lines so far and its cursor; the next poll backs off, then resumes.
      tail.error = error;
      break;
    }
    if (!sameEpoch(tail, page)) break;
    const taken = takeBlockPage(block, page);
    if (taken.complete) {
      result.older += store.insertRun(taken.lines);
      backfill = finishBlock(backfill, taken);
    } else {
      backfill = withBlock(backfill, taken);
    }
    result.backfill = backfill;
  }
  return result;
}
