/** A log message with its ANSI style runs and search marks, rendered as React text, never HTML. */
import type { CSSProperties, ReactNode } from 'react';
import type { RunStyle, StyledRun } from '../model/ansi';
import { DIM_OPACITY } from '../model/ansiPalette';
import type { TextRange } from '../model/searchMatcher';

// Run styles are shared objects (see styleMessage), so their CSS is built once per style.
const plainCss = new WeakMap<RunStyle, CSSProperties | undefined>();
const markedCss = new WeakMap<RunStyle, CSSProperties | undefined>();

function toCss(style: RunStyle, marked: boolean): CSSProperties | undefined {
  const css: CSSProperties = {};
  // Inside a search mark, the mark's own colours win so the match stays visible and readable.
  if (!marked) {
    if (style.color) css.color = style.color;
    if (style.background) css.backgroundColor = style.background;
    if (style.dim) css.opacity = DIM_OPACITY;
  }
  if (style.bold) css.fontWeight = 700;
  if (style.italic) css.fontStyle = 'italic';
  const lines = [
    style.underline && 'underline',
    style.strike && 'line-through',
    style.overline && 'overline',
  ].filter(Boolean);
  if (lines.length > 0) css.textDecorationLine = lines.join(' ');
  return Object.keys(css).length > 0 ? css : undefined;
}

function cssOf(style: RunStyle, marked: boolean): CSSProperties | undefined {
  const cache = marked ? markedCss : plainCss;
  if (!cache.has(style)) cache.set(style, toCss(style, marked));
  return cache.get(style);
}

function piece(
  text: string,
  at: number,
  style: RunStyle | null,
  marked: boolean,
  markClassName: string | undefined,
): ReactNode {
  const css = style ? cssOf(style, marked) : undefined;
  const content = css ? (
    <span key={at} style={css}>
      {text}
    </span>
  ) : (
    text
  );
  if (!marked) return content;
  return (
    <mark key={at} className={markClassName}>
      {content}
    </mark>
  );
}

/**
 * A line's text split at every boundary of its style runs (sorted, non-overlapping, as
 * styleMessage returns them) and its search marks (the same): each piece a string, a styled
 * span, or a mark. Keys are the pieces' offsets. Plain text stays a string.
 */
export function styledNodes(
  text: string,
  runs: readonly StyledRun[],
  marks: readonly TextRange[] = [],
  markClassName?: string,
): ReactNode {
  if (runs.length === 0 && marks.length === 0) return text;
  const nodes: ReactNode[] = [];
  let r = 0;
  let m = 0;
  for (let at = 0; at < text.length;) {
    while ((runs[r]?.end ?? Infinity) <= at) r++;
    while ((marks[m]?.end ?? Infinity) <= at) m++;
    const run = runs[r];
    const mark = marks[m];
    const inRun = run !== undefined && run.start <= at;
    const inMark = mark !== undefined && mark.start <= at;
    // Up to the next boundary of either list; `end > at` holds as both skips above ensure.
    let end = text.length;
    if (run) end = Math.min(end, inRun ? run.end : run.start);
    if (mark) end = Math.min(end, inMark ? mark.end : mark.start);
    nodes.push(piece(text.slice(at, end), at, inRun ? run.style : null, inMark, markClassName));
    at = end;
  }
  return nodes;
}
