/**
 * A "Notify me" toggle's behaviour. Turning it on watches the job at once and, on that same
 * click, asks for desktop notification permission if the operator never answered; whatever
 * the answer, the job stays watched, and without permission a notice says where announcements
 * will appear instead. Turning it off forgets the job.
 */
import { useCallback } from 'react';
import { showBlockedNotice, showDroppedNotice } from '../components/notices';
import { requestDesktopPermission } from '../model/permission';
import { addWatch, removeWatch, WATCH_LIMIT, type JobToWatch } from '../model/watchList';
import { updateWatchList } from '../model/watchStore';
import { useIsWatched } from './useWatchedJobs';

export function watchJob(job: JobToWatch, now = Date.now()): void {
  updateWatchList((list) => {
    const { list: next, dropped } = addWatch(list, job, now);
    if (dropped) showDroppedNotice(dropped, WATCH_LIMIT);
    return next;
  });
}

export function unwatchJob(jobId: string): void {
  updateWatchList((list) => removeWatch(list, jobId));
}

export function useWatchToggle({ jobId, name }: JobToWatch) {
  const watched = useIsWatched(jobId);
  const toggle = useCallback(() => {
    if (watched) {
      unwatchJob(jobId);
      return;
    }
    watchJob({ jobId, name });
    void requestDesktopPermission().then((permission) => {
      if (permission !== 'granted') showBlockedNotice(permission, name);
    });
  }, [watched, jobId, name]);
  return { watched, toggle };
}
