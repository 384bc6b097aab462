import { useCallback } from 'react';
import { useLocation } from 'react-router';
import { useSearchState } from '../../../ui/useSearchState';
import { detailSearch, resolveDetailTab, type DetailTab } from '../model/detailTab';

/**
 * The selected tab and a setter. Switching replaces the history entry (tabs are views of one
 * page, not places to go back to) and keeps the hash and the router state, so a log-line link
 * and the breadcrumb's way back to the filtered list both survive.
 */
export function useDetailTab(): [DetailTab, (tab: DetailTab) => void] {
  const { hash } = useLocation();
  const [search, setSearch] = useSearchState(detailSearch, { replace: true });
  const setTab = useCallback((tab: DetailTab) => setSearch({ tab }), [setSearch]);
  return [resolveDetailTab(search.tab, hash), setTab];
}
