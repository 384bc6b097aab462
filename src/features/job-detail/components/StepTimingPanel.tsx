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
          <TimeTotal label="Active time" ms={timing.activeMs} testId="active-time" />
          <TimeTotal label="Paused time" ms={timing.pausedMs} testId="paused-time" />
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

function TimeTotal({ label, ms, testId }: { label: string; ms: number; testId: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" inherit>
        {label}{' '}
      </Text>
      <Text span fw={600} inherit data-testid={testId}>
        {formatDuration(ms)}
      </Text>
    </Text>
  );
}
