import { Stack, Text, Title } from '@mantine/core';
import type { WorkflowJob } from '../../../contract';
import { KeyValueTable } from './KeyValueTable';
import type { ReactNode } from 'react';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={2} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return value !== '';
}

/** The job's free metadata, identifiers, packets, hierarchy and exclusions. */
export function JobMetadataPanel({ job }: { job: WorkflowJob }) {
  const m = job.metadata;
  const free = Object.entries(m.metadata ?? {});
  return (
    <Stack gap="lg">
      <Section title="Metadata">
        {free.length ? (
          <KeyValueTable label="Job metadata" entries={free} />
        ) : (
          <Text size="sm" c="dimmed">
            This job carries no metadata.
          </Text>
        )}
      </Section>
      <Section title="Identifiers">
        <KeyValueTable
          label="Identifiers"
          entries={[
            ['jobId', job.jobId],
            ['clientJobId', m.clientJobId],
            ['workflowId', m.workflowId],
            ['workflowVersionId', m.workflowVersionId],
            ['userId', m.userId],
            ['modified', m.modified],
          ]}
        />
      </Section>
      {hasContent(job.packetIds) ? (
        <Section title="Packet ids">
          <KeyValueTable
            label="Packet ids"
            entries={(job.packetIds ?? []).map((id, i) => [String(i + 1), id])}
          />
        </Section>
      ) : null}
      {hasContent(job.hierarchyStack) ? (
        <Section title="Hierarchy stack">
          <KeyValueTable
            label="Hierarchy stack"
            entries={
              Array.isArray(job.hierarchyStack)
                ? job.hierarchyStack.map((level: unknown, i) => [String(i + 1), level])
                : [['value', job.hierarchyStack]]
            }
          />
        </Section>
      ) : null}
      {hasContent(job.jobExclusion) || job.excluded ? (
        <Section title="Exclusions">
          <KeyValueTable
            label="Exclusions"
            entries={[
              ['excluded', job.excluded ? 'yes' : 'no'],
              ...(job.jobExclusion ?? []).map((e, i): [string, unknown] => [String(i + 1), e]),
            ]}
          />
        </Section>
      ) : null}
    </Stack>
  );
}
