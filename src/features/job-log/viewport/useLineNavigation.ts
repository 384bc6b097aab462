/** Moving between search matches and ERROR lines: which one is current, and scrolling to it. */
import { useState, type RefObject } from 'react';
import type { LogStore } from '../store/LogStore';
import type { LineIndex } from '../store/lineIndex';
import type { LogListHandle } from '../components/LogList';
import type { LogView } from '../model/logView';

interface Options {
  store: LogStore;
  view: LogView;
  matches: LineIndex | null;
  errors: LineIndex;
  listRef: RefObject<LogListHandle | null>;
  setFollow: (follow: boolean) => void;
}

/** The next entry of `index` after (or before) `from` that the view shows, wrapping around. */
export function nextShown(
  index: LineIndex,
  view: LogView,
  from: number,
  direction: 1 | -1,
): number | null {
  const { positions } = index;
  const n = positions.length;
  if (n === 0) return null;
  let k = direction > 0 ? index.lowerBound(from + 1) : index.lowerBound(from) - 1;
  for (let step = 0; step < n; step++, k += direction) {
    const i = ((k % n) + n) % n;
    if (view.shows(positions[i]!)) return positions[i]!;
  }
  return null;
}

export function useLineNavigation({ store, view, matches, errors, listRef, setFollow }: Options) {
  // By line id: older lines inserted above (a backfill) shift positions, never ids.
  const [cursor, setCursor] = useState<{ of: LineIndex; id: number } | null>(null);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const currentAt = currentId === null ? -1 : store.indexOfId(currentId);
  const currentPosition = currentAt < 0 ? null : currentAt;
  const cursorAt = cursor && cursor.of === matches ? store.indexOfId(cursor.id) : -1;
  const matchCursor = matches && cursorAt >= 0 ? matches.lowerBound(cursorAt) : null;

  function jump(position: number) {
    setFollow(false);
    setCurrentId(store.at(position).id);
    listRef.current?.scrollToPosition(position);
  }

  function moveMatch(direction: 1 | -1) {
    if (!matches || matches.size === 0) return;
    const n = matches.size;
    const i =
      matchCursor === null ? (direction > 0 ? 0 : n - 1) : (matchCursor + direction + n) % n;
    const position = matches.positions[i]!;
    setCursor({ of: matches, id: store.at(position).id });
    jump(position);
  }

  function moveError(direction: 1 | -1) {
    const from = currentPosition ?? (direction > 0 ? -1 : store.size);
    const position = nextShown(errors, view, from, direction);
    if (position !== null) jump(position);
  }

  return { matchCursor, currentPosition, moveMatch, moveError, jump };
}
