/**
 * The live tail as a query. Its data is a snapshot of the job's `TailSession`, which owns the
 * lines, the tail state and the backfill; the query only schedules polls (`pollDelay`), joins a
 * poll under way instead of starting a second, and cancels on pause.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { jobKeys, logKeys } from '../../../api/queryKeys';
import { fetchLogPage } from '../api/fetchLogPage';
import { TailSession, type TailSnapshot } from './TailSession';
import { mayWait, pollDelay } from './tailPolicy';

function newSession(jobId: string): TailSession {
  return new TailSession((lastLogId, signal, request) =>
    fetchLogPage(jobId, lastLogId, { signal, ...request }),
  );
}

/** The job's session: the one in the cache, or a new one when the log was never opened. */
function sessionOf(client: QueryClient, jobId: string): TailSession {
  return client.getQueryData<TailSnapshot>(logKeys.job(jobId))?.session ?? newSession(jobId);
}

/**
 * One poll is one call of the session's `poll`. `jobTerminal`: the Jobs API says the job is
 * over, so the session's next whole catch-up is its last.
 */
export function logTailOptions(jobId: string, jobTerminal: boolean) {
  // Not in the key: `jobTerminal` does not change which log this is, only tells its session
  // (which keeps it, once set) that the next whole catch-up is the last.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: logKeys.job(jobId),
    queryFn: async ({ signal, client }): Promise<TailSnapshot> => {
      const session = sessionOf(client, jobId);
      if (jobTerminal) session.markTerminal();
      const { snapshot, becameTerminal } = await session.poll(signal);
      if (becameTerminal) void client.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
      return snapshot;
    },
    initialData: () => newSession(jobId).snapshot(),
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

export interface LogTail extends TailSnapshot {
  /** A request is under way. */
  fetching: boolean;
  /**
   * Fetches everything the server holds now, older lines still being backfilled included, even
   * when paused or finished (for a download).
   */
  fetchRest: () => Promise<TailSnapshot>;
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
  const query = useQuery({
    ...logTailOptions(jobId, jobTerminal),
    enabled: (q) => !paused && !q.state.data?.tail.done,
  });
  const snapshot = query.data;

  useEffect(() => {
    if (paused) void client.cancelQueries({ queryKey: logKeys.job(jobId) });
  }, [client, jobId, paused]);

  // The job just ended: one final catch-up now. A poll under way is joined, not cancelled; it
  // began before the end was known, so the next scheduled poll is the final one.
  const { session } = snapshot;
  const done = snapshot.tail.done;
  useEffect(() => {
    if (!jobTerminal) return;
    session.markTerminal();
    if (!paused && !done) {
      void client.refetchQueries({ queryKey: logKeys.job(jobId) }, { cancelRefetch: false });
    }
  }, [client, session, jobId, jobTerminal, paused, done]);

  const fetchRest = useCallback(
    () => fetchAll(client, logTailOptions(jobId, jobTerminal)),
    [client, jobId, jobTerminal],
  );
  const retry = useCallback(() => {
    void client.refetchQueries({ queryKey: logKeys.job(jobId) }, { cancelRefetch: false });
  }, [client, jobId]);
  const recheck = useCallback(() => {
    // No longer done, so the query is enabled again and its next poll carries the recheck.
    client.setQueryData<TailSnapshot>(logKeys.job(jobId), (current) => current?.session.recheck());
    void client.refetchQueries({ queryKey: logKeys.job(jobId) }, { cancelRefetch: false });
  }, [client, jobId]);

  return { ...snapshot, fetching: query.isFetching, fetchRest, retry, recheck };
}

/** Rounds in a row that may bring nothing before a download settles for what is held. */
const IDLE_ROUNDS = 5;

/** Everything the server holds now, for a download; exported for tests. */
export async function fetchAll(
  client: QueryClient,
  options: ReturnType<typeof logTailOptions>,
): Promise<TailSnapshot> {
  const { queryKey } = options;
  const session =
    client.getQueryData<TailSnapshot>(queryKey)?.session ??
    (await client.fetchQuery({ ...options, staleTime: 0 })).session;
  return session.downloading(async () => {
    // A poll under way that the gateway holds until new lines come would keep the download
    // waiting for lines that may never come: it is cancelled (what it brought stays in the
    // store), and the rounds below ask without waiting.
    if (mayWait(session.snapshot().tail) && client.isFetching({ queryKey })) {
      await client.cancelQueries({ queryKey });
    }
    // A poll under way is joined, not duplicated; a catch-up cut short (hidden tab) goes on, and
    // so does the backfill, one slice per round.
    let idle = 0;
    let seen = -1;
    while (idle < IDLE_ROUNDS) {
      const { tail } = await client.fetchQuery({ ...options, staleTime: 0 });
      if (tail.error) throw tail.error;
      if (session.holdsWholeLog()) break;
      const progress = session.progress();
      idle = progress === seen ? idle + 1 : 0;
      seen = progress;
    }
    return session.snapshot();
  });
}
