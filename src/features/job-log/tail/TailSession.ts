/**
 * One job's live log, owned in one place: the lines held, where the tail stands, the backfill of
 * older lines, and the poll that moves them. The logs query's function calls `poll`; the timing
 * rules stay pure in `tailPolicy.ts` (when to ask, when to stop) and `backfillPlan.ts` (which
 * older lines next), and `runPoll` makes one poll's requests.
 */
import { LogStore } from '../store/LogStore';
import { backfillDone, backfillProgress, type Backfill } from './backfillPlan';
import { runPoll, type PollResult } from './runPoll';
import {
  afterCatchUp,
  becameTerminal,
  firstRequest,
  initialTail,
  isReading,
  pollDelay,
  requestRecheck,
  type PageRequest,
  type TailState,
} from './tailPolicy';
import type { FetchPage } from './catchUp';

/** What a render reads: a new object after every poll, so React sees the change. */
export interface TailSnapshot {
  readonly session: TailSession;
  /** Appended in place between snapshots; replaced when the log is read again from scratch. */
  readonly store: LogStore;
  readonly tail: TailState;
  readonly backfill: Backfill | null;
  /** The gateway epoch of the lines in `store`; null before a gateway answered. */
  readonly epoch: number | null;
}

export interface TailEnvironment {
  now: () => number;
  /** The tab is hidden: the catch-up stops early and older lines wait (unless downloading). */
  isHidden: () => boolean;
}

const browser: TailEnvironment = {
  now: () => Date.now(),
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
};

export interface PollOutcome {
  snapshot: TailSnapshot;
  /** The log API just reported the job's end: the job's own data is worth reading again. */
  becameTerminal: boolean;
}

export class TailSession {
  private store = new LogStore();
  private tail: TailState;
  private backfill: Backfill | null = null;
  /** The gateway epoch of the lines in `store`; null before a gateway answered. */
  private epoch: number | null = null;
  /** The Jobs API said the job is over: the next whole catch-up is the last. Never unset. */
  private jobTerminal = false;
  /** Downloads waiting for the whole log: older lines are fetched even in a hidden tab. */
  private downloads = 0;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly env: TailEnvironment = browser,
  ) {
    this.tail = initialTail(env.now());
  }

  snapshot(): TailSnapshot {
    const { store, tail, backfill, epoch } = this;
    return { session: this, store, tail, backfill, epoch };
  }

  markTerminal(): void {
    this.jobTerminal = true;
  }

  /** "Check again": the next poll asks the gateway to look for a missing log again. */
  recheck(): TailSnapshot {
    this.tail = requestRecheck(this.tail);
    return this.snapshot();
  }

  /** Runs `fn` (polls until the whole log is held) with older lines fetched even when hidden. */
  async downloading<T>(fn: () => Promise<T>): Promise<T> {
    this.downloads++;
    try {
      return await fn();
    } finally {
      this.downloads--;
    }
  }

  /** What is held covers the whole log the server reported, older lines included. */
  holdsWholeLog(): boolean {
    const { serverLastId } = this.tail;
    const tailHeld = serverLastId === null || this.store.maxId >= serverLastId;
    return tailHeld && backfillDone(this.backfill);
  }

  /** Lines held plus the share of the backfill read: grows while a download makes progress. */
  progress(): number {
    return this.store.size + (this.backfill ? backfillProgress(this.backfill) : 0);
  }

  /**
   * One poll: a whole catch-up, then older lines while the slice lasts. A failed request does
   * not throw: it goes into the tail state (lines stay, the next poll backs off); only an abort
   * throws, leaving the state as it was.
   */
  async poll(signal?: AbortSignal): Promise<PollOutcome> {
    const terminal = this.jobTerminal;
    const drive = this.downloads > 0;
    const before = this.tail;
    let polled = await this.run(signal, firstRequest(before, { jobTerminal: terminal, drive }));
    if (polled.catchUp.epochChanged) {
      // The gateway found that lines it served were incomplete: those held may have holes.
      // Read the log again from scratch, as on first open.
      this.restart();
      polled = await this.run(signal);
    }
    const { catchUp, backfill } = polled;
    this.backfill = backfill;
    this.epoch = catchUp.epoch;
    this.tail = afterCatchUp(this.tail, catchUp, {
      now: this.env.now(),
      jobTerminal: terminal,
      backfilling: !backfillDone(backfill),
    });
    // The Jobs API said the job is over while this poll ran (the route's loader starts the
    // first poll before the job is known): the final catch-up follows now, not a poll later.
    if (
      !terminal &&
      this.jobTerminal &&
      this.tail.errorAttempt === 0 &&
      pollDelay(this.tail) !== false
    ) {
      const final = await this.poll(signal);
      return { snapshot: final.snapshot, becameTerminal: becameTerminal(before, this.tail) };
    }
    return { snapshot: this.snapshot(), becameTerminal: becameTerminal(before, this.tail) };
  }

  private run(signal: AbortSignal | undefined, first?: PageRequest): Promise<PollResult> {
    return runPoll({
      fetchPage: this.fetchPage,
      store: this.store,
      backfill: this.backfill,
      epoch: this.epoch,
      afterReading: isReading(this.tail),
      first,
      signal,
      isHidden: this.env.isHidden,
      now: this.env.now,
      drive: this.downloads > 0,
    });
  }

  private restart(): void {
    this.store = new LogStore();
    this.tail = initialTail(this.env.now());
    this.backfill = null;
    this.epoch = null;
  }
}
