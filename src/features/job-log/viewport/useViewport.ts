/**
 * The log list's viewport, as one model: where it is scrolled and how tall it is, what the
 * operator is doing with it (recent scrolling input, the pointer over it, a text selection in
 * it), and the two rules that move it by themselves:
 * - anchor: older lines can arrive above what is on screen (a huge log opened at its tail fills
 *   in its history); unless following at the bottom, the line at the top stays where it was;
 * - follow: after every render (new lines, rows measured while wrapping) the bottom stays in
 *   view, unless the operator is reading, selecting or scrolling. Turning follow on always goes
 *   to the bottom.
 * What changes every scroll lives in one ref, so asking costs no render; only the window's
 * scrollTop and the height are state (the rows to draw depend on them).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { LogView } from '../model/logView';
import type { LogStore } from '../store/LogStore';
import type { RowLayout } from './rowLayout';

/** A scroll this soon after wheel, touch, key or pointer input is the operator's. */
export const USER_SCROLL_MS = 600;
/** Closer than this to the bottom counts as "at the bottom". */
export const BOTTOM_SLACK = 8;

export interface ViewportOptions {
  listRef: RefObject<HTMLDivElement | null>;
  store: LogStore;
  view: LogView;
  /** Where rows sit (fixed heights, or wrapped). */
  layout: RowLayout;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
}

export interface Viewport {
  /** The scrollTop the window of rows renders for. */
  scrollTop: number;
  /** The list's client height. */
  height: number;
  /** The list's scroll handler. */
  onScroll: () => void;
  /** Wheel, touch, key or pointer input on the list, just now. */
  markInput: () => void;
  setHovering: (hovering: boolean) => void;
  scrollToBottom: () => void;
}

interface Held {
  /** The element's scrollTop as last seen or set, so effects need not read it (a forced layout). */
  scrollTop: number;
  inputAt: number;
  hovering: boolean;
  /** Kept by `selectionchange`: no selection reads per render. */
  selecting: boolean;
  /**
   * The line at the top of the view (or the section whose header is: its first line) and how far
   * above the view's top its row begins.
   */
  topLine: { id: number; offset: number; header: boolean } | null;
  /** The store's and the row layout's versions the anchor last saw. */
  seenLayout: number;
  seenRows: number;
  /** What the rows were drawn from: another filter or context, other rows. */
  seenSource: object;
  wasFollowing: boolean;
  /** Where the last scroll to the bottom left things: the same again needs no scroll. */
  pinned: { total: number; height: number; top: number };
  /** The rows at the bottom are rendering: the next pass scrolls, whatever else holds. */
  deferred: boolean;
}

export function useViewport(options: ViewportOptions): Viewport {
  const { listRef, store, view, layout, follow, onFollowChange } = options;
  const totalHeight = layout.total;
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const held = useRef<Held>({
    scrollTop: 0,
    inputAt: 0,
    hovering: false,
    selecting: false,
    topLine: null,
    seenLayout: store.layoutVersion,
    seenRows: layout.version,
    seenSource: view.source,
    wasFollowing: follow,
    pinned: { total: -1, height: -1, top: -1 },
    deferred: false,
  });

  function readTopLine(top: number) {
    if (view.count === 0) return null;
    const row = layout.rowAt(top);
    const header = view.headerAt(row) >= 0;
    return { id: store.at(view.positionAt(row)).id, offset: top - layout.top(row), header };
  }

  // Anchor. Lines inserted before the end, rows above re-measured while wrapping, or other rows
  // (another filter, context opened) moved the top line: move the view with it, before paint. After every render, but it sets state only
  // once per move, so it settles. It reads the element's geometry only after a move: a read
  // forces layout mid-commit.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render, by design
  useLayoutEffect(() => {
    const element = listRef.current;
    const now = held.current;
    if (!element) return;
    const inserted =
      store.layoutVersion !== now.seenLayout ||
      layout.version !== now.seenRows ||
      view.source !== now.seenSource;
    now.seenLayout = store.layoutVersion;
    now.seenRows = layout.version;
    now.seenSource = view.source;
    const anchor = now.topLine;
    if (inserted && anchor) {
      // Following holds the bottom, unless the operator's reading or selecting kept it still.
      const atBottom =
        element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
      const position = follow && atBottom ? -1 : store.indexOfId(anchor.id);
      if (position >= 0) {
        let row = view.rowAtOrAfter(position);
        // A header sits just above its section's first line (which shows it when folded).
        if (anchor.header && row > 0 && view.headerAt(row) < 0 && view.headerAt(row - 1) >= 0) {
          row--;
        }
        const top = layout.top(row) + anchor.offset;
        if (Math.abs(top - element.scrollTop) >= 1) {
          element.scrollTop = top;
          now.scrollTop = element.scrollTop;
          setScrollTop(now.scrollTop);
        }
      }
    }
    now.topLine = readTopLine(now.scrollTop);
  });

  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, [listRef]);

  useEffect(() => {
    function onSelectionChange() {
      const selection = document.getSelection();
      held.current.selecting =
        !!selection &&
        !selection.isCollapsed &&
        !!listRef.current?.contains(selection.anchorNode ?? null);
    }
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [listRef]);

  const scrollToBottom = useCallback(() => {
    const element = listRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [listRef]);

  // Follow. A render can come inside the scroll event, before onScroll has turned follow off:
  // recent input holds the view. The rows at the new bottom render first, in this same commit
  // (state set in a layout effect renders again before paint), and only then does the scroll
  // read the element: one layout, of the final rows, not one per step. It settles: a second
  // pass finds the bottom where it left it (`pinned`).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render, by design
  useLayoutEffect(() => {
    const now = held.current;
    const force = (follow && !now.wasFollowing) || now.deferred;
    now.wasFollowing = follow;
    now.deferred = false;
    if (!follow) return;
    const busy = now.hovering || now.selecting;
    if (!force && (busy || Date.now() - now.inputAt < USER_SCROLL_MS)) return;
    const last = now.pinned;
    const same = last.total === totalHeight && last.height === height && last.top === now.scrollTop;
    if (same && !force) return;
    const bottom = Math.max(0, totalHeight - height);
    if (scrollTop !== bottom) {
      now.deferred = true;
      // Renders the rows at the bottom again before paint, by design (see above).
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setScrollTop(bottom);
      return;
    }
    scrollToBottom();
    const element = listRef.current;
    if (!element) return;
    now.scrollTop = element.scrollTop;
    now.pinned = { total: totalHeight, height, top: now.scrollTop };
    setScrollTop(now.scrollTop);
  });

  const onScroll = () => {
    const element = listRef.current;
    const now = held.current;
    if (!element) return;
    now.scrollTop = element.scrollTop;
    setScrollTop(now.scrollTop);
    now.topLine = readTopLine(now.scrollTop);
    // Only the operator's own scrolling turns follow on or off.
    if (Date.now() - now.inputAt > USER_SCROLL_MS) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (distance <= BOTTOM_SLACK) {
      if (!follow) onFollowChange(true);
    } else if (follow) onFollowChange(false);
  };

  const activity = useMemo(
    () => ({
      markInput: () => {
        held.current.inputAt = Date.now();
      },
      setHovering: (on: boolean) => {
        held.current.hovering = on;
      },
    }),
    [],
  );

  return { scrollTop, height, onScroll, scrollToBottom, ...activity };
}
