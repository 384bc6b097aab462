/**
 * The panel's filter controls wired to its URL: the search field (its text at once, the URL's
 * `q` a moment after typing stops), the search's modes and matcher, "Only matching lines",
 * the level chips and the time range.
 */
import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { LogLevel } from '../model/logLine';
import { compileSearch, type Matcher } from '../model/searchMatcher';
import { readTimeRange, writeTimeRange, type TimeRange } from '../model/timeRange';
import type { useLogUrlState } from './useLogUrlState';

/** Typing pauses this long before the URL (and so the scan) takes the search. */
const SEARCH_DEBOUNCE_MS = 200;

export function useLogFilters(url: ReturnType<typeof useLogUrlState>) {
  const { update } = url;
  const [searchText, setSearchText] = useState(url.q);
  const commitSearch = useDebouncedCallback(
    (text: string) => update({ q: text }),
    SEARCH_DEBOUNCE_MS,
  );
  const onSearchChange = useCallback(
    (text: string) => {
      setSearchText(text);
      commitSearch(text);
    },
    [commitSearch],
  );
  const compiled = useMemo(
    () => compileSearch({ text: url.q, caseSensitive: url.case, regex: url.regex }),
    [url.q, url.case, url.regex],
  );
  // A pattern typed half-way ("(foo") is invalid for a moment: the lines keep the last valid
  // search meanwhile rather than jumping to every line and back.
  const [lastValid, setLastValid] = useState<Matcher | null>(null);
  if (!compiled.error && compiled.matcher !== lastValid) setLastValid(compiled.matcher);
  const search = useMemo(
    () => ({ ...compiled, matcher: compiled.error ? lastValid : compiled.matcher }),
    [compiled, lastValid],
  );
  const onOnlyChange = useCallback((only: boolean) => update({ only }), [update]);
  const onCaseChange = useCallback((on: boolean) => update({ case: on }), [update]);
  const onRegexChange = useCallback((regex: boolean) => update({ regex }), [update]);
  const onToggleLevel = useCallback(
    (level: LogLevel, shown: boolean) =>
      update((current) => {
        const levels = new Set(current.level);
        if (shown) levels.add(level);
        else levels.delete(level);
        return { level: levels };
      }),
    [update],
  );
  const timeRange = useMemo(() => readTimeRange(url.from, url.to), [url.from, url.to]);
  const timeRangeInvalid = (url.from !== '' || url.to !== '') && timeRange === null;
  const onTimeRange = useCallback(
    (range: TimeRange | null) => update(writeTimeRange(range)),
    [update],
  );
  return {
    timeRange,
    timeRangeInvalid,
    onTimeRange,
    searchText,
    onSearchChange,
    search,
    onOnlyChange,
    onCaseChange,
    onRegexChange,
    onToggleLevel,
  };
}
