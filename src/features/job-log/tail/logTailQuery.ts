/** The live tail as a query: `useLogTail` keeps a job's log growing by cursor. */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { jobKeys, logKeys } from '../../../api/queryKeys';
import { LogStore } from '../store/LogStore';
import {
  afterCatchUp,
  becameTerminal,
  firstRequest,
  initialTail,
  isReading,
  mayWait,
  pollDelay,
  requestRecheck,
  type PageRequest,
  type TailState,
} from './tailPolicy';
import { backfillDone, backfillProgress, type Backfill } from './backfillPlan';
import { runPoll } from './runPoll';
import { fetchLogPage } from '../api/fetchLogPage';

/**
 * The tail's cache entry: the store is mutable and appended in place; `tail` is replaced. When a
 * huge log was opened at its tail, `backfill` (mutable too) tracks the older lines still coming.
 */
export interface LogTailData {
  store: LogStore;
  tail: TailState;
  backfill: Backfill | null;
  /** The gateway epoch of the lines in `store`; null before a gateway answered. */
  epoch: number | null;
  /** Downloads waiting for the whole log: older lines are fetched even in a hidden tab. */
  drivers: { count: number };
}

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * One poll runs a whole catch-up. A failed request does not fail the query: the error goes into
 * `tail` (so lines stay, and `pollDelay` backs off with the attempt count); only an abort throws.
 */
export function logTailOptions(jobId: string, jobTerminal: boolean) {
  return queryOptions({
    queryKey: logKeys.job(jobId),
    // Read as each poll begins: a poll that begins once the Jobs API reports the end is the last.
    meta: { jobTerminal },
    queryFn: async ({ signal, client, meta, queryKey }): Promise<LogTailData> => {
      const terminal = meta?.jobTerminal === true;
      const previous = client.getQueryData<LogTailData>(queryKey) ?? emptyTail();
      const drive = previous.drivers.count > 0;
      const poll = (from: LogTailData, first?: PageRequest) =>
        runPoll({
          fetchPage: (lastLogId, s, request) =>
            fetchLogPage(jobId, lastLogId, { signal: s, ...request }),
          store: from.store,
          backfill: from.backfill,
          epoch: from.epoch,
          afterReading: isReading(from.tail),
          first,
          signal,
          isHidden,
          now: () => Date.now(),
          drive,
        });
      let from = previous;
      let polled = await poll(from, firstRequest(previous.tail, { jobTerminal: terminal, drive }));
      if (polled.catchUp.epochChanged) {
        // The gateway found that lines it served were incomplete: those held may have holes.
        // Read the log again from scratch, as on first open.
        from = { ...emptyTail(), drivers: previous.drivers };
        polled = await poll(from);
      }
      const { catchUp: result, backfill } = polled;
      const tail = afterCatchUp(from.tail, result, {
        now: Date.now(),
        jobTerminal: terminal,
        backfilling: !backfillDone(backfill),
      });
      if (becameTerminal(previous.tail, tail)) {
        // Exact: the logs query sits under the detail key and must not refetch itself.
        void client.invalidateQueries({ queryKey: jobKeys.detail(jobId), exact: true });
      }
      return { ...from, tail, backfill, epoch: result.epoch };
    },
    initialData: emptyTail,
    // Stale from the start, so mounting and the tab's return start a catch-up at once.
    initialDataUpdatedAt: 0,
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
    refetchInterval: (query) => (query.state.data ? pollDelay(query.state.data.tail) : false),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  });
}

function emptyTail(): LogTailData {
  return {
    store: new LogStore(),
    tail: initialTail(Date.now()),
    backfill: null,
    epoch: null,
    drivers: { count: 0 },
  };
}

export interface LogTail extends LogTailData {
  /** A request is under way. */
  fetching: boolean;
  /**
   * Fetches everything the server holds now, older lines still being backfilled included, even
   * when paused or finished (for a download).
   */
  fetchRest: () => Promise<LogTailData>;
  /** Asks again now (after a declined token prompt). */
  retry: () => void;
  /** Asks the gateway to look for a log it found missing again, and resumes if it is there. */
  recheck: () => void;
}

export function useLogTail(
  jobId: string,
  { jobTerminal, paused }: { jobTerminal: boolean; paused: boolean },
): LogTail {
  const client = useQueryClient();
  const options = logTailOptions(jobId, jobTerminal);
  const query = useQuery({
    ...options,
    enabled: (q) => !paused && !q.state.data?.tail.done,
  });
  const data = query.data;

  useEffect(() => {
    if (paused) void client.cancelQueries({ queryKey: logKeys.job(jobId), exact: true });
  }, [client, jobId, paused]);

  // The job just ended: one final catch-up now. A poll under way is joined, not cancelled; it
  // began before the end was known, so the next scheduled poll is the final one.
  const done = data.tail.done;
  useEffect(() => {
    if (jobTerminal && !paused && !done) {
      void client.refetchQueries(
        { queryKey: logKeys.job(jobId), exact: true },
        { cancelRefetch: false },
      );
    }
  }, [client, jobId, jobTerminal, paused, done]);

  const fetchRest = useCallback(
    () => fetchAll(client, logTailOptions(jobId, jobTerminal)),
    [client, jobId, jobTerminal],
  );
  const retry = useCallback(() => {
    void client.refetchQueries(
      { queryKey: logKeys.job(jobId), exact: true },
      { cancelRefetch: false },
    );
  }, [client, jobId]);
  const recheck = useCallback(() => {
    const queryKey = logKeys.job(jobId);
    // No longer done, so the query is enabled again and its next poll carries the recheck.
    client.setQueryData<LogTailData>(
      queryKey,
      (current) => current && { ...current, tail: requestRecheck(current.tail) },
    );
    void client.refetchQueries({ queryKey, exact: true }, { cancelRefetch: false });
  }, [client, jobId]);

  return { ...data, fetching: query.isFetching, fetchRest, retry, recheck };
}

/** Rounds in a row that may bring nothing before a download settles for what is held. */
const IDLE_ROUNDS = 5;

/** Everything the server holds now, for a download; exported for tests. */
export async function fetchAll(
  client: QueryClient,
  options: ReturnType<typeof logTailOptions>,
): Promise<LogTailData> {
  const current = client.getQueryData<LogTailData>(options.queryKey) ?? emptyTail();
  const { drivers } = current;
  drivers.count++;
  try {
    // A poll under way that the gateway holds until new lines come would keep the download
    // waiting for lines that may never come: it is cancelled (what it brought stays in the
    // store), and the rounds below ask without waiting.
    if (mayWait(current.tail) && client.isFetching({ queryKey: options.queryKey, exact: true })) {
      await client.cancelQueries({ queryKey: options.queryKey, exact: true });
    }
    // A poll under way is joined, not duplicated; a catch-up cut short (hidden tab) goes on, and
    // so does the backfill, one slice per round.
    let idle = 0;
    let seen = -1;
    while (idle < IDLE_ROUNDS) {
      const data = await client.fetchQuery({ ...options, staleTime: 0 });
      const { tail, store, backfill } = data;
      if (tail.error) throw tail.error;
      const tailHeld = tail.serverLastId === null || store.maxId >= tail.serverLastId;
      if (tailHeld && backfillDone(backfill)) return data;
      const progress = store.size + (backfill ? backfillProgress(backfill) : 0);
      idle = progress === seen ? idle + 1 : 0;
      seen = progress;
    }
    return client.getQueryData<LogTailData>(options.queryKey) ?? emptyTail();
  } finally {
    drivers.count--;
  }
}
