/** How a log line becomes text: one line per log in copies and downloads, clean text on screen. */
import type { LogLine } from './logLine';
import { parseTime } from '../../../lib/time';
import { revealBidi } from '../../../lib/bidi';
import { styleMessage } from './ansi';

/** The line's time as ISO 8601 UTC, or "-" when the server sent none or an invalid one. */
export function isoTime(creationDate: string | null): string {
  const ms = parseTime(creationDate);
  return ms == null ? '-' : new Date(ms).toISOString();
}

/** Line breaks inside a message are escaped so that a file still holds one line per log. */
function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, '\\n');
}

/** `<id> <ISO time> <LEVEL> <message>`: the format of copies and of `job-<id>.log`. */
export function formatLogLine(line: LogLine): string {
  return `${line.id} ${isoTime(line.creationDate)} ${line.label} ${oneLine(line.message)}`;
}

// ANSI colour and cursor sequences (CSI) and other C0 controls except tab would show as junk.
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * The message as shown in the panel: escape sequences and control characters removed, line
 * breaks shown as a mark so that a row stays one line high in the no-wrap mode, and bidi
 * controls shown as their code point so a log line cannot disguise what it says. A message with
 * ANSI escapes or carriage returns shows what a terminal would end with (`styleMessage`).
 */
export function displayText(message: string): string {
  const styled = styleMessage(message);
  if (styled) return styled.text;
  let text = message;
  if (HAS_CONTROL.test(text)) text = text.replace(/\r\n|\r|\n/g, ' \u21b5 ').replace(CONTROL, '');
  return revealBidi(text);
}
