import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { JobLinkState } from '../../../config/paths';
import { jobListSearch, parseJobListParams, type JobListView } from '../model/listParams';

/**
 * The list's view, read from and written to the URL query: reload, back/forward and a pasted
 * link restore it. Each change is a history entry, so Back undoes the last filter.
 */
export function useJobListView() {
  const location = useLocation();
  const navigate = useNavigate();
  const view = useMemo(() => parseJobListParams(location.search), [location.search]);
  const setView = useCallback(
    (next: JobListView) => {
      const search = jobListSearch(next);
      if (search !== location.search) void navigate({ pathname: location.pathname, search });
    },
    [location.pathname, location.search, navigate],
  );
  const linkState = useMemo<JobLinkState>(
    () => ({ fromList: location.pathname + location.search }),
    [location.pathname, location.search],
  );
  return { view, setView, linkState };
}
