/** The watch list in components: the whole list (the watcher) or one job's flag (a toggle). */
import { useSyncExternalStore } from 'react';
import { isWatched } from '../model/watchList';
import { getWatchList, subscribeWatchList } from '../model/watchStore';

export function useWatchedJobs() {
  return useSyncExternalStore(subscribeWatchList, getWatchList, getWatchList);
}

/** A boolean snapshot: a toggle re-renders only when its own job's flag changes. */
export function useIsWatched(jobId: string): boolean {
  const snapshot = () => isWatched(getWatchList(), jobId);
  return useSyncExternalStore(subscribeWatchList, snapshot, snapshot);
}
