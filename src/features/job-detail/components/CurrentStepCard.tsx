import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Step } from '../../../contract';
import { timingOfStep } from '../../../lib/timeEvents';
import { Timestamp } from '../../../ui/Timestamp';
import { useNow } from '../../../ui/useNow';
import { ActiveFor } from './ActiveFor';
import { StepFields } from './StepFields';
import { StepTimingPanel } from './StepTimingPanel';
import { StepTags, StepValues, stepTags } from './StepValues';
import { StepTypeLabel } from './StepTypeLabel';

interface CurrentStepCardProps {
  step: Step | null | undefined;
  /** For a job that ended with a step still open: when it ended (its last update). */
  endedAt: number | null;
}

/** The step the job is on: what it is, who has it, since when, and its time events. */
export function CurrentStepCard({ step, endedAt }: CurrentStepCardProps) {
  // Ticks the "active for" text each second from the data already held; never refetches.
  const now = useNow(1000);
  if (!step) {
    return (
      <Card withBorder component="section" aria-label="Current step">
        <Title order={2} size="h4">
          Current step
        </Title>
        <Text size="sm" c="dimmed" mt="xs">
          No current step.
        </Text>
      </Card>
    );
  }
  const timing = timingOfStep(step, now, endedAt);
  const tags = stepTags(step.metadata);
  const number = step.stepNumber ?? null;
  return (
    <Card withBorder component="section" aria-labelledby="current-step-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Current step{number !== null ? ` · step ${number}` : ''}
            </Text>
            <Title order={2} size="h4" id="current-step-title">
              {step.stepTitle || 'Untitled step'}
            </Title>
          </div>
          <Group gap="xs">
            {step.cancelled ? <Badge color="gray">Cancelled</Badge> : null}
            <ActiveFor timing={timing} />
          </Group>
        </Group>
        {step.stepDescription ? <Text size="sm">{step.stepDescription}</Text> : null}
        <StepFields
          fields={[
            { label: 'Type', value: <StepTypeLabel stepType={step.stepType} />, present: true },
            { label: 'Assigned to', value: step.userName, present: !!step.userName },
            { label: 'Device', value: step.deviceId, present: !!step.deviceId },
            {
              label: 'Started',
              value: <Timestamp value={step.started} />,
              present: !!step.started,
            },
            {
              label: 'Updated',
              value: <Timestamp value={step.updated} />,
              present: !!step.updated,
            },
            { label: 'Note', value: step.note, present: !!step.note },
            {
              label: 'Values',
              value: <StepValues values={step.values} />,
              present: !!step.values?.length,
            },
            { label: 'Tags', value: <StepTags tags={tags} />, present: tags.length > 0 },
          ]}
        />
        <StepTimingPanel
          timeEvents={step.timeEvents}
          timing={timing}
          stepLabel={number !== null ? `step ${number}` : 'the current step'}
        />
      </Stack>
    </Card>
  );
}
