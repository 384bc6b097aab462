import { ActionIcon, Group, Loader, NativeSelect, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { formatRelative } from '../../../lib/time';
import { useNow } from '../../../ui/useNow';
import { REFRESH_CHOICES, type RefreshChoice } from '../hooks/useRefreshInterval';

interface RefreshControlProps {
  choice: RefreshChoice;
  onChoice: (choice: RefreshChoice) => void;
  /** When the rows on screen were fetched (ms); 0 before the first answer. */
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}

const LABELS: Record<RefreshChoice, string> = {
  off: 'Off',
  '2': 'Every 2 s',
  '5': 'Every 5 s',
  '10': 'Every 10 s',
  '30': 'Every 30 s',
};

/** Seconds count up between refreshes ("3 s ago"), where "just now" would hide the gap. */
export function freshnessLabel(updatedAt: number, now: number): string {
  const seconds = Math.floor(Math.max(0, now - updatedAt) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  return formatRelative(updatedAt, now);
}

/** Freshness ("Updated 3 s ago"), a manual refresh, and the auto-refresh interval. */
export function RefreshControl({
  choice,
  onChoice,
  updatedAt,
  fetching,
  onRefresh,
}: RefreshControlProps) {
  const now = useNow(1000);
  const freshness = updatedAt ? `Updated ${freshnessLabel(updatedAt, now)}` : 'Not loaded yet';
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed" data-testid="freshness" miw="9.5em" ta="right">
        {freshness}
      </Text>
      <ActionIcon
        variant="subtle"
        aria-label="Refresh now"
        title="Refresh now"
        onClick={onRefresh}
        aria-busy={fetching}
      >
        {fetching ? <Loader size={14} /> : <IconRefresh size={16} aria-hidden />}
      </ActionIcon>
      <NativeSelect
        aria-label="Auto-refresh"
        size="xs"
        data={REFRESH_CHOICES.map((value) => ({ value, label: LABELS[value] }))}
        value={choice}
        onChange={(event) => onChoice(event.currentTarget.value as RefreshChoice)}
      />
    </Group>
  );
}
