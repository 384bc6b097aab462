import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { readSearch, writeSearch, type SearchSchema, type SearchState } from '../lib/searchState';

type Change<S extends SearchSchema> =
  Partial<SearchState<S>> | ((current: SearchState<S>) => Partial<SearchState<S>>);

/**
 * A route's view state read from the URL query through its declared schema, and a setter.
 *
 * - `replace: false`: each change is a new history entry (Back undoes it) whose query is the
 *   whole state alone, in the schema's order: a new place.
 * - `replace: true`: the same place seen differently (a tab, a filter of the log): the entry is
 *   replaced; the hash (a permalinked line), the router state (the breadcrumb's way back to the
 *   list), the scroll position and every parameter of other schemas stay.
 */
export function useSearchState<S extends SearchSchema>(
  schema: S,
  { replace }: { replace: boolean },
): [SearchState<S>, (change: Change<S>) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => readSearch(schema, location.search), [schema, location.search]);

  // Two changes in quick succession (clicking two chips) must build on each other even before
  // the router has re-rendered with the first: the search last asked for is the base.
  const latestSearch = useRef(location.search);
  useEffect(() => {
    latestSearch.current = location.search;
  }, [location.search]);

  const { pathname, hash, state: routerState } = location;
  const setState = useCallback(
    (change: Change<S>) => {
      const base = latestSearch.current;
      const current = readSearch(schema, base);
      const patch = typeof change === 'function' ? change(current) : change;
      const search = replace
        ? writeSearch(schema, patch, base)
        : writeSearch(schema, { ...current, ...patch });
      if (search === base) return;
      latestSearch.current = search;
      if (replace) {
        void navigate(
          { pathname, search, hash },
          { replace: true, state: routerState as unknown, preventScrollReset: true },
        );
      } else {
        void navigate({ pathname, search });
      }
    },
    [schema, replace, navigate, pathname, hash, routerState],
  );
  return [state, setState];
}
