/**
 * "Notify me" toggles: a bell icon for a list row, a labelled button for the job's header.
 * Both are toggle buttons (`aria-pressed`) with a native `title` that says what watching does,
 * and that it works only while Jobscope is open (this is no service worker).
 */
import { ActionIcon, Button } from '@mantine/core';
import { IconBell, IconBellRingingFilled } from '@tabler/icons-react';
import { isTerminalStatus } from '../../../lib/job';
import { useWatchToggle } from '../hooks/useWatchToggle';

export interface WatchToggleProps {
  jobId: string;
  /** The job's title as shown. */
  name: string;
  /** An ended job offers no toggle (unless it is still watched, so it can be let go). */
  status: string | null | undefined;
}

function hint(watched: boolean): string {
  return watched
    ? 'Watching: you will be notified when this job ends or logs its first ERROR, while Jobscope is open. Click to stop.'
    : 'Notify me when this job ends or logs its first ERROR (while Jobscope is open)';
}

/** The list row's compact bell. */
export function WatchIconButton({ jobId, name, status }: WatchToggleProps) {
  const { watched, toggle } = useWatchToggle({ jobId, name });
  if (!watched && isTerminalStatus(status)) return null;
  const Icon = watched ? IconBellRingingFilled : IconBell;
  return (
    <ActionIcon
      variant={watched ? 'light' : 'subtle'}
      color={watched ? undefined : 'gray'}
      size="md"
      aria-label={`Notify me about ${name}`}
      aria-pressed={watched}
      title={hint(watched)}
      onClick={toggle}
    >
      <Icon size={16} aria-hidden />
    </ActionIcon>
  );
}

/** The job header's labelled toggle. */
export function WatchButton({ jobId, name, status }: WatchToggleProps) {
  const { watched, toggle } = useWatchToggle({ jobId, name });
  if (!watched && isTerminalStatus(status)) return null;
  const Icon = watched ? IconBellRingingFilled : IconBell;
  return (
    <Button
      variant={watched ? 'light' : 'default'}
      size="xs"
      leftSection={<Icon size={14} aria-hidden />}
      aria-pressed={watched}
      title={hint(watched)}
      onClick={toggle}
    >
      Notify me
    </Button>
  );
}
