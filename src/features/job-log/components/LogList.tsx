/**
 * The scrolling list of log lines: a fixed-height window without wrapping, a measuring
 * virtualizer with it (windowing.ts), the viewport's follow and anchor rules (useViewport), and
 * copying what is selected.
 */
import {
  memo,
  useCallback,
  useImperativeHandle,
  useRef,
  type ClipboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import type { LogStore } from '../store/LogStore';
import type { LogLine } from '../model/logLine';
import classes from './JobLogPanel.module.css';
import { LogRow } from './LogRow';
import type { LogView } from '../model/logView';
import { inRange, type LineRange } from '../model/permalink';
import { selectedText } from '../model/selectionText';
import { useViewport } from '../viewport/useViewport';
import { useWrapVirtualizer } from '../viewport/useWrapVirtualizer';
import { ROW_HEIGHT, windowRows } from '../viewport/windowing';

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
  /** The store position of the row where the last pointer press began (a text selection's). */
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

  const viewport = useViewport({
    listRef: ref,
    store,
    view,
    virtualizer,
    follow,
    onFollowChange,
    totalHeight,
  });
  const { scrollTop, height, scrollToBottom } = viewport;

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

  function onCopy(event: ClipboardEvent<HTMLDivElement>) {
    const text = selectedText(store, view, ref.current, anchorPosition.current);
    if (text === null) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  }

  const rows = windowRows(virtualizer, view, scrollTop, height, anchorPosition.current);

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
      onScroll={viewport.onScroll}
      onWheel={viewport.markInput}
      onTouchMove={viewport.markInput}
      onKeyDown={viewport.markInput}
      onPointerDown={(event) => {
        viewport.markInput();
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-pos]');
        anchorPosition.current = row ? Number(row.dataset.pos) : null;
      }}
      onMouseEnter={() => viewport.setHovering(true)}
      onMouseLeave={() => {
        viewport.setHovering(false);
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
