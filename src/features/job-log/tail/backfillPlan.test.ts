import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import type { LogLine } from '../model/logLine';
import {
  BLOCK_PAGES,
  WINDOW_LINES,
  backfillDone,
  backfillProgress,
  currentBlock,
  finishBlock,
  nextBlock,
  planJump,
  takeBlockPage,
  withBlock,
} from './backfillPlan';

const line = (id: number): LogLine => testLine(id, 'INFO', '');
/** `n` lines from `first`, `step` ids apart (other jobs take the ids between). */
const lines = (first: number, n: number, step = 1) =>
  Array.from({ length: n }, (_, i) => line(first + i * step));

describe('planJump', () => {
  it('jumps to a window of about WINDOW_LINES before the last id, estimating the id density', () => {
    const plan = planJump({ lines: lines(1000, 2000, 3), lastLogIdHeader: 100_000 })!;
    expect(plan.gapFrom).toBe(1000 + 1999 * 3);
    expect(plan.idsPerLine).toBe(3);
    expect(plan.gapTo).toBe(100_000 - WINDOW_LINES * 3);
    expect(plan.filledFrom).toBe(plan.gapTo);
    expect(plan.blockLines).toBe(BLOCK_PAGES * 2000);
    expect(backfillDone(plan)).toBe(false);
    expect(backfillProgress(plan)).toBe(0);
  });

  it('does not jump without the header, when the page reached the last id, or when few pages remain', () => {
    expect(planJump({ lines: lines(1, 2000), lastLogIdHeader: null })).toBeNull();
    // An uncapped server (LOG_PAGE_LIMIT=0) sent everything at once.
    expect(planJump({ lines: lines(1, 30_000), lastLogIdHeader: 30_000 })).toBeNull();
    expect(planJump({ lines: [], lastLogIdHeader: 5 })).toBeNull();
    // 4,500 lines in pages of 2,000: reading forward is as quick as jumping.
    expect(planJump({ lines: lines(1, 2000), lastLogIdHeader: 4500 })).toBeNull();
    expect(planJump({ lines: lines(1, 2000), lastLogIdHeader: 2000 + 4 * 2000 })).not.toBeNull();
  });
});

describe('backfill blocks', () => {
  it('walks down from the window in blocks, each read forward until it passes its upper end', () => {
    const planned = planJump({ lines: lines(1, 2000, 2), lastLogIdHeader: 200_000 })!;
    const first = currentBlock(planned);
    expect(first.to).toBe(planned.gapTo);
    expect(first.from).toBe(planned.gapTo - planned.blockLines * 2);
    expect(first.cursor).toBe(first.from);

    const partial = takeBlockPage(first, { job: {}, lines: lines(first.from + 2, 2000, 2) });
    expect(partial.complete).toBe(false);
    expect(partial.cursor).toBe(first.from + 4000);
    // Pure: the block taken from is unchanged.
    expect(first.lines).toHaveLength(0);
    const plan = withBlock(planned, partial);
    expect(currentBlock(plan)).toBe(partial);
    expect(backfillProgress(plan)).toBeCloseTo(4000 / (plan.gapTo - plan.gapFrom));
    // The last page runs past the block: what lies above its end is held already, and dropped.
    const done = takeBlockPage(partial, { job: {}, lines: lines(partial.cursor + 2, 9000, 2) });
    expect(done.complete).toBe(true);
    expect(done.lines.at(-1)!.id).toBeLessThanOrEqual(done.to);
    expect(done.lines).toHaveLength((done.to - done.from) / 2);

    const next = finishBlock(plan, done);
    expect(next.filledFrom).toBe(done.from);
    expect(next.idsPerLine).toBe(2);
    expect(next.block).toBeNull();
    expect(plan.filledFrom).toBe(planned.gapTo);
    const second = currentBlock(next);
    expect(second.to).toBe(done.from);
  });

  it('the lowest block stops at the first page, and the backfill is then done', () => {
    const plan = planJump({ lines: lines(1, 2000), lastLogIdHeader: 10_000 })!;
    const block = currentBlock(plan);
    expect(block.from).toBe(plan.gapFrom);
    const page = { job: {}, lines: lines(block.from + 1, plan.gapTo - block.from + 5) };
    const done = finishBlock(plan, takeBlockPage(block, page));
    expect(backfillDone(done)).toBe(true);
    expect(backfillProgress(done)).toBe(1);
  });

  it('an empty page or a vanished job completes a block; a block without lines widens the next', () => {
    const plan = planJump({ lines: lines(1, 2000), lastLogIdHeader: 1_000_000 })!;
    const block = takeBlockPage(currentBlock(plan), { job: null, lines: [] });
    expect(block.complete).toBe(true);
    const next = finishBlock(plan, block);
    expect(next.idsPerLine).toBe(2);
    expect(nextBlock(next).to - nextBlock(next).from).toBe(next.blockLines * 2);
  });
});
