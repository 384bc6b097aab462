import { memo, type MouseEvent, type ReactNode, type RefCallback } from 'react';
import type { LogLine } from '../model/logLine';
import { displayText } from '../model/logFormat';
import classes from './JobLogPanel.module.css';

export interface LogRowProps {
  line: LogLine;
  position: number;
  /** Pixels from the top of the list. */
  top: number;
  time: string | null;
  query: string;
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

/** Splits a message around case-insensitive matches of `query`; text only, never HTML. */
function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className={classes.match}>
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  if (parts.length === 0) return text;
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { line, position, top, time, query, selected, currentMatch, onIdClick, measureRef, row } =
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
        {highlight(displayText(line.message), query)}
      </span>
    </div>
  );
});
