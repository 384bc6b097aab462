import { describe, expect, it } from 'vitest';
import { readSearch, writeSearch } from '../../../lib/searchState';
import { LOG_LEVELS } from './logLine';
import { logSearch } from './logParams';

describe('logSearch', () => {
  it('shows every level, no search and every line by default', () => {
    const state = readSearch(logSearch, '?tab=log');
    expect([...state.level]).toEqual(LOG_LEVELS);
    expect(state.q).toBe('');
    expect(state.only).toBe(false);
  });

  it('reads levels in any case, ignoring unknown ones; an empty list is every level', () => {
    expect([...readSearch(logSearch, '?level=warn,ERROR,loud').level]).toEqual(['ERROR', 'WARN']);
    expect(readSearch(logSearch, '?level=').level.size).toBe(LOG_LEVELS.length);
  });

  it('keeps the search as typed and reads only=1 alone as on', () => {
    expect(readSearch(logSearch, '?q=%20pump%20&only=1')).toMatchObject({
      q: ' pump ',
      only: true,
    });
    expect(readSearch(logSearch, '?only=true').only).toBe(false);
  });

  it('writes its parameters beside the page tab, leaving "all levels" out', () => {
    const level = new Set(['WARN', 'ERROR'] as const);
    expect(writeSearch(logSearch, { level, q: 'pump', only: true }, '?tab=log')).toBe(
      '?tab=log&level=ERROR,WARN&q=pump&only=1',
    );
    const all = new Set(LOG_LEVELS);
    expect(
      writeSearch(logSearch, { level: all, q: '', only: false }, '?tab=log&level=INFO&q=x'),
    ).toBe('?tab=log');
  });

  it('reads and writes the search modes: case and regex as 1, off left out', () => {
    expect(readSearch(logSearch, '?q=a.c&regex=1&case=1')).toMatchObject({
      q: 'a.c',
      regex: true,
      case: true,
    });
    expect(readSearch(logSearch, '?q=a.c&regex=yes')).toMatchObject({ regex: false, case: false });
    expect(writeSearch(logSearch, { q: 'a.c', regex: true, case: false }, '?tab=log')).toBe(
      '?tab=log&q=a.c&regex=1',
    );
  });
});
