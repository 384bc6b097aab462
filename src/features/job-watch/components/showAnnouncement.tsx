/**
 * Where announcements appear: a desktop notification when the browser allows them, else an
 * in-app one (Mantine's, role "alert", kept until dismissed). The in-app stack renders outside
 * the router, so its links navigate through the `navigate` the watcher hands over rather than a
 * router `Link`.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MouseEvent } from 'react';
import type { Announcement } from '../model/announce';
import { desktopPermission } from '../model/permission';
import { NOTICE_PROPS } from './noticeStyle';

export type Navigate = (href: string) => void;

const COLORS = { completed: 'green', aborted: 'red', error: 'red' } as const;

function showDesktop(announcement: Announcement, navigate: Navigate): boolean {
  if (desktopPermission() !== 'granted') return false;
  try {
    // One tag per job: a later notice about the job replaces an earlier one still on screen.
    const shown = new Notification(announcement.title, {
      body: announcement.body,
      tag: announcement.jobId,
    });
    shown.onclick = () => {
      window.focus();
      navigate(announcement.href);
      shown.close();
    };
    return true;
  } catch {
    // Chrome on Android allows only a service worker's notifications: the constructor throws.
    return false;
  }
}

function showInApp(announcement: Announcement, navigate: Navigate): void {
  const id = `job-watch:${announcement.jobId}:${announcement.kind}`;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click opens a new tab as any link does.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    notifications.hide(id);
    navigate(announcement.href);
  };
  notifications.show({
    ...NOTICE_PROPS,
    id,
    title: announcement.title,
    color: COLORS[announcement.kind],
    autoClose: false,
    message: (
      <Stack gap={4}>
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {announcement.body}
        </Text>
        <Anchor href={announcement.href} onClick={open} size="sm">
          {announcement.kind === 'error' ? 'Open the log at this line' : 'Open the job'}
        </Anchor>
      </Stack>
    ),
  });
}

export function announce(announcement: Announcement, navigate: Navigate): void {
  if (!showDesktop(announcement, navigate)) showInApp(announcement, navigate);
}
