import { Text } from '@mantine/core';
import type { Freshness } from '../../../contract';
import { useNow } from '../../../ui/useNow';
import { freshnessLabel } from './RefreshControl';

const numberFormat = new Intl.NumberFormat('en-US');
const count = (n: number, one: string, many = `${one}s`) =>
  `${numberFormat.format(n)} ${n === 1 ? one : many}`;

/**
 * One quiet line on what the list stands on: "40,212 jobs · synced 12 s ago". During the first
 * pass it says that filters and counts cover the jobs read so far; after a failed sync, since
 * when the list has been what it shows; with the index off, that nothing is filtered or counted.
 */
export function indexFreshnessText(freshness: Freshness, now: number): string {
  if (freshness.index === 'off') return freshness.reason;
  const parts: string[] = [];
  if (freshness.firstPass) {
    const read = freshness.pass?.jobs ?? freshness.jobs;
    parts.push(
      `Indexing the Jobs API: ${count(read, 'job')} read so far` +
        (freshness.pass ? ` (page ${numberFormat.format(freshness.pass.pages)})` : '') +
        '. Filters, sort and counts cover these only.',
    );
  } else {
    const synced = freshness.lastPassAt ? Date.parse(freshness.lastPassAt) : NaN;
    const read = freshness.lastReadAt ? Date.parse(freshness.lastReadAt) : NaN;
    const latest = Number.isFinite(read) ? read : synced;
    parts.push(
      `${count(freshness.jobs, 'job')} · synced ${Number.isFinite(latest) ? freshnessLabel(latest, now) : 'never'}`,
    );
  }
  if (freshness.lastError) {
    const at = Date.parse(freshness.lastError.at);
    parts.push(
      `Last sync problem ${Number.isFinite(at) ? freshnessLabel(at, now) : ''}: ${freshness.lastError.message}`,
    );
  }
  if (freshness.skipped > 0) {
    parts.push(`${count(freshness.skipped, 'job')} left out: not in a shape Jobscope reads`);
  }
  return parts.join(' · ');
}

export function IndexFreshness({ freshness }: { freshness: Freshness | undefined }) {
  const now = useNow(1000);
  if (!freshness) return null;
  const troubled =
    freshness.index === 'on' && (freshness.lastError !== null || freshness.firstPass);
  return (
    // Not a live region: it ticks every second, which a screen reader would read out each time.
    <Text size="xs" c={troubled ? undefined : 'dimmed'} data-testid="index-freshness">
      {indexFreshnessText(freshness, now)}
    </Text>
  );
}
