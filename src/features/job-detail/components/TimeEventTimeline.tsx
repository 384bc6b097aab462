import { Group, Text } from '@mantine/core';
import { formatDuration } from '../../../lib/time';
import type { TimeEvent } from '../../../lib/timeEvents';
import { Timestamp } from '../../../ui/Timestamp';
import classes from './TimeEventTimeline.module.css';

interface TimeEventTimelineProps {
  events: TimeEvent[];
  /** Labels the list, e.g. "Time events of step 3". */
  label: string;
}

/** Every event of a step in time order, with its meaning, raw code and offset from the first. */
export function TimeEventTimeline({ events, label }: TimeEventTimelineProps) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No time events recorded.
      </Text>
    );
  }
  const first = events[0]?.at ?? null;
  return (
    <ol className={classes.list} aria-label={label}>
      {events.map((event) => (
        <li key={event.key} className={classes.item}>
          <span className={`${classes.dot} ${classes[event.kind]}`} aria-hidden />
          <Group gap="xs" wrap="wrap" align="baseline">
            <Text size="sm" fw={500}>
              {event.label}
            </Text>
            {event.at === null ? (
              <Text size="sm" c="dimmed">
                at an invalid time “{event.key}”
              </Text>
            ) : (
              <Text size="sm" span>
                <Timestamp value={event.key} mode="absolute" />
              </Text>
            )}
            {event.at !== null && first !== null && event.at > first ? (
              <Text size="xs" c="dimmed">
                +{formatDuration(event.at - first)}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              code {String(event.code)}
            </Text>
          </Group>
        </li>
      ))}
    </ol>
  );
}
