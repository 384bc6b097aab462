/**
 * One poll of the log tail: the catch-up first (jumping to the tail of a huge log on its first
 * page), then, while time remains in the slice, requests for older lines to backfill. Requests
 * run one after another, never side by side, and the tail always goes first, so a live log stays
 * as fresh as when there is nothing to backfill.
 */
import { catchUp, POLL_INTERVAL_MS, type CatchUpResult, type PageResult } from './logTail';
import type { LogStore } from './logStore';
import {
  backfillDone,
  finishBlock,
  nextBlock,
  planJump,
  takeBlockPage,
  type Backfill,
} from './tailPlan';

export interface PollOptions {
  fetchPage: (lastLogId: number, signal?: AbortSignal) => Promise<PageResult>;
  store: LogStore;
  /** The backfill under way (mutated in place), or null before the first page. */
  backfill: Backfill | null;
  signal?: AbortSignal;
  isHidden?: () => boolean;
  now: () => number;
  /** How long older lines may be fetched before the tail is asked again. */
  sliceMs?: number;
  /** Keep fetching older lines while the tab is hidden (a download waits for them). */
  drive?: boolean;
}

export interface PollResult {
  /** The tail's catch-up, with the backfill's requests and error folded in. */
  catchUp: CatchUpResult;
  backfill: Backfill | null;
  /** Older lines inserted by this poll. */
  older: number;
}

export async function runPoll(options: PollOptions): Promise<PollResult> {
  const { fetchPage, store, signal, isHidden, now, drive = false } = options;
  const sliceMs = options.sliceMs ?? POLL_INTERVAL_MS;
  let backfill = options.backfill;
  const startedEmpty = store.size === 0;
  const tail = await catchUp({
    fetchPage,
    store,
    signal,
    isHidden,
    // While a backfill exists the tail reads after the gap it leaves, never into it.
    cursor: () => Math.max(store.maxId, backfill?.gapTo ?? 0),
    onPage: (_store, page, index) => {
      if (index === 0 && startedEmpty && backfill === null) backfill = planJump(page);
    },
  });
  const result: PollResult = { catchUp: tail, backfill, older: 0 };
  if (tail.error !== null || !backfill) return result;

  const start = now();
  while (!backfillDone(backfill) && now() - start < sliceMs) {
    if (!drive && isHidden?.()) break;
    const block = (backfill.block ??= nextBlock(backfill));
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
    if (takeBlockPage(block, page)) {
      result.older += store.insertRun(block.lines);
      finishBlock(backfill, block);
    }
  }
  return result;
}
