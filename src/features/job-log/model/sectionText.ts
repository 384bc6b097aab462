/** What a step section's header says: which step (or none), and its lines, errors and times. */
import { formatDuration } from '../../../lib/time';
import type { StepSpan } from '../../../lib/stepSpans';
import { UNPLACED, type Section } from '../store/sectionIndex';
import { formatCount } from './formatCount';

export interface SectionText {
  /** "Step 3 - Hour meter reading", or what the lines are when no step holds them. */
  title: string;
  /** "running, active 4 m 12 s - 1,204 lines" */
  detail: string;
  /** "3 errors"; null when it has none. */
  errors: string | null;
}

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export function sectionText(section: Section, span: StepSpan | null): SectionText {
  const counts = [plural(section.count, 'line', 'lines')];
  const errors = section.errors > 0 ? plural(section.errors, 'error', 'errors') : null;
  if (section.untimed > 0 && section.step !== UNPLACED) {
    counts.push(`${formatCount(section.untimed)} without a time, placed by order`);
  }
  const lines = counts.join(', ');
  if (!span) {
    return section.step === UNPLACED
      ? { title: 'No time', detail: `${lines} without a valid time: not placed on a step`, errors }
      : { title: 'No step', detail: `${lines} written while no step was active`, errors };
  }
  const { activeMs, pausedMs } = span.timing;
  const times = [
    span.open ? 'running' : span.outcome === 'cancelled' ? 'cancelled' : 'completed',
    `active ${formatDuration(activeMs)}`,
  ];
  if (pausedMs > 0) times.push(`paused ${formatDuration(pausedMs)}`);
  return {
    title: `Step ${span.number} - ${span.title}`,
    detail: `${times.join(', ')} - ${lines}`,
    errors,
  };
}
