import { Alert, Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { WorkflowJob } from '../../../contract';
import { JobStatusBadge } from '../../../ui/JobStatusBadge';
import { Timestamp } from '../../../ui/Timestamp';
import { AbortJobButton } from './AbortJobButton';
import { CopyableId } from './CopyableId';
import { exclusionReason } from '../model/exclusion';
import { jobTitle } from '../../../lib/job';
import { WatchButton } from '../../job-watch';

interface JobHeaderProps {
  job: WorkflowJob;
  /** Where "Jobs" leads: the list view the operator came from, or the plain list. */
  listHref: string;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" span>
      <Text span c="dimmed" inherit>
        {label}{' '}
      </Text>
      {children}
    </Text>
  );
}

/** Who, what and when at a glance: title, status, workflow, ids, owner, times, exclusion. */
export function JobHeader({ job, listHref }: JobHeaderProps) {
  const m = job.metadata;
  const title = jobTitle(job);
  const reason = job.excluded ? exclusionReason(job.jobExclusion) : null;
  return (
    <Stack gap="xs">
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to={listHref} size="sm">
          Jobs
        </Anchor>
        <Text size="sm" c="dimmed" aria-current="page" lineClamp={1}>
          {title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="center" miw={0}>
          {/* Clamped so a runaway title cannot push the page's content off screen. */}
          <Title order={1} size="h2" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <JobStatusBadge status={m.status} size="lg" />
          {job.excluded ? (
            <Badge color="grape" variant="outline" tt="none" title={reason ?? 'No reason given'}>
              Excluded{reason ? `: ${reason}` : ''}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          <WatchButton jobId={job.jobId} name={title} status={m.status} />
          <AbortJobButton job={job} />
        </Group>
      </Group>
      <Group gap="lg" style={{ rowGap: 4 }}>
        {m.workflowName || m.workflowId ? (
          <Meta label="Workflow">
            {m.workflowName || m.workflowId}
            {m.workflowVersionId ? (
              <Text span c="dimmed" inherit ff="monospace" fz="xs">
                {' '}
                (version {m.workflowVersionId})
              </Text>
            ) : null}
          </Meta>
        ) : null}
        {m.username ? <Meta label="Owner">{m.username}</Meta> : null}
        {job.team ? <Meta label="Team">{job.team}</Meta> : null}
        <Meta label="Created">
          <Timestamp value={m.created} />
        </Meta>
        <Meta label="Updated">
          <Timestamp value={m.updated ?? m.modified} />
        </Meta>
      </Group>
      <Group gap="lg" style={{ rowGap: 0 }}>
        <CopyableId label="Job id" value={job.jobId} />
        <CopyableId label="Client job id" value={m.clientJobId} />
      </Group>
      {m.status === 'Aborted' ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Job aborted"
        >
          {m.abandonReason || 'No reason was given.'}
        </Alert>
      ) : null}
    </Stack>
  );
}
