/**
 * The volume histogram's canvas, drawn by uPlot: stacked bars per level, the range on screen
 * outlined, the time filter shaded, the bars chosen with the keyboard marked. A click on a bar
 * picks it; a drag across bars marks them. Text and keys are LogVolume's: this is the picture.
 */
import { useElementSize } from '@mantine/hooks';
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { LOG_LEVELS } from '../model/logLine';
import type { TimeRange } from '../model/timeRange';
import type { VolumePalette } from '../model/volumePalette';
import type { VolumeSeries } from '../store/volumeHistogram';
import type { VisibleTimes } from '../viewport/visibleTimes';
import classes from './LogVolume.module.css';
import { tickText } from '../model/volumeText';

export interface VolumeChartProps {
  series: VolumeSeries;
  palette: VolumePalette;
  utc: boolean;
  visible: VisibleTimes;
  range: TimeRange | null;
  /** Bars chosen with the keyboard, first to last; null when none. */
  marked: readonly [number, number] | null;
  onHover: (bar: number | null) => void;
  onPick: (bar: number) => void;
  onDrag: (first: number, last: number) => void;
}

const HEIGHT = 64;
/** A press that moves less than this is a click, not a drag. */
const DRAG_MIN_PX = 4;

/**
 * Stacking by overdraw: the series are cumulative (ERROR, then ERROR + WARN, ... up to the
 * total) and drawn tallest first, so each level shows as its own band. Empty bars are null.
 */
export function stackedData(series: VolumeSeries): uPlot.AlignedData {
  const mids = series.starts.map((start) => start + series.width / 2);
  const cumulative = series.levels.map(() => [] as (number | null)[]);
  for (let k = 0; k < series.starts.length; k++) {
    let sum = 0;
    for (let i = 0; i < series.levels.length; i++) {
      sum += series.levels[i]![k]!;
      cumulative[i]!.push(sum > 0 ? sum : null);
    }
  }
  return [mids, ...cumulative.reverse()];
}

export function VolumeChart(props: VolumeChartProps) {
  const { ref: boxRef, width } = useElementSize();
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The hooks read the latest props without rebuilding the chart.
  const latest = useRef(props);
  const measured = useRef(0);
  useLayoutEffect(() => {
    latest.current = props;
    measured.current = width;
  });

  const { palette, utc } = props;
  useLayoutEffect(() => {
    const element = target.current;
    if (!element || !element.ownerDocument.createElement('canvas').getContext('2d')) return;
    // A chart made again (the scheme changed) takes the width already measured.
    const chart = new uPlot(
      chartOptions(palette, utc, latest, measured.current || 300),
      stackedData(latest.current.series),
      element,
    );
    plot.current = chart;
    let pressX: number | null = null;
    const down = (event: MouseEvent) => (pressX = event.clientX);
    const click = (event: MouseEvent) => {
      const moved = pressX === null ? 0 : Math.abs(event.clientX - pressX);
      const bar = chart.cursor.idx;
      if (moved < DRAG_MIN_PX && bar != null) latest.current.onPick(bar);
    };
    const leave = () => latest.current.onHover(null);
    chart.over.addEventListener('mousedown', down);
    chart.over.addEventListener('click', click);
    chart.over.addEventListener('mouseleave', leave);
    const unsubscribe = latest.current.visible.subscribe(() => chart.redraw(false, false));
    return () => {
      unsubscribe();
      chart.destroy();
      plot.current = null;
    };
  }, [palette, utc]);

  // In layout, with `latest`: a redraw or a click in between would read new bars on old data.
  useLayoutEffect(() => {
    plot.current?.setData(stackedData(props.series));
  }, [props.series]);

  const [markedFirst, markedLast] = props.marked ?? [-1, -1];
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [props.range, markedFirst, markedLast]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height: HEIGHT });
  }, [width]);

  return (
    <div ref={boxRef} className={classes.chart}>
      <div ref={target} />
    </div>
  );
}

function chartOptions(
  palette: VolumePalette,
  utc: boolean,
  latest: { current: VolumeChartProps },
  width: number,
): uPlot.Options {
  const bars = uPlot.paths.bars!({ size: [1, Infinity, 1], gap: 1 });
  const levels = [...LOG_LEVELS].reverse();
  return {
    width,
    height: HEIGHT,
    ms: 1,
    tzDate: utc ? (ms) => uPlot.tzDate(new Date(ms), 'Etc/UTC') : undefined,
    legend: { show: false },
    // Room for the first and last tick labels, centred on their ticks.
    padding: [4, 24, 0, 24],
    cursor: {
      y: false,
      points: { show: false },
      // uPlot swallows the click after any movement at all; ours decides (DRAG_MIN_PX).
      drag: { x: true, y: false, setScale: false, dist: DRAG_MIN_PX, click: () => {} },
    },
    scales: {
      x: {
        time: true,
        range: () => {
          const { starts, width } = latest.current.series;
          if (starts.length === 0) return [0, 1];
          return [starts[0]!, starts[starts.length - 1]! + width];
        },
      },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      {
        stroke: palette.text,
        font: '11px system-ui, sans-serif',
        size: 22,
        gap: 2,
        // Room for "11-29 15:00" between ticks.
        space: 80,
        grid: { show: false },
        ticks: { size: 3, stroke: palette.text, width: 1 },
        values: (_u, splits) =>
          splits.map((ms) =>
            tickText(ms, utc, latest.current.series.width, spanOf(latest.current)),
          ),
      },
      { show: false },
    ],
    series: [
      {},
      ...levels.map((level) => ({
        label: level,
        fill: palette.levels[level],
        stroke: palette.levels[level],
        width: 0,
        paths: bars,
        points: { show: false },
      })),
    ],
    hooks: {
      draw: [(u) => drawOverlays(u, palette, latest.current)],
      setCursor: [(u) => latest.current.onHover(u.cursor.idx ?? null)],
      setSelect: [
        (u) => {
          if (u.select.width < DRAG_MIN_PX) return;
          const first = u.posToIdx(u.select.left);
          const last = u.posToIdx(u.select.left + u.select.width);
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          latest.current.onDrag(Math.min(first, last), Math.max(first, last));
        },
      ],
    },
  };
}

function spanOf({ series }: VolumeChartProps): number {
  const { starts, width } = series;
  return starts.length === 0 ? 0 : starts[starts.length - 1]! + width - starts[0]!;
}

/** The time filter's dimming, the outline of the lines on screen and the keyboard's bars. */
function drawOverlays(u: uPlot, palette: VolumePalette, props: VolumeChartProps): void {
  const { ctx, bbox } = u;
  const { series, range, visible, marked } = props;
  const { starts, width } = series;
  if (starts.length === 0) return;
  const x = (ms: number) => u.valToPos(ms, 'x', true);
  const clampX = (ms: number) => Math.min(bbox.left + bbox.width, Math.max(bbox.left, x(ms)));
  const dpr = window.devicePixelRatio || 1;
  ctx.save();
  if (range) {
    // Bars outside the time filter are dimmed.
    const left = clampX(range.from);
    const right = clampX(range.to);
    ctx.fillStyle = palette.dim;
    ctx.fillRect(bbox.left, bbox.top, left - bbox.left, bbox.height);
    ctx.fillRect(right, bbox.top, bbox.left + bbox.width - right, bbox.height);
  }
  if (!Number.isNaN(visible.from)) {
    // Whole bars: from the bar holding the earliest line on screen to the one holding the latest.
    const left = x(Math.floor(visible.from / width) * width);
    const right = x((Math.floor(visible.to / width) + 1) * width);
    ctx.strokeStyle = palette.text;
    ctx.lineWidth = 1.5 * dpr;
    ctx.strokeRect(left, bbox.top + dpr, right - left, bbox.height - 2 * dpr);
  }
  if (marked) {
    const left = x(starts[marked[0]]!);
    const right = x(starts[marked[1]]! + width);
    ctx.strokeStyle = palette.focus;
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash([4 * dpr, 2 * dpr]);
    ctx.strokeRect(left + dpr, bbox.top + dpr, right - left - 2 * dpr, bbox.height - 2 * dpr);
  }
  ctx.restore();
}
