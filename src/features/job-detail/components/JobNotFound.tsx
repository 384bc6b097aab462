import { Anchor, Code, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** An unknown job id (the Jobs API answered 404). */
export function JobNotFound({ jobId, listHref }: { jobId: string; listHref: string }) {
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1} size="h2">
        Job not found
      </Title>
      <Text>
        No job has the id <Code>{jobId}</Code>. It may have been removed, or the link may be
        mistyped.
      </Text>
      <Anchor component={Link} to={listHref}>
        Back to the job list
      </Anchor>
    </Stack>
  );
}
