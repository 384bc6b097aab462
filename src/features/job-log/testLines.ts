/** Log lines for the log feature's tests, made as the page reader makes them. */
import { makeLine, type LogLine } from './model/logLine';

export function testLine(
  id: number,
  level = 'INFO',
  message = `line ${id}`,
  creationDate: string | null = null,
): LogLine {
  return makeLine(id, level, message, creationDate);
}
