/** How the time column reads, per the panel's time mode; null hides the column. */
import { useMemo } from 'react';
import { lineTime, type LogLine } from '../model/logLine';
import { formatRelative } from '../../../lib/time';
import { useTimeZone } from '../../../ui/timeZone';
import { useNow } from '../../../ui/useNow';
import { fastAbsolute } from '../model/fastTime';
import type { TimeMode } from '../model/logPrefs';

export function useTimeFormatter(mode: TimeMode): ((line: LogLine) => string) | null {
  const { timeZone } = useTimeZone();
  // Only relative times need a ticking clock; the others re-render on an hourly tick at most.
  const now = useNow(mode === 'relative' ? 5_000 : 3_600_000);
  return useMemo(() => {
    if (mode === 'hidden') return null;
    // Each render formats every row in view: a line is formatted once per formatter instead.
    const cache = new WeakMap<LogLine, string>();
    return (line: LogLine) => {
      let text = cache.get(line);
      if (text === undefined) {
        const ms = lineTime(line);
        text =
          mode === 'relative'
            ? formatRelative(ms, now).padEnd(10)
            : fastAbsolute(ms, mode === 'zone' ? timeZone : mode);
        cache.set(line, text);
      }
      return text;
    };
  }, [mode, timeZone, now]);
}
