import { Button, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';

interface JobListEmptyProps {
  filtered: boolean;
  /** Past the last page of a list that has jobs (a stale link, or jobs that finished). */
  pastEnd: boolean;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

export function JobListEmpty({
  filtered,
  pastEnd,
  onClearFilters,
  onFirstPage,
}: JobListEmptyProps) {
  return (
    <Stack align="center" gap="xs" py="xl" role="status">
      <Text fw={600}>
        {pastEnd ? 'No jobs on this page' : filtered ? 'No jobs match' : 'No jobs yet'}
      </Text>
      <Text size="sm" c="dimmed">
        {pastEnd
          ? 'The list is shorter than this page number.'
          : filtered
            ? 'Nothing fits these filters.'
            : 'Jobs appear here as soon as the server has any.'}
      </Text>
      {pastEnd ? (
        <Button variant="light" size="xs" onClick={onFirstPage}>
          Go to the first page
        </Button>
      ) : filtered ? (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={onClearFilters}
        >
          Clear filters
        </Button>
      ) : null}
    </Stack>
  );
}
