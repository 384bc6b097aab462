/** The panel's keys: / search, f follow, w wrap, t timestamps, g / G top / bottom, e next error. */
import { useEffect, useRef } from 'react';

export type LogKeyActions = Record<'/' | 'f' | 'w' | 't' | 'g' | 'G' | 'e', () => void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

export function useLogKeyboard(actions: LogKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // An open dialog (the token prompt) keeps its keys.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = latest.current[event.key as keyof LogKeyActions];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
