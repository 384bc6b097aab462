/**
 * The panel's remembered preferences: wrap, ANSI colours, the volume histogram, how times show
 * and how many lines of context show around a filter's lines.
 */
import { useCallback } from 'react';
import { usePreference } from '../../../ui/usePreference';

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
const COLORS_KEY = 'jobscope.log.colors';
const VOLUME_KEY = 'jobscope.log.volume';
const ON_OFF = ['on', 'off'] as const;
const CONTEXT_KEY = 'jobscope.log.context';
/** Lines of context shown before and after each line a filter keeps. */
export const CONTEXT_CHOICES = ['0', '2', '5', '10', '50'] as const;
export type ContextChoice = (typeof CONTEXT_CHOICES)[number];

export function useLogPrefs() {
  const [wrapValue, setWrapValue] = usePreference(WRAP_KEY, ON_OFF, 'off');
  const [colorsValue, setColorsValue] = usePreference(COLORS_KEY, ON_OFF, 'on');
  const [volumeValue, setVolumeValue] = usePreference(VOLUME_KEY, ON_OFF, 'on');
  const [context, setContext] = usePreference<ContextChoice>(CONTEXT_KEY, CONTEXT_CHOICES, '0');
  const [timeMode, setTimeMode] = usePreference<TimeMode>(TIME_KEY, TIME_MODES, 'zone');
  const setWrap = useCallback((next: boolean) => setWrapValue(next ? 'on' : 'off'), [setWrapValue]);
  const setColors = useCallback(
    (next: boolean) => setColorsValue(next ? 'on' : 'off'),
    [setColorsValue],
  );
  const setVolume = useCallback(
    (next: boolean) => setVolumeValue(next ? 'on' : 'off'),
    [setVolumeValue],
  );
  const cycleTimeMode = useCallback(
    () =>
      setTimeMode((current) => TIME_MODES[(TIME_MODES.indexOf(current) + 1) % TIME_MODES.length]!),
    [setTimeMode],
  );
  return {
    wrap: wrapValue === 'on',
    setWrap,
    colors: colorsValue === 'on',
    setColors,
    volume: volumeValue === 'on',
    setVolume,
    timeMode,
    setTimeMode,
    cycleTimeMode,
    contextLines: Number(context),
    setContext,
  };
}
