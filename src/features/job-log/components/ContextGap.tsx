import { memo } from 'react';
import { formatCount } from '../model/formatCount';
import { CONTEXT_STEP } from '../store/contextRows';
import type { GapPart } from '../store/useContextLines';
import classes from './JobLogPanel.module.css';

export interface ContextGapProps {
  /** Which run of hidden lines (ContextRows.gap). */
  gap: number;
  hidden: number;
  onOpen: (gap: number, part: GapPart) => void;
  top: number;
  row: number;
}

/** A long run opens 50 at either end or all; a short one all at once. */
function buttonsFor(hidden: number, lines: string) {
  const all = {
    part: 'all' as const,
    text: hidden === 1 ? 'Show' : 'Show all',
    label: hidden === 1 ? 'Show the hidden line' : `Show all ${lines}`,
  };
  if (hidden <= CONTEXT_STEP * 2) return [all];
  return [
    {
      part: 'start' as const,
      text: `First ${CONTEXT_STEP}`,
      label: `Show the first ${CONTEXT_STEP} of ${lines}`,
    },
    {
      part: 'end' as const,
      text: `Last ${CONTEXT_STEP}`,
      label: `Show the last ${CONTEXT_STEP} of ${lines}`,
    },
    all,
  ];
}

/**
 * A run of lines the filter hides, between the lines it keeps and their context: one row saying
 * how many, with buttons that open them (all, or CONTEXT_STEP at either end of a long run).
 */
export const ContextGap = memo(function ContextGap(props: ContextGapProps) {
  const { gap, hidden, onOpen, top, row } = props;
  const lines = `${formatCount(hidden)} hidden ${hidden === 1 ? 'line' : 'lines'}`;
  return (
    <div
      className={classes.gap}
      style={{ transform: `translateY(${top}px)` }}
      data-index={row}
      data-gap={gap}
    >
      <span className={classes.gapInner}>
        <span className={classes.gapText}>{lines}</span>
        {buttonsFor(hidden, lines).map(({ part, text, label }) => (
          <button
            key={part}
            type="button"
            className={classes.gapButton}
            aria-label={label}
            onClick={() => onOpen(gap, part)}
          >
            {text}
          </button>
        ))}
      </span>
    </div>
  );
});
