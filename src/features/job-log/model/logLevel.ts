/**
 * One log line as the store holds it: rows normalised from whatever a server sent, and levels
 * folded into the five the panel filters by.
 */
import type { LogLine } from '../../../contract';

export type LogLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'OTHER';
export const LOG_LEVELS: readonly LogLevel[] = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'OTHER'];

/** A row as a server may send it: the upstream can send one whose fields are all null. */
export interface IncomingLine {
  id: number | string | null;
  level?: string | null;
  message?: string | null;
  creationDate?: string | null;
}

export function levelOf(line: Pick<LogLine, 'level'>): LogLevel {
  switch (line.level.trim().toUpperCase()) {
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

export function toLine(row: IncomingLine): LogLine | null {
  const id = typeof row.id === 'string' && row.id.trim() !== '' ? Number(row.id) : row.id;
  if (typeof id !== 'number' || !Number.isFinite(id)) return null;
  if (
    typeof row.id === 'number' &&
    typeof row.level === 'string' &&
    typeof row.message === 'string' &&
    row.creationDate !== undefined
  ) {
    // Already normalised (the API module's rows): keep the object, no copy.
    return row as LogLine;
  }
  return {
    id,
    level: row.level ?? '',
    message: row.message ?? '',
    creationDate: row.creationDate ?? null,
  };
}
