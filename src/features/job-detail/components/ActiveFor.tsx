import { Text } from '@mantine/core';
import { formatDuration } from '../../../lib/time';
import type { StepTiming } from '../../../lib/timeEvents';

/** "active for 3 m 12 s" or "paused for 40 s (active 3 m 12 s)": what the step is doing now. */
export function activeForText(timing: StepTiming): string | null {
  if (!timing.open) return null;
  const active = formatDuration(timing.activeMs);
  if (timing.state === 'active') return `active for ${active}`;
  const last = timing.segments[timing.segments.length - 1];
  if (timing.state === 'paused' && last) {
    return `paused for ${formatDuration(last.end - last.start)} (active ${active})`;
  }
  return null;
}

// Text colours that reach WCAG AA (4.5:1) on both schemes' page background.
const PAUSED_COLOR = 'light-dark(#9c5700, var(--mantine-color-yellow-4))';
const ACTIVE_COLOR = 'light-dark(var(--mantine-color-blue-9), var(--mantine-color-blue-4))';

export function ActiveFor({ timing }: { timing: StepTiming }) {
  const text = activeForText(timing);
  if (!text) return null;
  return (
    <Text
      size="sm"
      fw={500}
      c={timing.state === 'paused' ? PAUSED_COLOR : ACTIVE_COLOR}
      data-testid="active-for"
    >
      {text}
    </Text>
  );
}
