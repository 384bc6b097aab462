/** The Job log API: one page of a job's log after a cursor. */
import { apiRequest } from './client';
import { readLogPage } from './logRows';
import type { LogJob, LogLine } from './schemas';

export interface LogPageResult {
  /** null: the Job log API does not know this job. */
  job: LogJob | null;
  /** Lines with an id above the cursor, sorted by id, without duplicates. */
  lines: LogLine[];
  /** The job's highest log id (`X-Last-Log-Id`, bundled server only); null when absent. */
  lastLogIdHeader: number | null;
}

function parseLastLogId(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/**
 * Logs of `jobId` whose id is strictly greater than `lastLogId` (0: from the start). The bundled
 * server caps a page, so a caller keeps asking while pages bring lines.
 */
export async function fetchLogPage(
  jobId: string,
  lastLogId: number,
  { signal, timeoutMs }: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<LogPageResult> {
  const cursor = Math.max(0, Math.floor(lastLogId));
  const { data, headers } = await apiRequest(
    'logs',
    `/job/${encodeURIComponent(jobId)}/details/${cursor}`,
    { schema: (value) => readLogPage(value, cursor), signal, timeoutMs },
  );
  return { ...data, lastLogIdHeader: parseLastLogId(headers.get('X-Last-Log-Id')) };
}

// --- The live tail: `useLogTail` keeps a job's log growing by cursor. ---

import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { jobKeys } from './jobs';
import { LogStore } from './logStore';
import { afterCatchUp, becameTerminal, initialTail, pollDelay, type TailState } from './logTail';
import { backfillDone, backfillProgress, type Backfill } from './tailPlan';
import { runPoll } from './tailPoll';

/**
 * The tail's cache entry: the store is mutable and appended in place; `tail` is replaced. When a
 * huge log was opened at its tail, `backfill` (mutable too) tracks the older lines still coming.
 */
export interface LogTailData {
  store: LogStore;
  tail: TailState;
  backfill: Backfill | null;
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
    queryKey: jobKeys.logs(jobId),
    // Read as each poll begins: a poll that begins once the Jobs API reports the end is the last.
    meta: { jobTerminal },
    queryFn: async ({ signal, client, meta, queryKey }): Promise<LogTailData> => {
      const terminal = meta?.jobTerminal === true;
      const previous = client.getQueryData<LogTailData>(queryKey) ?? emptyTail();
      const { catchUp: result, backfill } = await runPoll({
        fetchPage: (lastLogId, s) => fetchLogPage(jobId, lastLogId, { signal: s }),
        store: previous.store,
        backfill: previous.backfill,
        signal,
        isHidden,
        now: () => Date.now(),
        drive: previous.drivers.count > 0,
      });
      const tail = afterCatchUp(previous.tail, result, {
        now: Date.now(),
        jobTerminal: terminal,
        backfilling: !backfillDone(backfill),
      });
      if (becameTerminal(previous.tail, tail)) {
        // Exact: the logs query sits under the detail key and must not refetch itself.
        void client.invalidateQueries({ queryKey: jobKeys.detail(jobId), exact: true });
      }
      return { ...previous, tail, backfill };
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
    if (paused) void client.cancelQueries({ queryKey: jobKeys.logs(jobId), exact: true });
  }, [client, jobId, paused]);

  // The job just ended: one final catch-up now. A poll under way is joined, not cancelled; it
  // began before the end was known, so the next scheduled poll is the final one.
  const done = data.tail.done;
  useEffect(() => {
    if (jobTerminal && !paused && !done) {
      void client.refetchQueries(
        { queryKey: jobKeys.logs(jobId), exact: true },
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
      { queryKey: jobKeys.logs(jobId), exact: true },
      { cancelRefetch: false },
    );
  }, [client, jobId]);

  return { ...data, fetching: query.isFetching, fetchRest, retry };
}

/** Rounds in a row that may bring nothing before a download settles for what is held. */
const IDLE_ROUNDS = 5;

async function fetchAll(
  client: QueryClient,
  options: ReturnType<typeof logTailOptions>,
): Promise<LogTailData> {
  const drivers = (client.getQueryData<LogTailData>(options.queryKey) ?? emptyTail()).drivers;
  drivers.count++;
  try {
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
