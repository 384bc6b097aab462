import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { jobTitle } from '../../../lib/job';
import { abortJobMutationOptions } from '../api';
import type { WorkflowJob } from '../../../contract';

export interface AbortJobModalProps {
  job: WorkflowJob;
  opened: boolean;
  onClose: () => void;
}

/** The confirmation before an abort, and the abort itself; loaded on the first click. */
export function AbortJobModal({ job, opened, onClose }: AbortJobModalProps) {
  const queryClient = useQueryClient();
  const mutation = useMutation(abortJobMutationOptions(queryClient));
  const name = jobTitle(job);
  const confirm = () => {
    mutation.mutate(
      { jobId: job.jobId, clientJobId: job.metadata.clientJobId },
      {
        onSuccess: () => {
          onClose();
          notifications.show({ color: 'green', message: `Aborted “${name}”.` });
        },
        onError: (error) => {
          onClose();
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
    <Modal
      opened={opened}
      onClose={() => {
        if (!mutation.isPending) onClose();
      }}
      title="Abort this job?"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          Abort <strong>{name}</strong>? This cannot be undone.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            Keep running
          </Button>
          <Button color="red" onClick={confirm} loading={mutation.isPending}>
            Abort job
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
