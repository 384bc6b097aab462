import { Chip, Group, Text } from '@mantine/core';
import type { JobCounts } from '../../../contract';
import { statusColor } from '../../../ui/JobStatusBadge';

export const KNOWN_STATUSES = ['Active', 'Paused', 'Completed', 'Aborted'] as const;

interface StatusChipsProps {
  selected: readonly string[];
  onChange: (statuses: string[]) => void;
  /** Jobs per status for the other filters; null when the server has no counts (no numbers). */
  counts: JobCounts | null | undefined;
  /** Why the server cannot filter by status; the chips are disabled and unchecked when set. */
  disabledReason?: string | null;
}

/** The statuses to offer: the known ones, any the server counted, any a link selected. */
export function statusOptions(counts: JobCounts | null | undefined, selected: readonly string[]) {
  const all = new Set<string>(KNOWN_STATUSES);
  for (const status of Object.keys(counts?.statuses ?? {})) all.add(status);
  for (const status of selected) all.add(status);
  return [...all];
}

const numberFormat = new Intl.NumberFormat('en-US');

/** The status filter as toggle chips, each with its count when the server gives counts. */
export function StatusChips({ selected, onChange, counts, disabledReason }: StatusChipsProps) {
  const shown = disabledReason ? [] : selected;
  return (
    <Group gap="xs" role="group" aria-label="Status" title={disabledReason ?? undefined}>
      <Text size="sm" fw={500} component="span" visibleFrom="sm">
        Status
      </Text>
      <Chip.Group multiple value={[...shown]} onChange={onChange}>
        {statusOptions(counts, shown).map((status) => {
          const count = counts && !disabledReason ? (counts.statuses[status] ?? 0) : null;
          return (
            <Chip
              key={status}
              value={status}
              size="sm"
              color={statusColor(status)}
              variant="light"
              disabled={!!disabledReason}
            >
              {status}
              {count !== null ? (
                <Text span inherit c="dimmed" ml={6} fw={600}>
                  {numberFormat.format(count)}
                </Text>
              ) : null}
            </Chip>
          );
        })}
      </Chip.Group>
    </Group>
  );
}
