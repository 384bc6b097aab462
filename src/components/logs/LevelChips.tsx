import { Chip, Group } from '@mantine/core';
import { LOG_LEVELS, type LogLevel } from '../../api/logStore';

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
          autoContrast
          checked={levels.has(level)}
          onChange={(checked) => onToggle(level, checked)}
        >
          {level} {counts[level].toLocaleString('en-US')}
        </Chip>
      ))}
    </Group>
  );
}
