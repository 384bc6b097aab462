/**
 * Polls every watched job (one query each, `useQueries`) and announces what `decide` finds. A
 * poll reads the watch as stored when it starts and writes its outcome back only if that watch
 * is still there, so a toggle flipped meanwhile always wins. Queries never retry: a failed poll
 * keeps what it had and the next interval asks again.
 */
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { jobKeys } from '../../../api/queryKeys';
import type { jobDetailOptions } from '../../job-detail';
import { fetchLogPage } from '../../job-log';
import { pollWatchedJob, type WatchApi } from '../api/pollWatchedJob';
import { decide } from '../model/announce';
import { readPollOverride, watchPollDelay, WATCH_POLL_OVERRIDE_KEY } from '../model/pollInterval';
import { applyPoll, type WatchedJob } from '../model/watchList';
import { getWatchList, updateWatchList } from '../model/watchStore';
import { announce, type Navigate } from './showAnnouncement';

/**
 * The job detail's query options, handed in by the app shell: the job detail imports this
 * feature's toggle, so importing its options back here would close an import cycle.
 */
export type JobQueryOptions = typeof jobDetailOptions;

const override = readPollOverride(() => localStorage.getItem(WATCH_POLL_OVERRIDE_KEY));
const isHidden = () => document.visibilityState === 'hidden';

const watchKeys = {
  all: ['job-watch'] as const,
  job: (jobId: string) => [...watchKeys.all, jobId] as const,
};

/** One poll of `jobId`'s watch as stored now; null when it is no longer watched. */
async function runPoll(
  jobId: string,
  api: WatchApi,
  navigate: Navigate,
  onEnded: () => void,
  signal: AbortSignal,
) {
  const entry = getWatchList().find((watch) => watch.jobId === jobId);
  if (!entry) return null;
  const findings = await pollWatchedJob(entry, api, signal);
  const { next, announcements } = decide(entry, findings);
  let current = false;
  updateWatchList((list) => {
    const updated = applyPoll(list, entry, next);
    current = list.some((watch) => watch.jobId === jobId && watch.since === entry.since);
    return updated;
  });
  // Stopped while the poll ran: the operator no longer wants to hear about it.
  if (current) for (const announcement of announcements) announce(announcement, navigate);
  // The job ended: a list on screen shows it now rather than at its next refresh.
  if (current && next === null) onEnded();
  return { status: findings.status, cursor: next?.logCursor ?? null, at: Date.now() };
}

function watchApi(queryClient: QueryClient, jobOptions: JobQueryOptions): WatchApi {
  return {
    // Through the detail page's own query: an open detail page and the watcher share answers.
    fetchJob: (jobId) =>
      queryClient.fetchQuery({ ...jobOptions(jobId), staleTime: 1_000, retry: false }),
    fetchLogPage,
  };
}

export function WatchPoller({
  watched,
  jobOptions,
}: {
  watched: readonly WatchedJob[];
  jobOptions: JobQueryOptions;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The client, the options and navigate are the app's singletons: they change no poll's data,
  // so the key is the job alone.
  const api = watchApi(queryClient, jobOptions);
  const ended = () => {
    void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: jobKeys.allCounts() });
  };
  const pollOf =
    (jobId: string) =>
    ({ signal }: { signal: AbortSignal }) =>
      runPoll(jobId, api, (href) => void navigate(href), ended, signal);
  useQueries({
    queries: watched.map(({ jobId }) => ({
      queryKey: watchKeys.job(jobId),
      queryFn: pollOf(jobId),
      refetchInterval: () => watchPollDelay(isHidden(), override),
      refetchIntervalInBackground: true,
      refetchOnWindowFocus: false,
      retry: false,
      gcTime: 0,
    })),
  });
  return null;
}
