/**
 * Log lines derived from (job salt, line index) on demand: a million-line history costs no
 * strings until someone reads it, and reads the same text every time.
 */
import { hash32 } from './random.ts';

export const LEVEL_DEBUG = 0;
export const LEVEL_INFO = 1;
export const LEVEL_WARN = 2;
export const LEVEL_ERROR = 3;

/** Level names by code; codes past ERROR are any other string a /__demo request used. */
const levelNames = ['DEBUG', 'INFO', 'WARN', 'ERROR'];
const levelCodes = new Map(levelNames.map((name, code) => [name, code]));

export function levelName(code: number): string {
  return levelNames[code] ?? 'INFO';
}

export function levelCode(name: string): number {
  let code = levelCodes.get(name);
  if (code === undefined) {
    code = levelNames.length;
    levelNames.push(name);
    levelCodes.set(name, code);
  }
  return code;
}

/** Mostly INFO, some DEBUG, a few WARN, rare ERROR. */
export function derivedLevel(salt: number, index: number): number {
  const h = hash32(salt, index, 11) % 100;
  if (h < 15) return LEVEL_DEBUG;
  if (h < 86) return LEVEL_INFO;
  if (h < 96) return LEVEL_WARN;
  return LEVEL_ERROR;
}

const FIELDS = ['serialNumber', 'reading', 'assetTag', 'siteCode'];
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

export function derivedMessage(salt: number, index: number, level: number): string {
  const h = hash32(salt, index, 23);
  const n = index + 1;
  const k = 20 + (h % 180);
  const ms = 40 + (h % 4900);
  switch (level) {
    case LEVEL_DEBUG:
      return h % 2
        ? `Heartbeat ${n} from device dev-${(h >>> 8) % 97} (rtt ${ms % 300} ms)`
        : `Buffered ${k} readings for batch ${n}`;
    case LEVEL_WARN:
      return h % 2
        ? `Slow response from sensor gateway on batch ${n}: ${ms} ms`
        : `Retrying upload of batch ${n} (attempt ${2 + (h % 3)} of 5)`;
    case LEVEL_ERROR:
      return h % 2
        ? `Validation failed for record ${n}: missing field "${FIELDS[h % FIELDS.length]}"`
        : `Upload of batch ${n} failed: connection reset by peer`;
    default:
      // Some lines are coloured as a terminal tool writes them, as real job output often is.
      return h % 3 === 0
        ? `Checkpoint ${n} ${GREEN}written${RESET} (${k} records)`
        : `Processed batch ${n} (${k} records in ${ms} ms)`;
  }
}
