import { Chip, Group } from '@mantine/core';
import { memo, useSyncExternalStore } from 'react';
import { LOG_LEVELS, type LogLevel } from '../model/logLine';
import type { LogStore } from '../store/LogStore';
import { formatCount } from '../model/formatCount';

// Shades dark (or, for WARN, light) enough that the chip's text meets WCAG AA on it;
// autoContrast picks black or white text from the background.
const COLORS: Record<LogLevel, string> = {
  ERROR: 'red.9',
  WARN: 'yellow.5',
  INFO: 'blue.9',
  DEBUG: 'gray.7',
  OTHER: 'gray.7',
};

export interface LevelChipsProps {
  levels: ReadonlySet<LogLevel>;
  /** Read for the counts: each count follows the store itself. */
  store: LogStore;
  onToggle: (level: LogLevel, shown: boolean) => void;
}

/**
 * One level's line count. It subscribes to the store on its own, so new lines re-render these
 * few text nodes and not the chips around them.
 */
function LevelCount({ store, level }: { store: LogStore; level: LogLevel }) {
  const count = useSyncExternalStore(store.subscribe, () => store.counts[level]);
  return formatCount(count);
}

const LevelChip = memo(function LevelChip(props: {
  level: LogLevel;
  checked: boolean;
  store: LogStore;
  onToggle: (level: LogLevel, shown: boolean) => void;
}) {
  const { level, checked, store, onToggle } = props;
  return (
    <Chip
      size="xs"
      color={COLORS[level]}
      autoContrast
      checked={checked}
      onChange={(next) => onToggle(level, next)}
    >
      {level} <LevelCount store={store} level={level} />
    </Chip>
  );
});

/** One checkbox chip per level with its line count; "OTHER" only when such lines exist. */
export const LevelChips = memo(function LevelChips({ levels, store, onToggle }: LevelChipsProps) {
  const hasOther = useSyncExternalStore(store.subscribe, () => store.counts.OTHER > 0);
  const shown = LOG_LEVELS.filter((level) => level !== 'OTHER' || hasOther);
  return (
    <Group gap={6} role="group" aria-label="Levels">
      {shown.map((level) => (
        <LevelChip
          key={level}
          level={level}
          checked={levels.has(level)}
          store={store}
          onToggle={onToggle}
        />
      ))}
    </Group>
  );
});
