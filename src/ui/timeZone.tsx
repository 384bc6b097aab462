import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { readPreference, writePreference, type TimeZonePreference } from '../lib';

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
  const [timeZone, setZone] = useState<TimeZonePreference>(() =>
    readPreference(STORAGE_KEY, ZONES, 'local'),
  );
  const setTimeZone = useCallback((zone: TimeZonePreference) => {
    setZone(zone);
    writePreference(STORAGE_KEY, zone);
  }, []);
  const value = useMemo(() => ({ timeZone, setTimeZone }), [timeZone, setTimeZone]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZoneContextValue {
  return useContext(TimeZoneContext);
}
