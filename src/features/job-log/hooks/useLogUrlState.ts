/**
 * The panel's shareable state in the URL: its search parameters (`logSearch`: `level`, `q`,
 * `only`), changed in place, and the hash that permalinks a line range.
 */
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSearchState } from '../../../ui/useSearchState';
import { logSearch } from '../model/logParams';

export function useLogUrlState() {
  const location = useLocation();
  const navigate = useNavigate();
  const [search, update] = useSearchState(logSearch, { replace: true });

  const { pathname, search: query, state } = location;
  const setLineHash = useCallback(
    (hash: string) => {
      void navigate(
        { pathname, search: query, hash },
        { replace: true, state: state as unknown, preventScrollReset: true },
      );
    },
    [navigate, pathname, query, state],
  );

  return { ...search, update, hash: location.hash, setLineHash };
}
