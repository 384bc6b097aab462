import { Anchor } from '@mantine/core';
import { memo } from 'react';
import { isReading, needsToken, type TailState } from '../tail/tailPolicy';
import { backfillDone, backfillProgress, type Backfill } from '../tail/backfillPlan';
import { useNow } from '../../../ui/useNow';
import classes from './JobLogPanel.module.css';
import { formatCount } from '../model/formatCount';
import { missingLogText, staleText, upstreamReadAt } from '../model/gatewayText';

export interface LogStatusLineProps {
  tail: TailState;
  lines: number;
  /** Older lines still being filled in (read each tick: it changes in place). */
  backfill?: Backfill | null;
  paused: boolean;
  onRetry: () => void;
  /** Asks the gateway to look for a missing log again. */
  onRecheck: () => void;
}

const count = (n: number) => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
}

function readingText(linesRead: number | null): string {
  const sentence = 'Jobscope is reading this log from the Job log API';
  return linesRead === null ? sentence : `${sentence}: ${count(linesRead)} so far`;
}

/** What went wrong with the last poll, in the client's own sentence for operators. */
function reason(error: unknown): string {
  return error instanceof Error && error.message ? `: ${error.message}` : '';
}

/**
 * "12,345 lines - live - updated 1 s ago", "complete - 12,345 lines", "paused", "reconnecting";
 * while older lines are filled in, "... - loading older lines 45%". Behind the gateway: "Jobscope
 * is reading this log ...", "The Job log API has no log for this job" with "Check again", and the
 * gateway's last upstream problem.
 */
export const LogStatusLine = memo(function LogStatusLine(props: LogStatusLineProps) {
  const { tail, lines, backfill = null, paused, onRetry, onRecheck } = props;
  const now = useNow(1000);
  const { gateway } = tail;
  // A failed recheck reads as any failed poll: it is retried.
  const missing = gateway?.state === 'missing' && tail.errorAttempt === 0 ? gateway : null;
  let text: string;
  if (needsToken(tail)) text = `${count(lines)} - the Job log API needs a token`;
  else if (missing) {
    text = missingLogText(missing);
    if (lines > 0) text += ` - ${count(lines)} held`;
    if (tail.recheck) text += ' - checking again';
  } else if (tail.done) text = `complete - ${count(lines)}`;
  else if (paused) text = `paused - ${count(lines)}`;
  else if (tail.errorAttempt > 0)
    text = `${count(lines)} - reconnecting (attempt ${tail.errorAttempt})${reason(tail.error)}`;
  else if (tail.updatedAt === null)
    text = lines > 0 ? `loading - ${count(lines)}` : 'loading log...';
  else if (tail.jobFound === false) text = 'the Job log API does not know this job';
  else if (isReading(tail)) text = `${count(lines)} - ${readingText(gateway?.linesRead ?? null)}`;
  else {
    // Behind the gateway, "updated" is when the Job log API last answered, not the gateway.
    const updated = upstreamReadAt(gateway) ?? tail.updatedAt;
    text = `${count(lines)} - live - updated ${ago(now - updated)}`;
  }
  if (!tail.done && !needsToken(tail) && tail.jobFound !== false && !backfillDone(backfill)) {
    text += ` - loading older lines ${Math.floor(backfillProgress(backfill!) * 100)}%`;
  }
  const stale = needsToken(tail) || tail.errorAttempt > 0 ? null : staleText(gateway);
  if (stale) text += ` - ${stale}`;
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
        {missing ? (
          <>
            {' '}
            <Anchor component="button" type="button" inherit onClick={onRecheck}>
              Check again
            </Anchor>
          </>
        ) : null}
      </p>
    </div>
  );
});
