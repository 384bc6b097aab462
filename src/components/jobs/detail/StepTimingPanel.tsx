import { Group, Stack, Text } from '@mantine/core';
import { formatDuration } from '../../../lib/time';
import { sortTimeEvents, type StepTiming, type TimeEventMap } from '../../../lib/timeEvents';
import { LifetimeBar } from './LifetimeBar';
import { TimeEventTimeline } from './TimeEventTimeline';

interface StepTimingPanelProps {
  timeEvents: TimeEventMap;
  timing: StepTiming;
  /** e.g. "step 3", used in accessible names. */
  stepLabel: string;
}

/** A step's time events, its active and paused totals, and its lifetime bar. */
export function StepTimingPanel({ timeEvents, timing, stepLabel }: StepTimingPanelProps) {
  const known = timing.start !== null;
  return (
    <Stack gap="xs">
      {known ? (
        <Group gap="lg">
          <Text size="sm">
            <Text span c="dimmed" inherit>
              Active time{' '}
            </Text>
            <Text span fw={600} inherit data-testid="active-time">
              {formatDuration(timing.activeMs)}
            </Text>
          </Text>
          <Text size="sm">
            <Text span c="dimmed" inherit>
              Paused time{' '}
            </Text>
            <Text span fw={600} inherit data-testid="paused-time">
              {formatDuration(timing.pausedMs)}
            </Text>
          </Text>
        </Group>
      ) : null}
      <LifetimeBar timing={timing} />
      <TimeEventTimeline
        events={sortTimeEvents(timeEvents)}
        label={`Time events of ${stepLabel}`}
      />
    </Stack>
  );
}
