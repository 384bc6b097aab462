/**
 * The log panel's declared search schema, beside the page's `tab`: `level` (the levels shown,
 * comma-separated; absent or empty: all), `q` (the search), `case` (the search minds case),
 * `regex` (the search is a regular expression), `only` (only matching lines), `step`
 * (a step's `uniqueStepId`: its lines are marked and the log opens at the first) and `steponly`
 * (only that step's lines), `from` and `to` (the time filter's ISO bounds: `timeRange.ts`).
 */
import { z } from 'zod/mini';
import { LOG_LEVELS, type LogLevel } from './logLine';

const allLevels = (): ReadonlySet<LogLevel> => new Set(LOG_LEVELS);

/** `1` is on; anything else, or absent, is off (and off leaves the parameter out). */
function flag() {
  return z.catch(
    z.codec(z.string(), z.boolean(), {
      decode: (value) => value === '1',
      encode: (on) => (on ? '1' : ''),
    }),
    false,
  );
}

export const logSearch = z.object({
  level: z.catch(
    z.codec(z.string(), z.custom<ReadonlySet<LogLevel>>(), {
      decode: (value) => {
        if (!value) return allLevels();
        const wanted = value.toUpperCase().split(',');
        return new Set(LOG_LEVELS.filter((level) => wanted.includes(level)));
      },
      // Every level is the default, so "all" leaves the parameter out.
      encode: (levels) => LOG_LEVELS.filter((level) => levels.has(level)).join(','),
    }),
    allLevels,
  ),
  q: z.catch(z.string(), ''),
  case: flag(),
  regex: flag(),
  only: flag(),
  step: z.catch(z.string(), ''),
  steponly: flag(),
  from: z.catch(z.string(), ''),
  to: z.catch(z.string(), ''),
});
