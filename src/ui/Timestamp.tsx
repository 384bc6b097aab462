import { Text, type TextProps } from '@mantine/core';
import { formatAbsolute, formatRelative, parseTime } from '../lib';
import { useTimeZone } from './timeZone';
import { useNow } from './useNow';

interface TimestampProps extends TextProps {
  /** An ISO timestamp as the API sends it; missing or invalid shows "unknown". */
  value: string | null | undefined;
  /** "relative" shows "2 min ago" with the absolute time on hover; "absolute" the time itself. */
  mode?: 'relative' | 'absolute';
}

/** A time in the app's time zone, relative with the absolute time on hover and for screen readers. */
export function Timestamp({ value, mode = 'relative', ...textProps }: TimestampProps) {
  const { timeZone } = useTimeZone();
  const now = useNow(mode === 'relative' ? 5_000 : 60_000);
  const ms = parseTime(value);
  if (ms == null) {
    return (
      <Text component="span" c="dimmed" inherit {...textProps}>
        unknown
      </Text>
    );
  }
  const absolute = formatAbsolute(ms, timeZone);
  const iso = new Date(ms).toISOString();
  if (mode === 'absolute') {
    return (
      <Text component="time" dateTime={iso} inherit {...textProps}>
        {absolute}
      </Text>
    );
  }
  const relative = formatRelative(ms, now);
  return (
    // A native title, not a positioned tooltip: a table shows hundreds of these and each one
    // would otherwise mount its own floating element and listeners.
    <Text
      component="time"
      dateTime={iso}
      title={absolute}
      aria-label={`${relative}, ${absolute}`}
      inherit
      {...textProps}
    >
      {relative}
    </Text>
  );
}
