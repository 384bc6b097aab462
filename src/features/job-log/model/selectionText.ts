/** The text a copy of a selection across rows writes, built from the store. */
import type { LogStore } from '../store/LogStore';
import { formatLogLine } from './logFormat';
import type { LogView } from './logView';

function positionOf(node: Node | null, root: HTMLElement): number | null {
  const element = node instanceof Element ? node : node?.parentElement;
  if (!element || !root.contains(element)) return null;
  const row = element.closest<HTMLElement>('[data-pos]');
  return row ? Number(row.dataset.pos) : null;
}

/**
 * A selection across rows copies those lines whole from the store, in the download's format,
 * including rows scrolled out of view (whose DOM is gone). Within one row the browser's own
 * copy is exact already: null.
 */
export function selectedText(
  store: LogStore,
  view: LogView,
  root: HTMLElement | null,
  anchor: number | null,
): string | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.isCollapsed) return null;
  const a = positionOf(selection.anchorNode, root) ?? anchor;
  const b = positionOf(selection.focusNode, root);
  if (a === null || b === null || a === b) return null;
  const from = view.rowAtOrAfter(Math.min(a, b));
  const to = view.rowAtOrAfter(Math.max(a, b));
  const out: string[] = [];
  for (let row = from; row <= to && row < view.count; row++) {
    if (view.headerAt(row) >= 0 || view.gapAt(row) >= 0) continue;
    out.push(formatLogLine(store.at(view.positionAt(row))));
  }
  return out.join('\n');
}
