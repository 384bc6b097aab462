import { describe, expect, it } from 'vitest';
import type { WorkflowJob } from '../contract';
import { isTerminalStatus, jobTitle } from './job';

const job = (jobId: string, jobTitle: string | null) =>
  ({ jobId, metadata: { jobTitle } }) as unknown as WorkflowJob;

describe('jobTitle', () => {
  it('falls back to the job id when there is no title', () => {
    expect(jobTitle(job('abc', null))).toBe('abc');
    expect(jobTitle(job('abc', '  '))).toBe('abc');
    expect(jobTitle(job('abc', 'Pump'))).toBe('Pump');
  });

  it('shows bidi controls in a title as code points', () => {
    expect(jobTitle(job('abc', 'invoice\u202Etxt.exe'))).toBe('invoice<U+202E>txt.exe');
  });
});

describe('isTerminalStatus', () => {
  it('knows Completed and Aborted only', () => {
    expect(isTerminalStatus('Completed')).toBe(true);
    expect(isTerminalStatus('Aborted')).toBe(true);
    expect(isTerminalStatus('Active')).toBe(false);
    expect(isTerminalStatus('Paused')).toBe(false);
    expect(isTerminalStatus(null)).toBe(false);
  });
});
