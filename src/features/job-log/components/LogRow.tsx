import { memo, type MouseEvent, type ReactNode, type RefCallback } from 'react';
import type { LogLine } from '../model/logLine';
import type { Matcher } from '../model/searchMatcher';
import classes from './JobLogPanel.module.css';

export interface LogRowProps {
  line: LogLine;
  position: number;
  /** Pixels from the top of the list. */
  top: number;
  time: string | null;
  matcher: Matcher | null;
  selected: boolean;
  currentMatch: boolean;
  /** Written while the chosen step ran. */
  inStep: boolean;
  onIdClick: (id: number, event: MouseEvent<HTMLAnchorElement>) => void;
  /** Observes the row's height while wrapping. */
  measureRef?: RefCallback<HTMLElement>;
  row: number;
}

const LEVEL_CLASS = {
  ERROR: classes.error,
  WARN: classes.warn,
  INFO: classes.info,
  DEBUG: classes.debug,
  OTHER: classes.other,
} as const;

/** Splits a line's shown text around the search's matches; text only, never HTML. */
function highlight(text: string, matcher: Matcher | null): ReactNode {
  if (!matcher) return text;
  const ranges = matcher.ranges(text);
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let from = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = ranges[k + 1]!;
    if (start > from) parts.push(text.slice(from, start));
    parts.push(
      <mark key={start} className={classes.match}>
        {text.slice(start, end)}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { line, position, top, time, matcher, selected, currentMatch, onIdClick, measureRef, row } =
    props;
  const { inStep } = props;
  const level = line.severity;
  const className = [
    classes.row,
    LEVEL_CLASS[level],
    selected ? classes.selected : '',
    currentMatch ? classes.current : '',
    inStep ? classes.inStep : '',
  ].join(' ');
  return (
    <div
      ref={measureRef}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      data-pos={position}
      data-index={row}
      data-log-id={line.id}
      data-level={level}
    >
      <a
        className={classes.gutter}
        href={`#L${line.id}`}
        onClick={(event) => onIdClick(line.id, event)}
        aria-label={`Line ${line.id}`}
        aria-current={selected ? 'true' : undefined}
      >
        {line.id}
      </a>
      {time !== null ? <span className={classes.time}>{time}</span> : null}
      <span className={classes.level}>{line.label}</span>
      <span className={classes.message} data-message>
        {highlight(line.text, matcher)}
      </span>
    </div>
  );
});
