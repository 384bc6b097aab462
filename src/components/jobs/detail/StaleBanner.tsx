import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';

interface StaleBannerProps {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}

/** A refresh failed while data is on screen: keep the data, say it may be old, offer a retry. */
export function StaleBanner({ error, onRetry, retrying }: StaleBannerProps) {
  return (
    <Alert color="yellow" variant="light" p="xs" icon={<IconCloudOff size={16} />} role="status">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">Data may be stale: {error.message}</Text>
        <Button
          size="compact-xs"
          variant="light"
          color="yellow"
          onClick={onRetry}
          loading={retrying}
        >
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
