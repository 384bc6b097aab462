import { Text } from '@mantine/core';
import type { WorkflowJob } from '../../../contract';
import { formatDuration } from '../../../lib/time';
import { useNow } from '../../../ui/useNow';
import { currentStepActiveMs } from '../model/rowCells';
import classes from './JobList.module.css';

/** The current step's active time (paused periods excluded), ticking while it runs. */
export function ActiveTimeCell({ job }: { job: WorkflowJob }) {
  const now = useNow(1000);
  const ms = currentStepActiveMs(job, now);
  if (ms === null) {
    return (
      <Text span c="dimmed" inherit>
        —
      </Text>
    );
  }
  return (
    <Text span inherit className={classes.duration}>
      {formatDuration(ms)}
    </Text>
  );
}
