import { Group, Text } from '@mantine/core';
import { StepTypeIcon } from '../../../ui/StepTypeIcon';

/** The step type's icon followed by its raw value, as the API sent it. */
export function StepTypeLabel({ stepType }: { stepType: string | null | undefined }) {
  return (
    <Group gap={6} wrap="nowrap">
      <StepTypeIcon stepType={stepType} />
      <Text size="sm" span>
        {stepType || 'unknown'}
      </Text>
    </Group>
  );
}
