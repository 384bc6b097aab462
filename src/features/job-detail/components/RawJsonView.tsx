import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** The job's JSON as the server sent it, for bug reports and curious operators. */
export function RawJsonView({ raw }: { raw: unknown }) {
  const json = JSON.stringify(raw, null, 2) ?? 'undefined';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          The job as received from the Jobs API.
        </Text>
        <CopyButton value={json} timeout={1500}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy JSON'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code
        block
        role="region"
        aria-label="Job JSON"
        tabIndex={0}
        fz="xs"
        style={{ maxHeight: '70vh', overflow: 'auto' }}
      >
        {json}
      </Code>
    </Stack>
  );
}
