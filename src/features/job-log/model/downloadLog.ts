/** Builds `job-<id>.log` from the store and hands it to the browser as a download. */
import type { LogStore } from '../store/LogStore';
import { formatLogLine } from './logFormat';

/** One line per log, each ending in a newline; built in parts so a million lines stay cheap. */
export function logFileParts(store: LogStore): string[] {
  const parts: string[] = [];
  let batch: string[] = [];
  store.forEach(0, store.size, (line) => {
    batch.push(formatLogLine(line));
    if (batch.length === 10_000) {
      parts.push(batch.join('\n') + '\n');
      batch = [];
    }
  });
  if (batch.length > 0) parts.push(batch.join('\n') + '\n');
  return parts;
}

export function logFileName(jobId: string): string {
  return `job-${jobId.replace(/[^\w.-]+/g, '_')}.log`;
}

export function saveLogFile(jobId: string, store: LogStore): void {
  const blob = new Blob(logFileParts(store), { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = logFileName(jobId);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The lines of a permalinked range, as text for the clipboard. */
export function rangeText(store: LogStore, from: number, to: number): string {
  const out: string[] = [];
  const start = store.lowerBound(from);
  for (let i = start; i < store.size; i++) {
    const line = store.at(i);
    if (line.id > to) break;
    out.push(formatLogLine(line));
  }
  return out.join('\n');
}
