/** One step's row on the timeline: its number and title, its ERROR count, and its bar (a link). */
import { Link } from 'react-router';
import type { StepSpan } from '../../../lib/stepSpans';
import { clipToRange, type TimeRange } from '../model/timelineAxis';
import classes from './StepTimeline.module.css';

export interface StepRowProps {
  span: StepSpan;
  range: TimeRange;
  now: number;
  href: string;
  label: string;
  /** ERROR lines held for the step. */
  errorCount: number;
  partial: boolean;
  onPoint: (key: string | null) => void;
}

export function StepRow(props: StepRowProps) {
  const { span, range, now, href, label, errorCount, partial, onPoint } = props;
  const start = span.start!;
  const end = span.end ?? (span.open ? now : start);
  const bar = clipToRange(range, start, end);
  const point = () => onPoint(span.key);
  const unpoint = () => onPoint(null);
  return (
    <li className={classes.row}>
      <span className={classes.label} title={`${span.number} ${span.title}`}>
        <span className={classes.labelText}>
          <span className={classes.number}>{span.number}</span> {span.title}
        </span>
        {errorCount > 0 ? (
          <span className={classes.errorCount} aria-hidden>
            {errorCount}
            {partial ? '+' : ''} ERR
          </span>
        ) : null}
      </span>
      <div className={classes.track}>
        {bar ? (
          <Link
            to={href}
            className={`${classes.bar} ${classes[span.outcome]}`}
            style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
            aria-label={label}
            onPointerEnter={point}
            onPointerLeave={unpoint}
            onFocus={point}
            onBlur={unpoint}
            draggable={false}
          >
            {span.timing.segments.map((segment) => {
              const piece = clipToRange(
                { from: Math.max(start, range.from), to: Math.min(end, range.to) },
                segment.start,
                segment.end,
              );
              return piece ? (
                <span
                  key={`${segment.kind}-${segment.start}`}
                  className={`${classes.segment} ${classes[segment.kind]}`}
                  style={{ left: `${piece.left}%`, width: `${piece.width}%` }}
                />
              ) : null;
            })}
          </Link>
        ) : (
          <Link to={href} className={classes.offscreen} aria-label={label}>
            outside the range shown
          </Link>
        )}
      </div>
    </li>
  );
}
