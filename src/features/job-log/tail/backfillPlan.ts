/**
 * Tail first: when a huge log's first page shows that many more pages remain, the tail asks next
 * for a window just before the server's last id, and the gap between the first page and that
 * window is backfilled from the newest end down, in blocks of ids. Pure planning, no requests.
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
  filledFrom: number;
  /** Ids between consecutive lines of this job, on average (other jobs share the sequence). */
  idsPerLine: number;
  readonly blockLines: number;
  /** The block under way: ids in (from, to], read forward and held aside until complete. */
  block: Block | null;
}

export interface Block {
  readonly from: number;
  readonly to: number;
  /** The next request asks after this id. */
  cursor: number;
  lines: LogLine[];
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
  return { from, to, cursor: from, lines: [] };
}

export interface BlockPage {
  job: unknown;
  /** Sorted by id, all above the cursor asked after. */
  lines: readonly LogLine[];
}

/**
 * Takes one forward page into the block; true when the block is complete: the page reached past
 * its upper end, or brought nothing (or the job is gone), so nothing more lies inside it.
 */
export function takeBlockPage(block: Block, page: BlockPage): boolean {
  const { lines } = page;
  for (const line of lines) {
    if (line.id > block.cursor && line.id <= block.to) block.lines.push(line);
  }
  const last = lines[lines.length - 1];
  if (page.job === null || !last || last.id >= block.to) {
    block.cursor = block.to;
    return true;
  }
  block.cursor = Math.max(block.cursor, last.id);
  return false;
}

/** The block is in the store: the filled part grows down to its lower end. */
export function finishBlock(backfill: Backfill, block: Block): void {
  backfill.filledFrom = block.from;
  backfill.block = null;
  const span = block.to - block.from;
  // A stretch without this job's lines: take bigger steps; else follow the density just seen.
  backfill.idsPerLine =
    block.lines.length > 0
      ? Math.max(1, span / block.lines.length)
      : Math.min(backfill.idsPerLine * 2, Math.max(1, backfill.filledFrom - backfill.gapFrom));
}
