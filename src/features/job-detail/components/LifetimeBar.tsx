import { Group, Text } from '@mantine/core';
import { formatDuration } from '../../../lib/time';
import type { StepTiming } from '../../../lib/timeEvents';
import classes from './LifetimeBar.module.css';

/** "Lifetime 5 m 0 s: active 3 m 0 s, then paused 2 m 0 s (ongoing)." for screen readers. */
export function describeLifetime(timing: StepTiming): string {
  if (timing.start === null || timing.end === null) return 'No lifetime known.';
  const parts = timing.segments.map(
    (s) => `${s.kind} ${formatDuration(s.end - s.start)}${s.open ? ' (ongoing)' : ''}`,
  );
  return `Lifetime ${formatDuration(timing.end - timing.start)}: ${parts.join(', then ')}.`;
}

/** The step's lifetime as a bar, active and paused periods to scale. */
export function LifetimeBar({ timing }: { timing: StepTiming }) {
  if (timing.start === null || timing.end === null || timing.segments.length === 0) return null;
  const total = Math.max(1, timing.end - timing.start);
  return (
    <div>
      <div className={classes.bar} role="img" aria-label={describeLifetime(timing)}>
        {timing.segments.map((s) => (
          <div
            key={`${s.kind}-${s.start}`}
            className={`${classes.segment} ${classes[s.kind]} ${s.open ? classes.open : ''}`}
            style={{ width: `${((s.end - s.start) / total) * 100}%` }}
          />
        ))}
      </div>
      <Group gap="md" mt={4} aria-hidden>
        {(['active', 'paused'] as const)
          .filter((kind) => timing.segments.some((s) => s.kind === kind))
          .map((kind) => (
            <Text key={kind} size="xs" c="dimmed">
              <span className={`${classes.legend} ${classes[kind]}`} />
              {kind}
            </Text>
          ))}
      </Group>
    </div>
  );
}
