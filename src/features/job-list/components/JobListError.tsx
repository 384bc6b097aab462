import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useNow } from '../../../ui/useNow';
import { freshnessLabel } from './RefreshControl';

interface JobListErrorProps {
  error: unknown;
  /** When the rows still on screen were fetched; 0 when there are none. */
  keptSince: number;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed load, or a failed refresh that leaves the last good rows on screen. */
export function JobListError({ error, keptSince, onRetry, retrying }: JobListErrorProps) {
  // Ticks here, not in the page: the table must not re-render every second.
  const now = useNow(1000);
  return (
    <ErrorAlert
      title={
        keptSince
          ? `Could not refresh the jobs: showing the list from ${freshnessLabel(keptSince, now)}`
          : 'Could not load the jobs'
      }
      error={error}
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
