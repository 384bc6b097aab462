/**
 * Every step of the job on one time axis, inside the job's own lifetime: each bar split into its
 * active and paused periods to scale, the current step growing with the clock (no refetch).
 * Each bar is a link to the step's log lines; pointing at or focusing one shows its times below
 * the chart; the list of links, each labelled with the same words, is the screen-reader text.
 * Zoom with the buttons or by dragging across the chart.
 */
import { Button, Group, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { WorkflowJob } from '../../../contract';
import { isTerminalStatus } from '../../../lib/job';
import type { StepErrorCounts } from '../../job-log';
import { stepSpans, type StepSpan } from '../../../lib/stepSpans';
import {
  formatAbsolute,
  formatDuration,
  parseTime,
  type TimeZonePreference,
} from '../../../lib/time';
import { useNow } from '../../../ui/useNow';
import { useTimeZone } from '../../../ui/timeZone';
import { ClockToleranceSelect } from '../../../ui/clockTolerance';
import { clipToRange, percentAt, ticks, zoom, type TimeRange } from '../model/timelineAxis';
import { useDragZoom } from '../hooks/useDragZoom';
import { StepRow } from './StepRow';
import classes from './StepTimeline.module.css';

export interface StepTimelineProps {
  job: WorkflowJob;
  /** Where a step's bar leads: its log lines. */
  stepHref: (span: StepSpan) => string;
  /** ERROR lines per step, from the log lines held (none before the log is read). */
  errors?: StepErrorCounts;
}

const OUTCOME_TEXT = { completed: 'completed', cancelled: 'cancelled', current: 'current step' };

/** "3 ERROR lines", "at least 3 ERROR lines" while lines are loading; null when not counted. */
export function errorText(span: StepSpan, errors: StepErrorCounts | undefined): string | null {
  const n = errors?.byStep?.get(span.key);
  if (n === undefined) return null;
  const lines = `${n} ERROR ${n === 1 ? 'line' : 'lines'}`;
  return errors!.partial ? `at least ${lines} (older lines still loading)` : lines;
}

/** The words for one step: on its bar (aria-label) and below the chart when pointed at. */
export function describeStep(
  span: StepSpan,
  now: number,
  zone: TimeZonePreference,
  errors?: StepErrorCounts,
): string {
  const head = `Step ${span.number}, ${span.title}, ${OUTCOME_TEXT[span.outcome]}`;
  const counted = errorText(span, errors);
  const tail = counted ? `; ${counted}` : '';
  if (span.start === null) {
    return `${head}: not on the time axis (${span.issues.join('; ')})${tail}.`;
  }
  const ended =
    span.end !== null
      ? `ended ${formatAbsolute(span.end, zone)}`
      : span.open
        ? `running for ${formatDuration(now - span.start)}`
        : 'end unknown';
  const { activeMs, pausedMs } = span.timing;
  return `${head}: started ${formatAbsolute(span.start, zone)}, ${ended}; active ${formatDuration(activeMs)}, paused ${formatDuration(pausedMs)}${tail}.`;
}

function tickLabel(ms: number, step: number, zone: TimeZonePreference): string {
  const text = formatAbsolute(ms, zone).replace(' UTC', '');
  // "2026-11-29 08:04:13": the date only when ticks are a day apart, seconds only when needed.
  if (step >= 24 * 3_600_000) return text.slice(0, 10);
  return step % 60_000 === 0 ? text.slice(11, 16) : text.slice(11, 19);
}

export function StepTimeline({ job, stepHref, errors }: StepTimelineProps) {
  const { timeZone } = useTimeZone();
  const live = !isTerminalStatus(job.metadata.status);
  const now = useNow(live ? 1_000 : 60_000);
  const spans = useMemo(() => stepSpans(job, now), [job, now]);
  const placed = spans.filter((span) => span.start !== null);
  const unplaced = spans.filter((span) => span.start === null);

  // The job's own lifetime is the frame; steps outside it (clocks apart) widen it.
  const whole = useMemo((): TimeRange | null => {
    const created = parseTime(job.metadata.created);
    const ended = live ? now : parseTime(job.metadata.updated);
    const times = [created, ended, ...placed.flatMap((s) => [s.start, s.end])].filter(
      (t): t is number => t !== null,
    );
    if (times.length === 0) return null;
    const from = Math.min(...times);
    const to = Math.max(...times, from + 1_000);
    return { from, to };
  }, [job, live, now, placed]);

  const [zoomed, setZoomed] = useState<TimeRange | null>(null);
  const range = whole && zoomed ? clampInto(zoomed, whole) : whole;
  const [pointed, setPointed] = useState<string | null>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const { drag, handlers } = useDragZoom(axisRef, range, setZoomed);

  if (spans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No steps yet: the timeline starts with the first one.
      </Text>
    );
  }

  const pointedSpan = spans.find((span) => span.key === pointed) ?? null;
  const axis = range ? ticks(range) : null;
  const jobBar = range && whole ? clipToRange(range, whole.from, whole.to) : null;

  return (
    <section aria-labelledby="step-timeline-title" className={classes.timeline}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} size="h5" id="step-timeline-title">
          Step timeline
        </Title>
        {range && whole ? (
          <Group gap={4} role="group" aria-label="Zoom">
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => setZoomed(zoom(range, whole, 0.5))}
            >
              Zoom in
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!zoomed}
              onClick={() => setZoomed(zoom(range, whole, 2))}
            >
              Zoom out
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!zoomed}
              onClick={() => setZoomed(null)}
            >
              Whole job
            </Button>
          </Group>
        ) : null}
      </Group>

      {range && axis ? (
        <div className={classes.chart}>
          <div className={classes.row} aria-hidden>
            <span className={classes.label} />
            <div className={classes.axis} ref={axisRef}>
              {axis.times.map((t) => (
                <span key={t} className={classes.tick} style={{ left: `${percentAt(range, t)}%` }}>
                  {tickLabel(t, axis.step, timeZone)}
                </span>
              ))}
            </div>
          </div>
          <ol className={classes.rows} aria-label="Steps in time order" {...handlers}>
            <li className={classes.row}>
              <span className={classes.label}>Job</span>
              <div className={classes.track}>
                {jobBar ? (
                  <span
                    className={`${classes.jobBar} ${live ? classes.open : ''}`}
                    style={{ left: `${jobBar.left}%`, width: `${jobBar.width}%` }}
                    role="img"
                    aria-label={`The job: from ${formatAbsolute(whole!.from, timeZone)} to ${live ? 'now' : formatAbsolute(whole!.to, timeZone)}`}
                  />
                ) : null}
              </div>
            </li>
            {placed.map((span) => (
              <StepRow
                key={span.key}
                span={span}
                range={range}
                now={now}
                href={stepHref(span)}
                label={describeStep(span, now, timeZone, errors)}
                errorCount={errors?.byStep?.get(span.key) ?? 0}
                partial={errors?.partial ?? false}
                onPoint={setPointed}
              />
            ))}
          </ol>
          {drag?.moved ? (
            <div
              className={classes.selection}
              style={{
                left: `calc(var(--timeline-label) + (100% - var(--timeline-label)) * ${Math.max(0, Math.min(drag.from, drag.to)) / 100})`,
                width: `calc((100% - var(--timeline-label)) * ${Math.min(100, Math.abs(drag.to - drag.from)) / 100})`,
              }}
              aria-hidden
            />
          ) : null}
        </div>
      ) : null}

      <Text size="sm" className={classes.info} aria-live="polite">
        {pointedSpan
          ? describeStep(pointedSpan, now, timeZone, errors)
          : 'Point at or focus a step to see its times; open it for the log lines written while it ran.'}
      </Text>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="md" aria-hidden>
          <Text size="xs" c="dimmed">
            <span className={`${classes.legend} ${classes.active}`} />
            active
          </Text>
          <Text size="xs" c="dimmed">
            <span className={`${classes.legend} ${classes.paused}`} />
            paused
          </Text>
          <Text size="xs" c="dimmed">
            <span className={`${classes.legend} ${classes.cancelledLegend}`} />
            cancelled
          </Text>
        </Group>
        <ClockToleranceSelect />
      </Group>
      {unplaced.length > 0 ? (
        <div>
          <Text size="sm" fw={600}>
            Not on the time axis ({unplaced.length})
          </Text>
          <ul className={classes.unplaced}>
            {unplaced.map((span) => (
              <li key={span.key}>
                <Link to={stepHref(span)}>{describeStep(span, now, timeZone, errors)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function clampInto(range: TimeRange, whole: TimeRange): TimeRange {
  const from = Math.max(whole.from, range.from);
  const to = Math.min(whole.to, range.to);
  return to > from ? { from, to } : whole;
}
