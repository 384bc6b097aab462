import type { RefObject } from 'react';
import { useShortcuts } from '../../../ui/useShortcuts';

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
  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const moveRow = (event: KeyboardEvent, step: 1 | -1) => {
    const links = Array.from(
      tableRef.current?.querySelectorAll<HTMLElement>(`[${ROW_LINK_ATTRIBUTE}]`) ?? [],
    );
    // Without rows the key is left alone.
    if (links.length === 0) return;
    event.preventDefault();
    const current = links.findIndex((link) => link.contains(document.activeElement));
    const next =
      current === -1
        ? step === 1
          ? 0
          : links.length - 1
        : Math.min(links.length - 1, Math.max(0, current + step));
    const link = links[next];
    link?.focus();
    link?.scrollIntoView({ block: 'nearest' });
  };
  useShortcuts([
    ['/', focusSearch],
    // '/' takes Shift on many layouts (German, French).
    ['shift+/', focusSearch],
    ['j', (event) => moveRow(event, 1), { preventDefault: false }],
    ['k', (event) => moveRow(event, -1), { preventDefault: false }],
  ]);
}
