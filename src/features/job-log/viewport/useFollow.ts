/**
 * Follow: after every render (new lines, rows measured while wrapping), the bottom stays in
 * view, unless the operator is reading, selecting or scrolling (the virtualizer re-renders
 * inside the scroll event, before onScroll has turned follow off). Turning follow on always
 * goes to the bottom. Without wrapping, the rows at the new bottom render first, in this same
 * commit (state set in a layout effect renders again before paint), and only then does the
 * scroll read the element: one layout, of the final rows, instead of one per step.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { USER_SCROLL_MS, type OperatorActivity } from './useOperatorActivity';

export interface FollowOptions {
  listRef: RefObject<HTMLDivElement | null>;
  follow: boolean;
  /** The virtualizer lays the rows out (wrapping), rather than the fixed-height window. */
  wrap: boolean;
  totalHeight: number;
  /** The list's client height. */
  height: number;
  /** The scrollTop the fixed-height window was rendered for. */
  scrollTop: number;
  setScrollTop: (top: number) => void;
  /** The element's scrollTop as last seen or set, so effects need not read it (a forced layout). */
  scrollTopNowRef: RefObject<number>;
  activity: OperatorActivity;
}

/** Keeps a following list at its bottom; returns the scroll to the bottom. */
export function useFollow(options: FollowOptions): () => void {
  const { listRef, follow, wrap, totalHeight, height, scrollTop, setScrollTop, scrollTopNowRef } =
    options;
  const { activity } = options;

  // Not the virtualizer's scrollToIndex: it keeps correcting for a while and would fight the
  // operator's first scroll up.
  const scrollToBottom = useCallback(() => {
    const element = listRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [listRef]);

  const wasFollowing = useRef(follow);
  /** Where the last scroll to the bottom left things: the same again needs no scroll. */
  const pinned = useRef({ total: -1, height: -1, top: -1 });
  /** The rows at the bottom are rendering: the next pass scrolls, whatever else holds. */
  const deferred = useRef(false);
  // After every render; it settles: a second pass finds the bottom where it left it (`pinned`).
  useLayoutEffect(() => {
    const force = (follow && !wasFollowing.current) || deferred.current;
    wasFollowing.current = follow;
    deferred.current = false;
    if (!follow) return;
    const busy = activity.holding();
    if (!force && (busy || activity.sinceInput() < USER_SCROLL_MS)) return;
    const last = pinned.current;
    const same =
      last.total === totalHeight && last.height === height && last.top === scrollTopNowRef.current;
    if (same && !force) return;
    const bottom = Math.max(0, totalHeight - height);
    if (!wrap && scrollTop !== bottom) {
      deferred.current = true;
      setScrollTop(bottom);
      return;
    }
    scrollToBottom();
    const element = listRef.current;
    if (!element) return;
    scrollTopNowRef.current = element.scrollTop;
    pinned.current = { total: totalHeight, height, top: scrollTopNowRef.current };
    if (!wrap) setScrollTop(scrollTopNowRef.current);
  });

  return scrollToBottom;
}
