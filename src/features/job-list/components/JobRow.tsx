import { Anchor, Group, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { WorkflowJob } from '../../../contract';
import { paths, type JobLinkState } from '../../../config/paths';
import { JobStatusBadge } from '../../../ui/JobStatusBadge';
import { StepTypeIcon } from '../../../ui/StepTypeIcon';
import { Timestamp } from '../../../ui/Timestamp';
import { ActiveTimeCell } from './ActiveTimeCell';
import { columnVisibility } from '../model/columns';
import { jobTitle } from '../../../lib/job';
import { currentStep, stepLabel } from '../model/rowCells';
import classes from './JobList.module.css';
import { WatchIconButton } from '../../job-watch';

interface JobRowProps {
  job: WorkflowJob;
  linkState: JobLinkState;
  /** Set when the status or step changed at the last refresh; alternates so the flash restarts. */
  flash?: 'a' | 'b';
}

const none = (
  <Text span c="dimmed" inherit>
    —
  </Text>
);

export const JobRow = memo(function JobRow({ job, linkState, flash }: JobRowProps) {
  const { metadata } = job;
  const title = jobTitle(job);
  const step = currentStep(job);
  const stepText = stepLabel(step);
  const stepCell = stepText ? (
    <Group gap={6} wrap="nowrap" className={classes.step}>
      <StepTypeIcon stepType={step?.stepType} />
      <Text span inherit truncate>
        {stepText}
      </Text>
    </Group>
  ) : (
    none
  );
  return (
    <Table.Tr className={classes.row} data-flash={flash} data-job-id={job.jobId}>
      <Table.Td className={classes.jobCell}>
        <div className={classes.jobCellInner}>
          <div className={classes.jobText}>
            <Anchor
              component={Link}
              to={paths.job(job.jobId)}
              state={linkState}
              fw={500}
              // A runaway title (one 10,000-character word) must not make the row a page tall.
              lineClamp={2}
              className={classes.jobLink}
              data-row-link
            >
              {title}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace" className={classes.jobId}>
              {job.jobId}
            </Text>
            <Text size="xs" c="dimmed" hiddenFrom="sm" component="div" mt={2}>
              {stepCell}
            </Text>
          </div>
          <WatchIconButton jobId={job.jobId} name={title} status={metadata.status} />
        </div>
      </Table.Td>
      <Table.Td visibleFrom={columnVisibility('workflow')}>
        {metadata.workflowName || metadata.workflowId || none}
      </Table.Td>
      <Table.Td className={classes.statusCell}>
        <JobStatusBadge
          status={metadata.status}
          size="sm"
          classNames={{ label: classes.badgeLabel }}
        />
      </Table.Td>
      <Table.Td visibleFrom={columnVisibility('step')}>{stepCell}</Table.Td>
      <Table.Td visibleFrom={columnVisibility('owner')} className={classes.owner}>
        {metadata.username || none}
      </Table.Td>
      <Table.Td visibleFrom={columnVisibility('team')}>{job.team || none}</Table.Td>
      <Table.Td visibleFrom={columnVisibility('created')} className={classes.nowrap}>
        <Timestamp value={metadata.created} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <Timestamp value={metadata.updated ?? metadata.modified} />
      </Table.Td>
      <Table.Td visibleFrom={columnVisibility('active')} className={classes.nowrap}>
        <ActiveTimeCell job={job} />
      </Table.Td>
    </Table.Tr>
  );
});
