import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface StepField {
  label: string;
  value: ReactNode;
  /** Fields without a value are left out rather than shown empty. */
  present: boolean;
}

/** Label/value pairs of a step, only those present, as a description list. */
export function StepFields({ fields }: { fields: StepField[] }) {
  const shown = fields.filter((f) => f.present);
  if (shown.length === 0) return null;
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="sm"
      verticalSpacing="xs"
      m={0}
    >
      {shown.map((f) => (
        <Stack key={f.label} gap={0}>
          <Text component="dt" size="xs" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {f.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
