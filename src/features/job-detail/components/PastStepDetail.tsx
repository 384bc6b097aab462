import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { Step } from '../../../contract';
import type { StepTiming } from '../../../lib/timeEvents';
import { StepTimingPanel } from './StepTimingPanel';
import { StepTags, StepValues, stepTags } from './StepValues';

/** What an expanded row of the steps table shows: time events, values, note, tags. */
export function PastStepDetail({ step, timing }: { step: Step; timing: StepTiming }) {
  const tags = stepTags(step.metadata);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" py="xs">
      <StepTimingPanel
        timeEvents={step.timeEvents}
        timing={timing}
        stepLabel={`step ${String(step.stepNumber ?? '')}`.trim()}
      />
      <Stack gap="xs">
        {step.stepDescription ? <Text size="sm">{step.stepDescription}</Text> : null}
        <div>
          <Text size="xs" c="dimmed">
            Values
          </Text>
          {step.values?.length ? (
            <StepValues values={step.values} />
          ) : (
            <Text size="sm" c="dimmed">
              None recorded
            </Text>
          )}
        </div>
        {step.note ? (
          <div>
            <Text size="xs" c="dimmed">
              Note
            </Text>
            <Text size="sm">{step.note}</Text>
          </div>
        ) : null}
        {step.deviceId ? (
          <Text size="xs" c="dimmed">
            Device {step.deviceId}
          </Text>
        ) : null}
        <StepTags tags={tags} />
      </Stack>
    </SimpleGrid>
  );
}
