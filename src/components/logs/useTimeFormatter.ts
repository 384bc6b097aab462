/** How the time column reads, per the panel's time mode; null hides the column. */
import { useMemo } from 'react';
import type { LogLine } from '../../api/schemas';
import { formatAbsolute, formatRelative, parseTime } from '../../lib/time';
import { useTimeZone } from '../ui/timeZone';
import { useNow } from '../ui/useNow';
import type { TimeMode } from './logPrefs';

export function useTimeFormatter(mode: TimeMode): ((line: LogLine) => string) | null {
  const { timeZone } = useTimeZone();
  // Only relative times need a ticking clock; the others re-render on an hourly tick at most.
  const now = useNow(mode === 'relative' ? 5_000 : 3_600_000);
  return useMemo(() => {
    if (mode === 'hidden') return null;
    return (line: LogLine) => {
      const ms = parseTime(line.creationDate);
      if (mode === 'relative') return formatRelative(ms, now).padEnd(10);
      return formatAbsolute(ms, mode === 'zone' ? timeZone : mode);
    };
  }, [mode, timeZone, now]);
}
