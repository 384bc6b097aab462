import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { paths } from '../config/paths';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotFoundPage() {
  const location = useLocation();
  useDocumentTitle('Page not found');
  return (
    <Stack align="center" gap="md" py="xl">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">
        Nothing lives at <code>{location.pathname}</code>.
      </Text>
      <Button component={Link} to={paths.jobs()}>
        Go to the job list
      </Button>
    </Stack>
  );
}
