/**
 * Mounted once in the app shell. While nothing is watched it renders nothing, loads nothing and
 * polls nothing; the first watch loads the poller (with the log reader it needs) on demand.
 */
import { lazy, Suspense } from 'react';
import { useWatchedJobs } from '../hooks/useWatchedJobs';
import type { JobQueryOptions } from './WatchPoller';

const WatchPoller = lazy(() => import('./WatchPoller').then((m) => ({ default: m.WatchPoller })));

export function JobWatcher({ jobOptions }: { jobOptions: JobQueryOptions }) {
  const watched = useWatchedJobs();
  if (watched.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <WatchPoller watched={watched} jobOptions={jobOptions} />
    </Suspense>
  );
}
