/**
 * The line range in the URL's hash (`#L12-L20`): scrolled to once its first line has arrived,
 * and set by a click on a line's id (Shift extends the range).
 */
import { useCallback, useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import type { LogListHandle } from '../components/LogList';
import type { LogView } from '../model/logView';
import { formatLineHash, type LineRange } from '../model/permalink';
import type { LogStore } from '../store/LogStore';

interface Options {
  store: LogStore;
  view: LogView;
  hash: string;
  selection: LineRange | null;
  setLineHash: (hash: string) => void;
  setFollow: (follow: boolean) => void;
  listRef: RefObject<LogListHandle | null>;
}

export function usePermalink(options: Options) {
  const { store, view, hash, selection, setLineHash, setFollow, listRef } = options;
  const scrolledHash = useRef<string | null>(null);
  const selectionPosition = selection ? store.indexOfId(selection.from) : -1;
  useLayoutEffect(() => {
    if (!selection || selectionPosition < 0 || scrolledHash.current === hash) return;
    scrolledHash.current = hash;
    setFollow(false);
    listRef.current?.scrollToPosition(selectionPosition);
  }, [selection, selectionPosition, hash, view, setFollow, listRef]);

  const onIdClick = useCallback(
    (id: number, event: MouseEvent<HTMLAnchorElement>) => {
      event.preventDefault();
      const range =
        event.shiftKey && selection
          ? { from: Math.min(selection.from, id), to: Math.max(selection.from, id) }
          : { from: id, to: id };
      // Already in view: no scroll for this hash.
      scrolledHash.current = formatLineHash(range);
      setFollow(false);
      setLineHash(formatLineHash(range));
    },
    [selection, setFollow, setLineHash],
  );
  return { selectionPosition, onIdClick };
}
