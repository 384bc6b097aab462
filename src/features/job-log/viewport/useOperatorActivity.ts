/**
 * What the operator is doing with the list, kept in refs so that asking costs no render: recent
 * scrolling input, the pointer over the list, a text selection inside it. The list holds still
 * for all three.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';

/** A scroll this soon after wheel, touch, key or pointer input is the operator's. */
export const USER_SCROLL_MS = 600;

export interface OperatorActivity {
  /** Wheel, touch, key or pointer input on the list, just now. */
  markInput: () => void;
  setHovering: (hovering: boolean) => void;
  /** The pointer is over the list, or a text selection lies inside it. */
  holding: () => boolean;
  /** Milliseconds since the last input marked. */
  sinceInput: () => number;
}

export function useOperatorActivity(listRef: RefObject<HTMLElement | null>): OperatorActivity {
  const userInputAt = useRef(0);
  const hovering = useRef(false);
  /** Kept by `selectionchange`: no selection reads per render. */
  const selecting = useRef(false);

  useEffect(() => {
    function onSelectionChange() {
      const now = document.getSelection();
      selecting.current =
        !!now && !now.isCollapsed && !!listRef.current?.contains(now.anchorNode ?? null);
    }
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [listRef]);

  return useMemo(
    () => ({
      markInput() {
        userInputAt.current = Date.now();
      },
      setHovering(on: boolean) {
        hovering.current = on;
      },
      holding: () => hovering.current || selecting.current,
      sinceInput: () => Date.now() - userInputAt.current,
    }),
    [],
  );
}
