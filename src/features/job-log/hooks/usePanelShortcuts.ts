/** The log panel's keys: `/` search, `f` follow, `w` wrap, `t` times, `g`/`G` ends, `e`, `c`. */
import type { RefObject } from 'react';
import { useShortcuts } from '../../../ui/useShortcuts';
import type { LogListHandle } from '../components/LogList';

interface Options {
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<LogListHandle | null>;
  follow: boolean;
  setFollow: (follow: boolean) => void;
  wrap: boolean;
  setWrap: (wrap: boolean) => void;
  cycleTimeMode: () => void;
  nextError: () => void;
  openAround: () => void;
}

export function usePanelShortcuts(o: Options): void {
  const focusSearch = () => o.searchRef.current?.focus();
  const toTop = () => {
    o.setFollow(false);
    o.listRef.current?.scrollToTop();
  };
  useShortcuts([
    ['/', focusSearch],
    // '/' takes Shift on many layouts (German, French).
    ['shift+/', focusSearch],
    ['f', () => o.setFollow(!o.follow)],
    ['w', () => o.setWrap(!o.wrap)],
    ['t', o.cycleTimeMode],
    ['g', toTop],
    ['shift+G', () => o.setFollow(true)],
    ['e', o.nextError],
    ['c', o.openAround],
  ]);
}
