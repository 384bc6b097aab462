/**
 * The catch-up one poll runs: ask after the highest id held, again at once while answers bring
 * lines, until the log is caught up. Its result feeds `afterCatchUp` in `tailPolicy.ts`.
 */
import type { LogGatewayStatus } from '../../../contract';
import type { LogLine } from '../model/logLine';
import type { LogStore } from '../store/LogStore';
import type { PageRequest } from './tailPolicy';

export interface PageResult {
  job: { progress?: string | null } | null;
  lines: LogLine[];
  lastLogIdHeader: number | null;
  /** Absent or null without a gateway. */
  gateway?: LogGatewayStatus | null;
}

export type FetchPage = (
  lastLogId: number,
  signal?: AbortSignal,
  request?: PageRequest,
) => Promise<PageResult>;

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
  /** The last answer's gateway status. */
  gateway: LogGatewayStatus | null;
  /** The gateway held the first request until new lines came (or its wait ran out). */
  longPoll: boolean;
  /** The epoch of the lines held: the caller's, or the first answer's when it had none. */
  epoch: number | null;
  /**
   * An answer came from another epoch than the lines held, which may have holes: it was not
   * taken, and the catch-up stopped. The caller reads the log again from scratch.
   */
  epochChanged: boolean;
}

export interface CatchUpOptions {
  fetchPage: FetchPage;
  store: LogStore;
  signal?: AbortSignal;
  /** Stops asking while the tab is hidden; the tab's return starts a new catch-up. */
  isHidden?: () => boolean;
  /** Called after each page is in the store; `index` 0 is the catch-up's first page. */
  onPage?: (store: LogStore, page: PageResult, index: number) => void;
  /** The id the next request asks after; the highest id held unless the tail jumped ahead. */
  cursor?: () => number;
  /** What the first request asks besides the cursor (the others never wait). */
  first?: PageRequest;
  /** The gateway epoch of the lines held; null when none was seen yet. */
  epoch?: number | null;
}

/** Takes a page's epoch into `result`; false when it differs from the epoch of what is held. */
export function sameEpoch(result: CatchUpResult, page: PageResult): boolean {
  const epoch = page.gateway?.epoch;
  if (epoch === undefined) return true;
  result.epoch ??= epoch;
  if (epoch === result.epoch) return true;
  result.epochChanged = true;
  return false;
}

/**
 * Asks for the lines after the highest id held, again at once while answers bring new lines
 * (a server may cap a response), until one brings none or the server's last id is reached. Only
 * the first request may ask the gateway to wait. Stops without taking an answer of another epoch
 * than the lines held. Throws only when `signal` aborts.
 */
export async function catchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const { fetchPage, store, signal, isHidden, onPage, first } = options;
  const cursor = options.cursor ?? (() => store.maxId);
  const result: CatchUpResult = {
    added: 0,
    requests: 0,
    progress: null,
    jobFound: null,
    serverLastId: null,
    caughtUp: false,
    error: null,
    gateway: null,
    longPoll: false,
    epoch: options.epoch ?? null,
    epochChanged: false,
  };
  for (;;) {
    let page: PageResult;
    result.requests++;
    try {
      page = await fetchPage(cursor(), signal, result.requests === 1 ? first : undefined);
    } catch (error) {
      if (signal?.aborted) throw error;
      result.error = error;
      return result;
    }
    if (!sameEpoch(result, page)) return result;
    result.gateway = page.gateway ?? null;
    if (result.requests === 1) result.longPoll = page.gateway?.longPoll === true;
    const { added } = store.append(page.lines);
    result.added += added;
    result.jobFound = page.job !== null;
    result.progress = page.job?.progress ?? null;
    result.serverLastId = page.lastLogIdHeader;
    onPage?.(store, page, result.requests - 1);
    // The gateway is still reading the log: one page per poll, so each shows at once.
    if (page.gateway?.state === 'reading') return result;
    const reachedServerEnd = page.lastLogIdHeader !== null && store.maxId >= page.lastLogIdHeader;
    if (added === 0 || reachedServerEnd || page.job === null) {
      result.caughtUp = true;
      return result;
    }
    if (isHidden?.()) return result;
  }
}
