import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TimeZonePreference } from '../lib';
import { usePreference } from './usePreference';

const STORAGE_KEY = 'jobscope.timeZone';
const ZONES = ['local', 'utc'] as const;

interface TimeZoneContextValue {
  timeZone: TimeZonePreference;
  setTimeZone: (zone: TimeZonePreference) => void;
}

const TimeZoneContext = createContext<TimeZoneContextValue>({
  timeZone: 'local',
  setTimeZone: () => {},
});

/** The app-wide time-zone preference (local or UTC), remembered across visits. */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [timeZone, setTimeZone] = usePreference<TimeZonePreference>(STORAGE_KEY, ZONES, 'local');
  const value = useMemo(() => ({ timeZone, setTimeZone }), [timeZone, setTimeZone]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZoneContextValue {
  return useContext(TimeZoneContext);
}
