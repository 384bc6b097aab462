/**
 * Whether the list follows the tail, and how many lines arrived since it stopped (the count on
 * "Jump to latest").
 */
import { useCallback, useState } from 'react';
import type { LogStore } from '../store/LogStore';
import type { LogView } from '../model/logView';

export interface FollowState {
  follow: boolean;
  setFollow: (follow: boolean) => void;
  /** Lines shown that arrived after follow went off; 0 while following. */
  newLines: number;
}

export function useFollowState(options: {
  store: LogStore;
  view: LogView;
  /** The first catch-up is done. */
  answered: boolean;
  initial: () => boolean;
}): FollowState {
  const { store, view, answered, initial } = options;
  const [follow, setFollowState] = useState(initial);
  /**
   * The highest id held when follow went off (lines above it are new; older ones filled in by a
   * backfill are not); null until the first answer.
   */
  const [unfollowedAt, setUnfollowedAt] = useState<number | null>(null);

  // Lines of the first catch-up are history, not news: counting starts once it is done.
  const setFollow = useCallback(
    (next: boolean) => {
      setFollowState(next);
      if (!next) setUnfollowedAt(answered ? store.maxId : null);
    },
    [store, answered],
  );

  // Not following when the first catch-up ends (a permalink, a finished job): count from here.
  if (answered && !follow && unfollowedAt === null) setUnfollowedAt(store.maxId);

  const newLines =
    follow || unfollowedAt === null ? 0 : view.linesFrom(store.lowerBound(unfollowedAt + 1));
  return { follow, setFollow, newLines };
}
