import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';

/** Last line of defence: a crash outside any region's own boundary still leaves a way out. */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1} size="h2">
          Jobscope hit an unexpected error
        </Title>
        <Text>{message}</Text>
        <Button component="a" href="/jobs" w="fit-content">
          Back to the job list
        </Button>
      </Stack>
    </Container>
  );
}
