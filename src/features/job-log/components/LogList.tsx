/**
 * The scrolling list of log lines: a window of rows over the row layout (fixed heights, or
 * predicted and measured ones while wrapping: useRowLayout), the viewport's follow and anchor
 * rules (useViewport), and copying what is selected.
 */
import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useReducer,
  useRef,
  type ClipboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import type { LogStore } from '../store/LogStore';
import type { LogLine } from '../model/logLine';
import type { Matcher } from '../model/searchMatcher';
import classes from './JobLogPanel.module.css';
import { LogRow } from './LogRow';
import { SectionHeader } from './SectionHeader';
import { ContextGap } from './ContextGap';
import type { ContextLines, GapPart } from '../store/useContextLines';
import { sectionText } from '../model/sectionText';
import type { Sections } from '../store/useSections';
import type { LogView } from '../model/logView';
import { inRange, type LineRange } from '../model/permalink';
import { selectedText } from '../model/selectionText';
import { useViewport } from '../viewport/useViewport';
import { useRowLayout } from '../viewport/useRowLayout';
import { windowRows } from '../viewport/windowing';
import type { VisibleTimes } from '../viewport/visibleTimes';

export interface LogListHandle {
  /**
   * Centres a store position's line in the view (its section unfolded, or its context opened
   * when a filter hides it, first; the scroll then waits for the rows to render).
   */
  scrollToPosition: (position: number) => void;
  /** Opens the context around a store position's line, then centres it. */
  openContext: (position: number) => void;
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
  /** ANSI colours and styles drawn (else every line plain). */
  colors: boolean;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  formatTime: ((line: LogLine) => string) | null;
  /** The search whose matches are marked in each row. */
  matcher: Matcher | null;
  selection: LineRange | null;
  currentMatch: number | null;
  onIdClick: (id: number, event: MouseEvent<HTMLAnchorElement>) => void;
  handleRef: Ref<LogListHandle>;
  emptyText: string;
  /** Whether a line was written while the chosen step ran; null when no step is chosen. */
  inStep: ((line: LogLine) => boolean) | null;
  /** The step sections, whose headers the view's rows may show. */
  sections: Sections;
  /** Context around a filter's lines, whose gap rows the view's rows may show. */
  context: ContextLines;
  /** Told the time span of the lines on screen after each render (the histogram's outline). */
  visibleTimes?: VisibleTimes;
}

/** Re-renders only when its own props change: not for the toolbar's or status line's updates. */
export const LogList = memo(function LogList(props: LogListProps) {
  const { store, view, follow, onFollowChange, formatTime, matcher, selection } = props;
  const { currentMatch, onIdClick, handleRef, emptyText, inStep, sections, colors } = props;
  const { context, visibleTimes } = props;
  const ref = useRef<HTMLDivElement>(null);
  /** The store position of the row where the last pointer press began (a text selection's). */
  const anchorPosition = useRef<number | null>(null);
  const count = view.count;
  const wrap = props.wrap;
  const { layout, measureRef } = useRowLayout(wrap, ref, store, view, formatTime !== null);

  const viewport = useViewport({ listRef: ref, store, view, layout, follow, onFollowChange });
  const { scrollTop, height, scrollToBottom } = viewport;

  // A position to scroll to once the rows its section unfolded into have rendered.
  const pending = useRef<number | null>(null);
  const [, scrollLater] = useReducer((n: number) => n + 1, 0);

  function centre(position: number) {
    const element = ref.current;
    if (!element) return;
    const row = view.rowAtOrAfter(position);
    const middle = layout.top(row) + layout.height(row) / 2;
    element.scrollTop = middle - element.clientHeight / 2;
  }

  // After the viewport's own effects: the rows of an unfolded section are laid out by now.
  useLayoutEffect(() => {
    if (pending.current === null) return;
    const position = pending.current;
    pending.current = null;
    centre(position);
  });

  useImperativeHandle(
    handleRef,
    () => ({
      scrollToPosition(position) {
        if (sections.reveal(position) || context.reveal(position)) {
          pending.current = position;
          scrollLater();
        } else centre(position);
      },
      openContext(position) {
        context.openAround(position);
        pending.current = position;
        scrollLater();
      },
      scrollToBottom,
      scrollToTop() {
        if (ref.current) ref.current.scrollTop = 0;
      },
      focus() {
        ref.current?.focus();
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `centre` reads `view` and `layout`
    [view, layout, sections, context, scrollToBottom],
  );

  function onCopy(event: ClipboardEvent<HTMLDivElement>) {
    const text = selectedText(store, view, ref.current, anchorPosition.current);
    if (text === null) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  }

  // The gap's button goes away as its lines open: focus stays in the list, not on the page.
  const { openGap } = context;
  const onOpenGap = useCallback(
    (gap: number, part: GapPart) => {
      openGap(gap, part);
      ref.current?.focus();
    },
    [openGap],
  );

  const rows = windowRows(layout, view, scrollTop, height, anchorPosition.current);

  useLayoutEffect(() => {
    visibleTimes?.report(store, view, layout, rows, scrollTop, height);
  });

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
      <div className={classes.canvas} style={{ height: layout.total }}>
        {rows.map(({ row, top }) => {
          const k = view.headerAt(row);
          if (k >= 0) {
            const section = sections.index.sections[k]!;
            const span = sections.index.spanOf(section.step);
            return (
              <SectionHeader
                key={`s${store.at(section.start).id}`}
                index={k}
                {...sectionText(section, span)}
                noStep={span === null}
                folded={sections.rows.isFolded(k)}
                onToggle={sections.toggle}
                top={top}
                row={row}
              />
            );
          }
          const gap = view.gapAt(row);
          if (gap >= 0 && context.rows) {
            const hidden = context.rows.gap(gap);
            return (
              <ContextGap
                key={`g${store.at(hidden.start).id}`}
                gap={gap}
                hidden={hidden.end - hidden.start}
                onOpen={onOpenGap}
                top={top}
                row={row}
              />
            );
          }
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
              matcher={matcher}
              colors={colors}
              selected={inRange(selection, line.id)}
              currentMatch={currentMatch === position}
              inStep={inStep !== null && inStep(line)}
              onIdClick={onIdClick}
              measureRef={measureRef}
            />
          );
        })}
      </div>
    </div>
  );
});
