/**
 * Tail first: when a huge log's first page shows that many more pages remain, the tail asks next
 * for a window just before the server's last id, and the gap between the first page and that
 * window is backfilled from the newest end down, in blocks of ids. Pure planning over immutable
 * values, no requests: the tail session holds the current plan and replaces it as it goes.
 */
import type { LogLine } from '../model/logLine';

/** Lines the window before the last id should bring (a screenful and plenty of scroll-back). */
export const WINDOW_LINES = 1_250;
/** Jump only when reading forward would take at least this many more pages. */
export const JUMP_MIN_PAGES = 4;
/** A backfill block spans about this many pages of lines. */
export const BLOCK_PAGES = 5;

export interface Backfill {
  /** The highest id of the first page: the gap's exclusive lower end. */
  readonly gapFrom: number;
  /** The window was asked after this id: the gap's inclusive upper end. */
  readonly gapTo: number;
  /** Lines whose ids are in (filledFrom, gapTo] are held; done once filledFrom <= gapFrom. */
  readonly filledFrom: number;
  /** Ids between consecutive lines of this job, on average (other jobs share the sequence). */
  readonly idsPerLine: number;
  readonly blockLines: number;
  /** The block under way: ids in (from, to], read forward and held aside until complete. */
  readonly block: Block | null;
}

export interface Block {
  readonly from: number;
  readonly to: number;
  /** The next request asks after this id. */
  readonly cursor: number;
  readonly lines: readonly LogLine[];
  /** Nothing more lies inside: its lines can go into the store. */
  readonly complete: boolean;
}

export interface FirstPage {
  lines: readonly LogLine[];
  lastLogIdHeader: number | null;
}

/** The backfill a first page calls for, or null to read forward from it as before. */
export function planJump(page: FirstPage): Backfill | null {
  const { lines, lastLogIdHeader: lastId } = page;
  const n = lines.length;
  if (lastId === null || n === 0) return null;
  const firstId = lines[0]!.id;
  const maxId = lines[n - 1]!.id;
  // The first response already reached the end (an uncapped server, a small log).
  if (lastId <= maxId) return null;
  const idsPerLine = n > 1 ? Math.max(1, (maxId - firstId) / (n - 1)) : 1;
  if ((lastId - maxId) / idsPerLine < JUMP_MIN_PAGES * n) return null;
  const gapTo = Math.floor(lastId - WINDOW_LINES * idsPerLine);
  if (gapTo <= maxId) return null;
  return {
    gapFrom: maxId,
    gapTo,
    filledFrom: gapTo,
    idsPerLine,
    blockLines: BLOCK_PAGES * n,
    block: null,
  };
}

export function backfillDone(backfill: Backfill | null): boolean {
  return backfill === null || (backfill.block === null && backfill.filledFrom <= backfill.gapFrom);
}

/** The share of the gap's ids held or read so far, 0..1. */
export function backfillProgress(backfill: Backfill): number {
  const span = backfill.gapTo - backfill.gapFrom;
  if (span <= 0 || backfillDone(backfill)) return 1;
  const { block } = backfill;
  const read = backfill.gapTo - backfill.filledFrom + (block ? block.cursor - block.from : 0);
  return Math.min(1, Math.max(0, read / span));
}

/** The block just below what is filled: ids in (from, filledFrom]. */
export function nextBlock(backfill: Backfill): Block {
  const to = backfill.filledFrom;
  const span = Math.max(1, Math.round(backfill.blockLines * backfill.idsPerLine));
  const from = Math.max(backfill.gapFrom, to - span);
  return { from, to, cursor: from, lines: [], complete: false };
}

/** The block to read next: the one under way, or a new one just below what is filled. */
export function currentBlock(backfill: Backfill): Block {
  return backfill.block ?? nextBlock(backfill);
}

export interface BlockPage {
  job: unknown;
  /** Sorted by id, all above the cursor asked after. */
  lines: readonly LogLine[];
}

/**
 * The block with one forward page taken in. It is complete when the page reached past its upper
 * end, or brought nothing (or the job is gone), so nothing more lies inside it.
 */
export function takeBlockPage(block: Block, page: BlockPage): Block {
  const taken = page.lines.filter((line) => line.id > block.cursor && line.id <= block.to);
  const lines = taken.length > 0 ? [...block.lines, ...taken] : block.lines;
  const last = page.lines[page.lines.length - 1];
  if (page.job === null || !last || last.id >= block.to) {
    return { ...block, lines, cursor: block.to, complete: true };
  }
  return { ...block, lines, cursor: Math.max(block.cursor, last.id) };
}

/** The plan with a block under way (its progress is kept between polls). */
export function withBlock(backfill: Backfill, block: Block): Backfill {
  return { ...backfill, block };
}

/** The block is in the store: the filled part grows down to its lower end. */
export function finishBlock(backfill: Backfill, block: Block): Backfill {
  const filledFrom = block.from;
  const span = block.to - block.from;
  // A stretch without this job's lines: take bigger steps; else follow the density just seen.
  const idsPerLine =
    block.lines.length > 0
      ? Math.max(1, span / block.lines.length)
      : Math.min(backfill.idsPerLine * 2, Math.max(1, filledFrom - backfill.gapFrom));
  return { ...backfill, filledFrom, idsPerLine, block: null };
}
