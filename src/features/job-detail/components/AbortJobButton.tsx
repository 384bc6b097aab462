import { Button } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { isTerminalStatus } from '../../../lib/job';
import type { WorkflowJob } from '../../../contract';

// The modal (and Mantine's Modal, focus trap and overlay) loads when first wanted, not with the
// page: most visits never abort anything. Pointing at the button starts the download early.
const loadModal = () => import('./AbortJobModal');
const AbortJobModal = lazy(() => loadModal().then((m) => ({ default: m.AbortJobModal })));

/** Asks before aborting; absent for a job that is already complete or aborted. */
export function AbortJobButton({ job }: { job: WorkflowJob }) {
  const [opened, setOpened] = useState(false);
  // Stays mounted once loaded, so the modal can animate closed and open again at once.
  const [wanted, setWanted] = useState(false);
  if (isTerminalStatus(job.metadata.status)) return null;
  return (
    <>
      <Button
        color="red"
        variant="light"
        size="xs"
        leftSection={<IconPlayerStop size={14} />}
        onPointerEnter={() => void loadModal()}
        onFocus={() => void loadModal()}
        onClick={() => {
          setWanted(true);
          setOpened(true);
        }}
      >
        Abort job
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <AbortJobModal job={job} opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
