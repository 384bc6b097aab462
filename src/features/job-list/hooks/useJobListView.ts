import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router';
import type { JobLinkState } from '../../../config/paths';
import { useSearchState } from '../../../ui/useSearchState';
import { listSearch, searchFromView, viewFromSearch, type JobListView } from '../model/listParams';

/**
 * The list's view, read from and written to the URL query: reload, back/forward and a pasted
 * link restore it. Each change is a history entry, so Back undoes the last filter.
 */
export function useJobListView() {
  const location = useLocation();
  const [search, setSearch] = useSearchState(listSearch, { replace: false });
  const view = useMemo(() => viewFromSearch(search), [search]);
  const setView = useCallback((next: JobListView) => setSearch(searchFromView(next)), [setSearch]);
  const linkState = useMemo<JobLinkState>(
    () => ({ fromList: location.pathname + location.search }),
    [location.pathname, location.search],
  );
  return { view, setView, linkState };
}
