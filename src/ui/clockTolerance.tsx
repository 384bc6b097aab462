import { Group, NativeSelect, Text } from '@mantine/core';
import { createContext, useContext, useId, useMemo, type ReactNode } from 'react';
import { CLOCK_TOLERANCE_MS } from '../lib/stepSpans';
import { usePreference } from './usePreference';

const STORAGE_KEY = 'jobscope.clockTolerance';
/** Seconds, as stored. */
const CHOICES = ['0', '1', '2', '5', '10', '30', '60'] as const;
type Choice = (typeof CHOICES)[number];

interface ClockToleranceValue {
  /** How far apart the Jobs API's and the log API's clocks may be, in ms. */
  toleranceMs: number;
  setToleranceMs: (ms: number) => void;
}

const ClockToleranceContext = createContext<ClockToleranceValue>({
  toleranceMs: CLOCK_TOLERANCE_MS,
  setToleranceMs: () => {},
});

/**
 * The app-wide tolerance between the two APIs' clocks when log lines are placed on steps by
 * time (default 2 s), remembered across visits.
 */
export function ClockToleranceProvider({ children }: { children: ReactNode }) {
  const [seconds, setSeconds] = usePreference<Choice>(
    STORAGE_KEY,
    CHOICES,
    String(CLOCK_TOLERANCE_MS / 1000) as Choice,
  );
  const value = useMemo(
    () => ({
      toleranceMs: Number(seconds) * 1000,
      setToleranceMs: (ms: number) => {
        const next = String(Math.round(ms / 1000));
        if ((CHOICES as readonly string[]).includes(next)) setSeconds(next as Choice);
      },
    }),
    [seconds, setSeconds],
  );
  return <ClockToleranceContext.Provider value={value}>{children}</ClockToleranceContext.Provider>;
}

export function useClockTolerance(): ClockToleranceValue {
  return useContext(ClockToleranceContext);
}

/**
 * The tolerance as a small select, where lines are placed on steps: "Lines placed on steps by
 * time, give or take [2 s]".
 */
export function ClockToleranceSelect() {
  const { toleranceMs, setToleranceMs } = useClockTolerance();
  const id = useId();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed" component="label" htmlFor={id}>
        Lines placed on steps by time, give or take
      </Text>
      <NativeSelect
        id={id}
        size="xs"
        w={76}
        data={CHOICES.map((s) => ({ value: s, label: `${s} s` }))}
        value={String(toleranceMs / 1000)}
        onChange={(event) => setToleranceMs(Number(event.currentTarget.value) * 1000)}
      />
    </Group>
  );
}
