/**
 * Older lines can arrive above what is on screen (a huge log opened at its tail fills in its
 * history): unless following at the bottom, the line at the top of the view stays where it was.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { LogStore } from '../store/LogStore';
import type { LogView } from '../model/logView';
import type { WrapVirtualizer } from './useWrapVirtualizer';
import { rowAtOffset, rowTop } from './windowing';

/** Closer than this to the bottom counts as "at the bottom". */
export const BOTTOM_SLACK = 8;

export interface ScrollAnchorOptions {
  listRef: RefObject<HTMLDivElement | null>;
  store: LogStore;
  view: LogView;
  virtualizer: WrapVirtualizer | null;
  follow: boolean;
  /** The element's scrollTop as last seen or set, so effects need not read it (a forced layout). */
  scrollTopNowRef: RefObject<number>;
  setScrollTop: (top: number) => void;
}

/** Returns what to call on every scroll: it notes the line now at the top of the view. */
export function useScrollAnchor(options: ScrollAnchorOptions): (top: number) => void {
  const { listRef, store, view, virtualizer, follow, scrollTopNowRef, setScrollTop } = options;
  const count = view.count;
  /** The line at the top of the view and how far above the view's top its row begins. */
  const topLine = useRef<{ id: number; offset: number } | null>(null);
  const seenLayout = useRef(store.layoutVersion);
  function readTopLine(top: number) {
    if (count === 0) return null;
    const row = rowAtOffset(virtualizer, top, count);
    return { id: store.at(view.positionAt(row)).id, offset: top - rowTop(virtualizer, row) };
  }

  // Lines inserted before the end moved the top line down: move the view with it, before paint.
  // After every render, but it sets state only once per insertion (seenLayout), so it settles.
  // It reads the element's geometry only after an insertion: a read forces layout mid-commit.
  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const inserted = store.layoutVersion !== seenLayout.current;
    seenLayout.current = store.layoutVersion;
    const anchor = topLine.current;
    if (inserted && anchor) {
      // Following holds the bottom, unless the operator's reading or selecting kept it still.
      const atBottom =
        element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
      const position = follow && atBottom ? -1 : store.indexOfId(anchor.id);
      if (position >= 0) {
        const top = rowTop(virtualizer, view.rowAtOrAfter(position)) + anchor.offset;
        if (Math.abs(top - element.scrollTop) >= 1) {
          element.scrollTop = top;
          scrollTopNowRef.current = element.scrollTop;
          setScrollTop(scrollTopNowRef.current);
        }
      }
    }
    topLine.current = readTopLine(scrollTopNowRef.current);
  });

  return (top) => {
    topLine.current = readTopLine(top);
  };
}
