import { SegmentedControl } from '@mantine/core';
import type { TimeZonePreference } from '../lib';
import { useTimeZone } from './timeZone';

const OPTIONS = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' },
];

/** Which time zone every timestamp in the app uses. */
export function TimeZoneControl({ fullWidth = false }: { fullWidth?: boolean }) {
  const { timeZone, setTimeZone } = useTimeZone();
  return (
    <SegmentedControl
      size="xs"
      fullWidth={fullWidth}
      aria-label="Time zone"
      value={timeZone}
      onChange={(value) => setTimeZone(value as TimeZonePreference)}
      data={OPTIONS}
    />
  );
}
