/**
 * The volume histogram above the log: the chart (VolumeChart), a line saying what it shows or
 * what the bar under the pointer holds, the time filter, and the keyboard's way through the
 * bars. The chart is a slider over its bars for keyboards and screen readers: arrows choose a
 * bar (its text is the slider's value), Enter jumps to its first line, Shift with arrows marks
 * several and Enter then filters the log to their time.
 */
import { CloseButton, Group, Text, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import { memo, useCallback, useId, useState, type KeyboardEvent } from 'react';
import { useTimeZone } from '../../../ui/timeZone';
import type { TimeRange } from '../model/timeRange';
import { VOLUME_DARK, VOLUME_LIGHT } from '../model/volumePalette';
import { barText, markedText, rangeText, summaryText, untimedText } from '../model/volumeText';
import type { VolumeSeries } from '../store/volumeHistogram';
import type { VisibleTimes } from '../viewport/visibleTimes';
import classes from './LogVolume.module.css';
import { VolumeChart } from './VolumeChart';

export interface LogVolumeProps {
  /** The chart shown; hidden, only the time filter (if any) shows, so it is never silent. */
  chart: boolean;
  series: VolumeSeries;
  visible: VisibleTimes;
  /** The time filter (in the URL), or null. */
  range: TimeRange | null;
  /** The URL names a time range that cannot be read (ignored): said, with a way to clear it. */
  rangeInvalid: boolean;
  onRange: (range: TimeRange | null) => void;
  /** Scrolls the log to a line. */
  onJump: (lineId: number) => void;
  /** Whether every line of the log is held (else the chart shows those loaded so far). */
  complete: boolean;
}

const PAGE = 10;

/**
 * The bar holding a time. The chosen bars are kept as times: a wider bar width, or an earlier
 * line, renumbers the bars.
 */
function barAt(series: VolumeSeries, time: number | null): number | null {
  const n = series.starts.length;
  if (time === null || n === 0) return null;
  const k = Math.floor((time - series.starts[0]!) / series.width);
  return Math.max(0, Math.min(n - 1, k));
}

export const LogVolume = memo(function LogVolume(props: LogVolumeProps) {
  const { chart, series, visible, range, rangeInvalid, onRange, onJump, complete } = props;
  const { timeZone } = useTimeZone();
  const scheme = useComputedColorScheme('light');
  const hintId = useId();
  // Bars are kept as times: a wider bar width, or an earlier line, renumbers them.
  const [hoverTime, setHoverTime] = useState<number | null>(null);
  // Whether the operator is choosing bars with keys: only then is the chosen bar drawn.
  const [keyboard, setKeyboard] = useState(false);
  const [chosenTime, setChosenTime] = useState<number | null>(null);
  const [anchorTime, setAnchorTime] = useState<number | null>(null);
  /** "No lines in this bar", said for the bar (its start time) it was said of. */
  const [emptyBar, setEmptyBar] = useState<number | null>(null);

  const n = series.starts.length;
  const hover = barAt(series, hoverTime);
  const chosen = barAt(series, chosenTime) ?? (n > 0 ? n - 1 : null);
  const anchor = barAt(series, anchorTime);
  const marked: readonly [number, number] | null =
    keyboard && chosen !== null
      ? [Math.min(anchor ?? chosen, chosen), Math.max(anchor ?? chosen, chosen)]
      : null;

  // Up to the last bar is up to whatever comes: a live log's new lines stay in the range.
  const filterTo = (first: number, last: number) =>
    onRange({
      from: series.starts[first]!,
      to: last === n - 1 ? Infinity : series.starts[last]! + series.width,
    });

  const onHover = useCallback(
    (bar: number | null) => setHoverTime(bar === null ? null : (series.starts[bar] ?? null)),
    [series],
  );

  const pick = (bar: number) => {
    const id = series.firstIds[bar]!;
    if (Number.isNaN(id)) setEmptyBar(series.starts[bar]!);
    else {
      setEmptyBar(null);
      onJump(id);
    }
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (chosen === null) return;
    const moves: Record<string, number> = {
      ArrowLeft: chosen - 1,
      ArrowDown: chosen - 1,
      ArrowRight: chosen + 1,
      ArrowUp: chosen + 1,
      PageUp: chosen + PAGE,
      PageDown: chosen - PAGE,
      Home: 0,
      End: n - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      setKeyboard(true);
      if (event.shiftKey && anchorTime === null) setAnchorTime(series.starts[chosen]!);
      if (!event.shiftKey) setAnchorTime(null);
      setChosenTime(series.starts[Math.max(0, Math.min(n - 1, to))]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (anchor !== null && anchor !== chosen) {
        filterTo(Math.min(anchor, chosen), Math.max(anchor, chosen));
        setAnchorTime(null);
      } else pick(chosen);
    } else if (event.key === 'Escape' && anchorTime !== null) {
      event.preventDefault();
      setAnchorTime(null);
    }
  }

  const shown = hover ?? (keyboard ? chosen : null);
  const marks =
    marked && marked[0] !== marked[1] ? markedText(series, marked[0], marked[1], timeZone) : null;
  const chosenText = chosen !== null ? barText(series, chosen, timeZone) : '';
  const note =
    shown !== null && emptyBar !== null && barAt(series, emptyBar) === shown
      ? 'No lines in this bar.'
      : null;
  const chosenNote =
    chosen !== null && emptyBar !== null && barAt(series, emptyBar) === chosen
      ? 'No lines in this bar.'
      : null;
  const readout = note ?? marks ?? (shown !== null ? barText(series, shown, timeZone) : null);

  return (
    <div className={classes.volume}>
      <Group gap={4} justify="space-between" className={classes.head}>
        <Text size="xs" c="dimmed" className={classes.readout}>
          {chart ? (readout ?? summaryText(series, timeZone, complete)) : null}
        </Text>
        {range ? (
          <Group gap={4} wrap="nowrap" className={classes.range}>
            <Text size="xs">
              Time range: {rangeText(range, timeZone)}
              {series.untimed > 0 ? `; ${untimedText(series.untimed)} without a time hidden` : ''}
            </Text>
            <CloseButton size="sm" aria-label="Clear time range" onClick={() => onRange(null)} />
          </Group>
        ) : null}
        {rangeInvalid ? (
          <Group gap={4} wrap="nowrap" className={classes.range}>
            <Text size="xs" c="red">
              The link&apos;s time range cannot be read: every time shows
            </Text>
            <CloseButton size="sm" aria-label="Clear time range" onClick={() => onRange(null)} />
          </Group>
        ) : null}
      </Group>
      {chart && n > 0 ? (
        <div
          className={classes.slider}
          role="slider"
          tabIndex={0}
          aria-label="Log volume over time"
          aria-describedby={hintId}
          aria-valuemin={0}
          aria-valuemax={n - 1}
          aria-valuenow={chosen ?? 0}
          aria-valuetext={chosenNote ?? marks ?? chosenText}
          onKeyDown={onKeyDown}
          onPointerDown={() => setKeyboard(false)}
          onBlur={() => {
            setKeyboard(false);
            setAnchorTime(null);
          }}
        >
          <VolumeChart
            series={series}
            palette={scheme === 'dark' ? VOLUME_DARK : VOLUME_LIGHT}
            utc={timeZone === 'utc'}
            visible={visible}
            range={range}
            marked={marked}
            onHover={onHover}
            onPick={pick}
            onDrag={filterTo}
          />
        </div>
      ) : null}
      {chart ? (
        <VisuallyHidden id={hintId}>
          Arrow keys choose a bar; Enter scrolls the log to its first line. Shift with arrow keys
          marks several bars; Enter then shows only the lines of their time.
        </VisuallyHidden>
      ) : null}
    </div>
  );
});
