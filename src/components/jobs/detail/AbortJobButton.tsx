import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { abortJobMutationOptions, isTerminalStatus } from '../../../api/jobs';
import type { WorkflowJob } from '../../../api/schemas';

/** Asks before aborting; absent for a job that is already complete or aborted. */
export function AbortJobButton({ job }: { job: WorkflowJob }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const mutation = useMutation(abortJobMutationOptions(queryClient));
  if (isTerminalStatus(job.metadata.status)) return null;
  const name = job.metadata.jobTitle || job.jobId;
  const confirm = () => {
    mutation.mutate(
      { jobId: job.jobId, clientJobId: job.metadata.clientJobId },
      {
        onSuccess: () => {
          setOpened(false);
          notifications.show({ color: 'green', message: `Aborted “${name}”.` });
        },
        onError: (error) => {
          setOpened(false);
          notifications.show({
            color: 'red',
            title: `Could not abort “${name}”`,
            message: error.message,
            autoClose: 10_000,
          });
        },
      },
    );
  };
  return (
    <>
      <Button
        color="red"
        variant="light"
        size="xs"
        leftSection={<IconPlayerStop size={14} />}
        onClick={() => setOpened(true)}
      >
        Abort job
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          if (!mutation.isPending) setOpened(false);
        }}
        title="Abort this job?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Abort <strong>{name}</strong>? This cannot be undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => setOpened(false)}
              disabled={mutation.isPending}
            >
              Keep running
            </Button>
            <Button color="red" onClick={confirm} loading={mutation.isPending}>
              Abort job
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
