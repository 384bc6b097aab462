import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/errors';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** What went wrong in a sentence, the raw detail for the curious, and a retry. */
export function ErrorAlert({
  error,
  title = 'Something went wrong',
  onRetry,
  retrying,
}: ErrorAlertProps) {
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  const detail = error instanceof ApiError ? error.detail : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {detail ? (
          <details>
            <summary>
              <Text span size="xs">
                Details
              </Text>
            </summary>
            <Code block mt={4}>
              {detail}
            </Code>
          </details>
        ) : null}
        {onRetry ? (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry} loading={retrying}>
              Retry
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
