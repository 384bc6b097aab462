import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { resolveDetailTab, searchWithTab, type DetailTab } from '../model/detailTab';

/**
 * The selected tab and a setter. Switching replaces the history entry (tabs are views of one
 * page, not places to go back to) and keeps the hash and the router state, so a log-line link
 * and the breadcrumb's way back to the filtered list both survive.
 */
export function useDetailTab(): [DetailTab, (tab: DetailTab) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const tab = resolveDetailTab(new URLSearchParams(location.search).get('tab'), location.hash);
  const setTab = useCallback(
    (next: DetailTab) => {
      void navigate(
        { search: searchWithTab(location.search, next), hash: location.hash },
        { replace: true, state: location.state as unknown, preventScrollReset: true },
      );
    },
    [location.search, location.hash, location.state, navigate],
  );
  return [tab, setTab];
}
