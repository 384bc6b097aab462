/**
 * The list's row layout: arithmetic without wrapping; with it, predicted heights (wrapLayout.ts)
 * from the characters per line measured on a rendered row, corrected by the heights the rows on
 * screen actually take (a ResizeObserver on each, so reading them forces no layout).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useState,
  type RefCallback,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import type { LogStore } from '../store/LogStore';
import type { LogView } from '../model/logView';
import { fixedLayout, type RowLayout } from './rowLayout';
import { UNMEASURED, WrapLayout, type WrapMetrics } from './wrapLayout';

export interface RowLayoutState {
  layout: RowLayout;
  /** Each rendered row's ref while wrapping (it carries `data-index` and `data-log-id`). */
  measureRef: RefCallback<HTMLElement> | undefined;
}

/** Characters in the probe that measures one character's width. */
const PROBE_CHARS = 100;

/**
 * Characters per message line and how far below the row's top the message begins, from the first
 * rendered row's message (`[data-message]`); null while no row is rendered.
 */
function measureMetrics(list: HTMLElement): WrapMetrics | null {
  const message = list.querySelector<HTMLElement>('[data-message]');
  if (!message) return null;
  const probe = document.createElement('span');
  probe.textContent = 'x'.repeat(PROBE_CHARS);
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;top:0;left:0';
  list.appendChild(probe);
  const charWidth = probe.getBoundingClientRect().width / PROBE_CHARS;
  probe.remove();
  const style = getComputedStyle(message);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) || 0;
  const width = message.getBoundingClientRect().width - padding;
  if (!(charWidth > 0) || !(width > 0)) return null;
  return {
    columns: Math.max(1, Math.floor(width / charWidth + 1e-3)),
    // The row is the message's offset parent: narrow screens put the message on its own line.
    headerHeight: message.offsetTop,
  };
}

export function useRowLayout(
  wrap: boolean,
  listRef: RefObject<HTMLElement | null>,
  store: LogStore,
  view: LogView,
  timeShown: boolean,
): RowLayoutState {
  const [, remeasured] = useReducer((n: number) => n + 1, 0);
  const [metrics, setMetrics] = useState<WrapMetrics>(UNMEASURED);
  const [width, setWidth] = useState(0);
  const [fontsLoaded, setFontsLoaded] = useState(false);
  const wrapLayout = useMemo(() => new WrapLayout(), []);
  const hasRows = view.count > 0;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!wrap || !list) return;
    const observer = new ResizeObserver(() => setWidth(list.clientWidth));
    observer.observe(list);
    return () => observer.disconnect();
  }, [wrap, listRef]);

  useEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => {
      if (live) setFontsLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);

  // Before paint: a new width, the time column shown or hidden, the font loaded, the first row.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!wrap || !list || !hasRows) return;
    const next = measureMetrics(list);
    if (!next) return;
    setMetrics((now) =>
      now.columns === next.columns && now.headerHeight === next.headerHeight ? now : next,
    );
  }, [wrap, listRef, hasRows, width, timeShown, fontsLoaded]);

  const observer = useMemo(() => {
    if (!wrap || typeof ResizeObserver === 'undefined') return null;
    return new ResizeObserver((entries) => {
      let moved = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const height = entry.borderBoxSize?.[0]?.blockSize ?? element.offsetHeight;
        const row = Number(element.dataset.index);
        const id = Number(element.dataset.logId);
        if (wrapLayout.measure(row, id, height)) moved = true;
      }
      // Outside React's commit (an observer callback): the corrected rows render before paint.
      if (moved) flushSync(remeasured);
    });
  }, [wrap, wrapLayout]);
  useEffect(() => () => observer?.disconnect(), [observer]);

  const measureRef = useCallback<RefCallback<HTMLElement>>(
    (element) => {
      if (!element || !observer) return;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  if (!wrap) return { layout: fixedLayout(view.count, view.moves), measureRef: undefined };
  wrapLayout.sync(store, view, metrics);
  return { layout: wrapLayout, measureRef };
}
