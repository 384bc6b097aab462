/**
 * The scrolling list of log lines. Without wrapping every row is ROW_HEIGHT high, so the window
 * of rows to render is arithmetic and appending costs nothing per line held (a measuring
 * virtualizer rebuilds its measurements on every count change: O(lines) per poll). With
 * wrapping, rows differ in height and @tanstack/react-virtual measures them (loaded on demand).
 *
 * Older lines can arrive above what is on screen (a huge log opened at its tail fills in its
 * history): unless following, the line at the top of the view stays where it was.
 */
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import type { LogStore } from '../../api/logStore';
import type { LogLine } from '../../api/schemas';
import classes from './JobLogPanel.module.css';
import { LogRow } from './LogRow';
import type { LogView } from './logView';
import { inRange, type LineRange } from './permalink';
import { selectedText } from './selectionText';
import { useWrapVirtualizer } from './useWrapVirtualizer';

export const ROW_HEIGHT = 20;
/** Rows rendered beyond each edge of the view; every append renders the bottom ones anew. */
const OVERSCAN = 10;
/** Closer than this to the bottom counts as "at the bottom". */
const BOTTOM_SLACK = 8;
/** A scroll this soon after wheel, touch, key or pointer input is the operator's. */
const USER_SCROLL_MS = 600;

export interface LogListHandle {
  scrollToRow: (row: number) => void;
  scrollToBottom: () => void;
  scrollToTop: () => void;
  focus: () => void;
}

export interface LogListProps {
  store: LogStore;
  view: LogView;
  /** Changes whenever lines arrive, so the list renders them. */
  version: number;
  wrap: boolean;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  formatTime: ((line: LogLine) => string) | null;
  query: string;
  selection: LineRange | null;
  currentMatch: number | null;
  onIdClick: (id: number, event: MouseEvent<HTMLAnchorElement>) => void;
  handleRef: Ref<LogListHandle>;
  emptyText: string;
}

/** Re-renders only when its own props change: not for the toolbar's or status line's updates. */
export const LogList = memo(function LogList(props: LogListProps) {
  const { store, view, follow, onFollowChange, formatTime, query, selection } = props;
  const { currentMatch, onIdClick, handleRef, emptyText } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  /** The element's scrollTop as last seen or set, so effects need not read it (a forced layout). */
  const scrollTopNow = useRef(0);
  const [height, setHeight] = useState(600);
  const userInputAt = useRef(0);
  const hovering = useRef(false);
  /** A text selection inside the list, kept by `selectionchange`: no selection reads per render. */
  const selecting = useRef(false);
  const anchorPosition = useRef<number | null>(null);
  const count = view.count;

  // Measured heights follow their lines (by id) when older lines are inserted above them.
  const getItemKey = useCallback(
    (row: number) => (row < view.count ? store.at(view.positionAt(row)).id : -row - 1),
    [store, view],
  );
  // Null until its module has loaded: meanwhile rows are laid out as without wrapping.
  const virtualizer = useWrapVirtualizer(props.wrap, {
    count,
    getScrollElement: () => ref.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
  });
  const wrap = virtualizer !== null;
  const totalHeight = virtualizer ? virtualizer.getTotalSize() : count * ROW_HEIGHT;

  const rowTop = (row: number) =>
    virtualizer
      ? (virtualizer.measurementsCache[row]?.start ?? row * ROW_HEIGHT)
      : row * ROW_HEIGHT;

  /** The line at the top of the view and how far above the view's top its row begins. */
  const topLine = useRef<{ id: number; offset: number } | null>(null);
  const seenLayout = useRef(store.layoutVersion);
  function readTopLine(top: number) {
    if (count === 0) return null;
    const row = virtualizer
      ? (virtualizer.getVirtualItemForOffset(top)?.index ?? 0)
      : Math.min(count - 1, Math.floor(top / ROW_HEIGHT));
    return { id: store.at(view.positionAt(row)).id, offset: top - rowTop(row) };
  }

  // Lines inserted before the end moved the top line down: move the view with it, before paint.
  // After every render, but it sets state only once per insertion (seenLayout), so it settles.
  // It reads the element's geometry only after an insertion: a read forces layout mid-commit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = ref.current;
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
        const top = rowTop(view.rowAtOrAfter(position)) + anchor.offset;
        if (Math.abs(top - element.scrollTop) >= 1) {
          element.scrollTop = top;
          scrollTopNow.current = element.scrollTop;
          setScrollTop(scrollTopNow.current);
        }
      }
    }
    topLine.current = readTopLine(scrollTopNow.current);
  });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    function onSelectionChange() {
      const now = document.getSelection();
      selecting.current =
        !!now && !now.isCollapsed && !!ref.current?.contains(now.anchorNode ?? null);
    }
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  // Not the virtualizer's scrollToIndex: it keeps correcting for a while and would fight the
  // operator's first scroll up.
  const scrollToBottom = useCallback(() => {
    const element = ref.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  // Follow: after every render (new lines, rows measured while wrapping), the bottom stays in
  // view, unless the operator is reading, selecting or scrolling (the virtualizer re-renders
  // inside the scroll event, before onScroll has turned follow off). Turning follow on always
  // goes to the bottom. Without wrapping, the rows at the new bottom render first, in this same
  // commit (state set in a layout effect renders again before paint), and only then does the
  // scroll read the element: one layout, of the final rows, instead of one per step.
  const wasFollowing = useRef(follow);
  /** Where the last scroll to the bottom left things: the same again needs no scroll. */
  const pinned = useRef({ total: -1, height: -1, top: -1 });
  /** The rows at the bottom are rendering: the next pass scrolls, whatever else holds. */
  const deferred = useRef(false);
  // After every render; it settles: a second pass finds the bottom where it left it (`pinned`).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const force = (follow && !wasFollowing.current) || deferred.current;
    wasFollowing.current = follow;
    deferred.current = false;
    if (!follow) return;
    const busy = hovering.current || selecting.current;
    if (!force && (busy || Date.now() - userInputAt.current < USER_SCROLL_MS)) return;
    const last = pinned.current;
    const same =
      last.total === totalHeight && last.height === height && last.top === scrollTopNow.current;
    if (same && !force) return;
    const bottom = Math.max(0, totalHeight - height);
    if (!wrap && scrollTop !== bottom) {
      deferred.current = true;
      setScrollTop(bottom);
      return;
    }
    scrollToBottom();
    const element = ref.current;
    if (!element) return;
    scrollTopNow.current = element.scrollTop;
    pinned.current = { total: totalHeight, height, top: scrollTopNow.current };
    if (!wrap) setScrollTop(scrollTopNow.current);
  });

  useImperativeHandle(
    handleRef,
    () => ({
      scrollToRow(row) {
        const element = ref.current;
        if (!element) return;
        if (virtualizer) virtualizer.scrollToIndex(row, { align: 'center' });
        else element.scrollTop = row * ROW_HEIGHT - element.clientHeight / 2 + ROW_HEIGHT / 2;
      },
      scrollToBottom,
      scrollToTop() {
        if (ref.current) ref.current.scrollTop = 0;
      },
      focus() {
        ref.current?.focus();
      },
    }),
    [virtualizer, scrollToBottom],
  );

  function onScroll() {
    const element = ref.current;
    if (!element) return;
    scrollTopNow.current = element.scrollTop;
    setScrollTop(scrollTopNow.current);
    topLine.current = readTopLine(scrollTopNow.current);
    if (Date.now() - userInputAt.current > USER_SCROLL_MS) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (distance <= BOTTOM_SLACK) {
      if (!follow) onFollowChange(true);
    } else if (follow) onFollowChange(false);
  }

  const markInput = () => {
    userInputAt.current = Date.now();
  };

  function onCopy(event: ClipboardEvent<HTMLDivElement>) {
    const text = selectedText(store, view, ref.current, anchorPosition.current);
    if (text === null) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  }

  // The rows to render: the window, plus the row where a text selection began (its DOM node
  // must live on, or the browser drops the selection when it scrolls out of view).
  const rows: { row: number; top: number }[] = [];
  if (virtualizer) {
    for (const item of virtualizer.getVirtualItems())
      rows.push({ row: item.index, top: item.start });
  } else {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    for (let row = first; row < last; row++) rows.push({ row, top: row * ROW_HEIGHT });
    const anchor = anchorPosition.current;
    if (anchor !== null && view.shows(anchor)) {
      const anchorRow = view.rowAtOrAfter(anchor);
      // In row order: moving the node within the DOM would drop the selection too.
      const pinned = { row: anchorRow, top: anchorRow * ROW_HEIGHT };
      if (anchorRow < first) rows.unshift(pinned);
      else if (anchorRow >= last) rows.push(pinned);
    }
  }

  return (
    // A focusable scroll region, so keyboard users can scroll it; the pointer and key listeners
    // only observe the operator's own scrolling and selecting.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={ref}
      className={`${classes.viewport} ${wrap ? classes.wrap : classes.nowrap}`}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="group"
      aria-label="Log lines"
      onScroll={onScroll}
      onWheel={markInput}
      onTouchMove={markInput}
      onKeyDown={markInput}
      onPointerDown={(event) => {
        markInput();
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-pos]');
        anchorPosition.current = row ? Number(row.dataset.pos) : null;
      }}
      onMouseEnter={() => {
        hovering.current = true;
      }}
      onMouseLeave={() => {
        hovering.current = false;
        if (follow) scrollToBottom();
      }}
      onCopy={onCopy}
    >
      {count === 0 ? <div className={classes.empty}>{emptyText}</div> : null}
      <div className={classes.canvas} style={{ height: totalHeight }}>
        {rows.map(({ row, top }) => {
          const position = view.positionAt(row);
          const line = store.at(position);
          return (
            <LogRow
              key={line.id}
              line={line}
              position={position}
              row={row}
              top={top}
              time={formatTime ? formatTime(line) : null}
              query={query}
              selected={inRange(selection, line.id)}
              currentMatch={currentMatch === position}
              onIdClick={onIdClick}
              measureRef={virtualizer?.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
});
