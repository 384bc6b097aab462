import { Anchor } from '@mantine/core';
import { memo } from 'react';
import { needsToken, type TailState } from '../../api/logTail';
import { backfillDone, backfillProgress, type Backfill } from '../../api/tailPlan';
import { useNow } from '../ui/useNow';
import classes from './JobLogPanel.module.css';
import { formatCount } from './formatCount';

export interface LogStatusLineProps {
  tail: TailState;
  lines: number;
  /** Older lines still being filled in (read each tick: it changes in place). */
  backfill?: Backfill | null;
  paused: boolean;
  onRetry: () => void;
  notice: string | null;
}

const count = (n: number) => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
}

/** What went wrong with the last poll, in the client's own sentence for operators. */
function reason(error: unknown): string {
  return error instanceof Error && error.message ? `: ${error.message}` : '';
}

/**
 * "12,345 lines - live - updated 1 s ago", "complete - 12,345 lines", "paused", "reconnecting";
 * while older lines are filled in, "... - loading older lines 45%".
 */
export const LogStatusLine = memo(function LogStatusLine(props: LogStatusLineProps) {
  const { tail, lines, backfill = null, paused, onRetry, notice } = props;
  const now = useNow(1000);
  let text: string;
  if (needsToken(tail)) text = `${count(lines)} - the Job log API needs a token`;
  else if (tail.done) text = `complete - ${count(lines)}`;
  else if (paused) text = `paused - ${count(lines)}`;
  else if (tail.errorAttempt > 0)
    text = `${count(lines)} - reconnecting (attempt ${tail.errorAttempt})${reason(tail.error)}`;
  else if (tail.updatedAt === null)
    text = lines > 0 ? `loading - ${count(lines)}` : 'loading log...';
  else if (tail.jobFound === false) text = 'the Job log API does not know this job';
  else text = `${count(lines)} - live - updated ${ago(now - tail.updatedAt)}`;
  if (!tail.done && !needsToken(tail) && tail.jobFound !== false && !backfillDone(backfill)) {
    text += ` - loading older lines ${Math.floor(backfillProgress(backfill!) * 100)}%`;
  }
  // Plain elements: this line re-renders with every append and every second.
  return (
    <div className={classes.status}>
      <p className={classes.statusText} data-testid="log-status">
        {text}
        {needsToken(tail) ? (
          <>
            {' '}
            <Anchor component="button" type="button" inherit onClick={onRetry}>
              Enter token
            </Anchor>
          </>
        ) : null}
      </p>
      {notice ? <p className={classes.statusText}>{notice}</p> : null}
    </div>
  );
});
