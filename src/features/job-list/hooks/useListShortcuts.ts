import { useEffect, type RefObject } from 'react';
import { isShortcutEvent } from '../model/keyboard';

/** The attribute that marks each row's job link: j/k move between these. */
export const ROW_LINK_ATTRIBUTE = 'data-row-link';

interface ListShortcutsOptions {
  searchRef: RefObject<HTMLInputElement | null>;
  tableRef: RefObject<HTMLElement | null>;
}

/**
 * "/" focuses the search; "j"/"k" move the focus to the next/previous row's job link, where
 * Enter opens the job as any focused link does.
 */
export function useListShortcuts({ searchRef, tableRef }: ListShortcutsOptions): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (event.key !== 'j' && event.key !== 'k') return;
      const links = Array.from(
        tableRef.current?.querySelectorAll<HTMLElement>(`[${ROW_LINK_ATTRIBUTE}]`) ?? [],
      );
      if (links.length === 0) return;
      event.preventDefault();
      const current = links.findIndex((link) => link.contains(document.activeElement));
      const next =
        current === -1
          ? event.key === 'j'
            ? 0
            : links.length - 1
          : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
      const link = links[next];
      link?.focus();
      link?.scrollIntoView({ block: 'nearest' });
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchRef, tableRef]);
}
