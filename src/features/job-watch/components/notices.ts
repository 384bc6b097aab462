/**
 * The notices a watch's start may need, in Mantine's in-app stack: desktop notifications are
 * not available, or the oldest watch was let go.
 */
import { notifications } from '@mantine/notifications';
import type { DesktopPermission } from '../model/permission';
import type { WatchedJob } from '../model/watchList';
import { NOTICE_PROPS } from './noticeStyle';

const BLOCKED = {
  unsupported: 'This browser cannot show desktop notifications',
  default: 'Desktop notifications were not allowed',
  denied: 'Desktop notifications are blocked',
} as const;

/** Said when a watch starts without desktop notifications; one notice at a time. */
export function showBlockedNotice(permission: DesktopPermission, name: string): void {
  notifications.show({
    ...NOTICE_PROPS,
    id: 'job-watch:blocked',
    title: `Watching ${name}`,
    autoClose: 10_000,
    message: `${BLOCKED[permission === 'granted' ? 'denied' : permission]}; Jobscope will show them here while it is open.`,
  });
}

/** Said when watching one more job let go of the oldest watch. */
export function showDroppedNotice(dropped: WatchedJob, limit: number): void {
  notifications.show({
    ...NOTICE_PROPS,
    id: `job-watch:dropped:${dropped.jobId}`,
    message: `No longer watching ${dropped.name}: Jobscope watches at most ${limit} jobs.`,
  });
}
