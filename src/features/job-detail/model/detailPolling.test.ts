import { describe, expect, it } from 'vitest';
import { JOB_DETAIL_POLL_MS, jobDetailRefetchInterval } from './detailPolling';
import { makeJob } from '../testJob';

const withStatus = (status: string) => ({
  state: { status: 'success' as const, data: { job: makeJob({}, { status }), raw: {} } },
});

describe('jobDetailRefetchInterval', () => {
  it('polls a job that can still change', () => {
    expect(jobDetailRefetchInterval(withStatus('Active'))).toBe(JOB_DETAIL_POLL_MS);
    expect(jobDetailRefetchInterval(withStatus('Paused'))).toBe(JOB_DETAIL_POLL_MS);
    expect(jobDetailRefetchInterval(withStatus('Quarantined'))).toBe(JOB_DETAIL_POLL_MS);
  });

  it('stops once the job is terminal', () => {
    expect(jobDetailRefetchInterval(withStatus('Completed'))).toBe(false);
    expect(jobDetailRefetchInterval(withStatus('Aborted'))).toBe(false);
  });

  it('does not poll a job that never loaded', () => {
    expect(jobDetailRefetchInterval({ state: { status: 'error', data: undefined } })).toBe(false);
  });
});
