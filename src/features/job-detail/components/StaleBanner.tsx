import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';

interface StaleBannerProps {
  error: Error;
  onRetry: () => void;
}

/**
 * A refresh failed while data is on screen: keep the data, say it may be old, offer a retry.
 * The retry stays clickable while background retries wait out their back-off: clicking it
 * starts a fresh request at once instead of waiting for the next attempt.
 */
export function StaleBanner({ error, onRetry }: StaleBannerProps) {
  return (
    <Alert color="yellow" variant="light" p="xs" icon={<IconCloudOff size={16} />} role="status">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">Data may be stale: {error.message}</Text>
        <Button size="compact-xs" variant="light" color="yellow" onClick={onRetry}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
