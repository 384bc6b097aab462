import { memo, type MouseEvent, type ReactNode, type RefCallback } from 'react';
import type { LogLine } from '../model/logLine';
import type { Matcher } from '../model/searchMatcher';
import { styleMessage, type StyledRun } from '../model/ansi';
import { styledNodes } from './StyledMessage';
import classes from './JobLogPanel.module.css';

export interface LogRowProps {
  line: LogLine;
  position: number;
  /** Pixels from the top of the list. */
  top: number;
  time: string | null;
  matcher: Matcher | null;
  colors: boolean;
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

const NO_RUNS: readonly StyledRun[] = [];

/**
 * Style runs by line: a row re-renders (a new search, a selection) without parsing its escapes
 * again; a rainbow of true colour can take tens of ms to parse.
 */
const runsByLine = new WeakMap<LogLine, readonly StyledRun[]>();

function runsOf(line: LogLine): readonly StyledRun[] {
  // A line with no escape has `text` === `message` (displayText): nothing to parse.
  if (line.text === line.message) return NO_RUNS;
  let runs = runsByLine.get(line);
  if (!runs) {
    runs = styleMessage(line.message)?.runs ?? NO_RUNS;
    runsByLine.set(line, runs);
  }
  return runs;
}

/**
 * The line's shown text with its ANSI styles (when `colors`) and the search's marks: text only,
 * never HTML.
 */
function messageNodes(line: LogLine, matcher: Matcher | null, colors: boolean): ReactNode {
  // `line.text` is already the text a styled message shows (displayText), so marks line up.
  const runs = colors ? runsOf(line) : NO_RUNS;
  const marks = matcher ? matcher.ranges(line.text) : undefined;
  return styledNodes(line.text, runs, marks, classes.match);
}

export const LogRow = memo(function LogRow(props: LogRowProps) {
  const {
    line,
    position,
    top,
    time,
    matcher,
    colors,
    selected,
    currentMatch,
    onIdClick,
    measureRef,
    row,
  } = props;
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
        {messageNodes(line, matcher, colors)}
      </span>
    </div>
  );
});
