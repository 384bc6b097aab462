import { ActionIcon, CopyButton, Group, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

interface CopyableIdProps {
  label: string;
  value: string | null | undefined;
}

/** "Job id 65f…" with a button that copies the id. */
export function CopyableId({ label, value }: CopyableIdProps) {
  if (!value) return null;
  return (
    <Group gap={4} wrap="nowrap" miw={0}>
      <Text size="sm" c="dimmed" span style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Text size="sm" ff="monospace" span style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={copy}
            aria-label={`Copy ${label.toLowerCase()}`}
            title={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
          >
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}
