/**
 * The bar above the log when a step is chosen (`?step=`): which step, how many of the lines held
 * were written while it ran, a "This step only" switch, and a way back to every line. The link
 * between a line and a step is made by time (the two APIs do not make it), and the bar says so.
 */
import { Button, Checkbox, Text } from '@mantine/core';
import { memo } from 'react';
import type { StepSpan } from '../../../lib/stepSpans';
import { formatAbsolute, formatDuration, type TimeZonePreference } from '../../../lib/time';
import { formatCount } from '../model/formatCount';
import { ClockToleranceSelect } from '../../../ui/clockTolerance';
import classes from './JobLogPanel.module.css';

export interface StepScopeProps {
  /** The chosen step, or null when `?step=` names none of the job's steps. */
  span: StepSpan | null;
  stepId: string;
  lines: number;
  only: boolean;
  onOnlyChange: (only: boolean) => void;
  onClear: () => void;
  timeZone: TimeZonePreference;
}

function when(span: StepSpan, zone: TimeZonePreference): string {
  if (span.start === null) return 'it has no valid start time';
  const end =
    span.end !== null ? formatAbsolute(span.end, zone) : span.open ? 'now' : 'its end (unknown)';
  return `${formatAbsolute(span.start, zone)} to ${end}, active ${formatDuration(span.timing.activeMs)}`;
}

export const StepScope = memo(function StepScope(props: StepScopeProps) {
  const { span, stepId, lines, only, onOnlyChange, onClear, timeZone } = props;
  return (
    <div className={classes.stepScope} role="region" aria-label="Chosen step">
      <Text size="sm" className={classes.stepScopeText}>
        {span ? (
          <>
            <strong>
              Step {span.number} - {span.title}
            </strong>
            : {formatCount(lines)} {lines === 1 ? 'line' : 'lines'} written while it ran (
            {when(span, timeZone)})
          </>
        ) : (
          <>This job has no step {JSON.stringify(stepId)}.</>
        )}
      </Text>
      {span ? (
        <Checkbox
          size="xs"
          label="This step only"
          checked={only}
          onChange={(event) => onOnlyChange(event.currentTarget.checked)}
        />
      ) : null}
      <ClockToleranceSelect />
      <Button size="compact-xs" variant="subtle" onClick={onClear}>
        All steps
      </Button>
    </div>
  );
});
