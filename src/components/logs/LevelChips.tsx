import { Chip, Group } from '@mantine/core';
import { LOG_LEVELS, type LogLevel } from '../../api/logStore';

const COLORS: Record<LogLevel, string> = {
  ERROR: 'red',
  WARN: 'orange',
  INFO: 'blue',
  DEBUG: 'gray',
  OTHER: 'gray',
};

export interface LevelChipsProps {
  levels: ReadonlySet<LogLevel>;
  counts: Readonly<Record<LogLevel, number>>;
  onToggle: (level: LogLevel, shown: boolean) => void;
}

/** One checkbox chip per level with its line count; "OTHER" only when such lines exist. */
export function LevelChips({ levels, counts, onToggle }: LevelChipsProps) {
  const shown = LOG_LEVELS.filter((level) => level !== 'OTHER' || counts.OTHER > 0);
  return (
    <Group gap={6} role="group" aria-label="Levels">
      {shown.map((level) => (
        <Chip
          key={level}
          size="xs"
          color={COLORS[level]}
          checked={levels.has(level)}
          onChange={(checked) => onToggle(level, checked)}
        >
          {level} {counts[level].toLocaleString('en-US')}
        </Chip>
      ))}
    </Group>
  );
}
