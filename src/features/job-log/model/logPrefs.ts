/** The panel's remembered preferences: wrap and how times show. */
import { useCallback, useState } from 'react';
import { readPreference, writePreference } from '../../../lib/storage';

export const TIME_MODES = ['zone', 'local', 'utc', 'relative', 'hidden'] as const;
/** 'zone' follows the app's time-zone setting. */
export type TimeMode = (typeof TIME_MODES)[number];

export const TIME_MODE_LABELS: Record<TimeMode, string> = {
  zone: 'App time zone',
  local: 'Local time',
  utc: 'UTC',
  relative: 'Relative',
  hidden: 'Hidden',
};

const WRAP_KEY = 'jobscope.log.wrap';
const TIME_KEY = 'jobscope.log.time';

export function useLogPrefs() {
  const [wrap, setWrapState] = useState(
    () => readPreference(WRAP_KEY, ['on', 'off'], 'off') === 'on',
  );
  const [timeMode, setTimeModeState] = useState<TimeMode>(() =>
    readPreference(TIME_KEY, TIME_MODES, 'zone'),
  );
  const setWrap = useCallback((next: boolean) => {
    setWrapState(next);
    writePreference(WRAP_KEY, next ? 'on' : 'off');
  }, []);
  const setTimeMode = useCallback((next: TimeMode) => {
    setTimeModeState(next);
    writePreference(TIME_KEY, next);
  }, []);
  const cycleTimeMode = useCallback(() => {
    setTimeModeState((current) => {
      const next = TIME_MODES[(TIME_MODES.indexOf(current) + 1) % TIME_MODES.length]!;
      writePreference(TIME_KEY, next);
      return next;
    });
  }, []);
  return { wrap, setWrap, timeMode, setTimeMode, cycleTimeMode };
}
