/**
 * The panel's shareable state in the URL: `level` (levels shown, comma-separated; absent: all),
 * `q` (search) and `only` (only matching lines). Other parameters (the page's `tab`) are kept.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { LOG_LEVELS, type LogLevel } from '../model/logLine';

export interface LogUrlState {
  levels: ReadonlySet<LogLevel>;
  q: string;
  only: boolean;
}

function readLevels(value: string | null): Set<LogLevel> {
  if (!value) return new Set(LOG_LEVELS);
  const wanted = value.toUpperCase().split(',');
  return new Set(LOG_LEVELS.filter((level) => wanted.includes(level)));
}

export function useLogUrlState() {
  const location = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const levelParam = params.get('level');
  const levels = useMemo(() => readLevels(levelParam), [levelParam]);
  const q = params.get('q') ?? '';
  const only = params.get('only') === '1';

  // Two changes in quick succession (clicking two chips) must build on each other even before
  // the router has re-rendered with the first: the search last asked for is the base.
  const latestSearch = useRef(location.search);
  useEffect(() => {
    latestSearch.current = location.search;
  }, [location.search]);

  const update = useCallback(
    (change: Partial<LogUrlState> | ((current: LogUrlState) => Partial<LogUrlState>)) => {
      const next = new URLSearchParams(latestSearch.current);
      const current: LogUrlState = {
        levels: readLevels(next.get('level')),
        q: next.get('q') ?? '',
        only: next.get('only') === '1',
      };
      const patch = typeof change === 'function' ? change(current) : change;
      if (patch.levels) {
        const all = LOG_LEVELS.every((level) => patch.levels!.has(level));
        if (all) next.delete('level');
        else next.set('level', LOG_LEVELS.filter((l) => patch.levels!.has(l)).join(','));
      }
      if (patch.q !== undefined) {
        if (patch.q) next.set('q', patch.q);
        else next.delete('q');
      }
      if (patch.only !== undefined) {
        if (patch.only) next.set('only', '1');
        else next.delete('only');
      }
      const search = next.toString() ? `?${next.toString()}` : '';
      latestSearch.current = search;
      // Keeps the hash (a permalinked line) that setSearchParams would drop.
      void navigate(
        { pathname: location.pathname, search, hash: location.hash },
        { replace: true, preventScrollReset: true },
      );
    },
    [navigate, location.pathname, location.hash],
  );

  const setLineHash = useCallback(
    (hash: string) => {
      void navigate(
        { pathname: location.pathname, search: location.search, hash },
        { replace: true, preventScrollReset: true },
      );
    },
    [navigate, location.pathname, location.search],
  );

  return { levels, q, only, update, hash: location.hash, setLineHash };
}
