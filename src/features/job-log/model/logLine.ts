/**
 * One log line as the panel holds it: a row of the Job log API, normalised once when its page
 * is read, with its level folded there into one of the five the panel filters by. Everything
 * after the reader (store, indexes, rows, copy, download) reads these fields and never re-derives
 * them.
 */
import { parseTime } from '../../../lib/time';
import { displayText } from './logFormat';

export type LogLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'OTHER';
export const LOG_LEVELS: readonly LogLevel[] = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'OTHER'];

export interface LogLine {
  readonly id: number;
  /** The level as the API sent it ('' when absent). */
  readonly level: string;
  /** The message as the API sent it: copies and downloads keep it. */
  readonly message: string;
  /**
   * The message as shown, searched and measured (`displayText`): the same string as `message`
   * for a plain line, so a million plain lines hold no second copy.
   */
  readonly text: string;
  readonly creationDate: string | null;
  /**
   * `creationDate` in ms since the epoch, NaN when absent or unreadable: parsed once here, so the
   * volume histogram and the time filter compare numbers (a number field, never null, keeps
   * every line's shape the same).
   */
  readonly time: number;
  /** The level the filters, counts and colours use. */
  readonly severity: LogLevel;
  /** The level as shown and copied: trimmed, upper-case, '-' when absent. */
  readonly label: string;
}

/** A line's time in ms, or null when it has none: `time` read the way `parseTime` answers. */
export function lineTime(line: LogLine): number | null {
  return Number.isNaN(line.time) ? null : line.time;
}

export function severityOf(level: string): LogLevel {
  switch (level.trim().toUpperCase()) {
    case 'ERROR':
    case 'FATAL':
    case 'CRITICAL':
      return 'ERROR';
    case 'WARN':
    case 'WARNING':
      return 'WARN';
    case 'INFO':
      return 'INFO';
    case 'DEBUG':
    case 'TRACE':
      return 'DEBUG';
    default:
      return 'OTHER';
  }
}

/**
 * A log holds a handful of distinct level strings: each is folded once and its label string is
 * shared by every line that has it, so a million lines do not hold a million copies.
 */
const known = new Map<string, { severity: LogLevel; label: string }>();
const KNOWN_MAX = 256;

function levelOf(level: string): { severity: LogLevel; label: string } {
  let found = known.get(level);
  if (!found) {
    found = { severity: severityOf(level), label: level.trim().toUpperCase() || '-' };
    if (known.size < KNOWN_MAX) known.set(level, found);
  }
  return found;
}

export function makeLine(
  id: number,
  level: string,
  message: string,
  creationDate: string | null,
): LogLine {
  const { severity, label } = levelOf(level);
  const time = parseTime(creationDate) ?? NaN;
  return { id, level, message, text: displayText(message), creationDate, time, severity, label };
}
