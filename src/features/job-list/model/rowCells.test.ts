import { describe, expect, it } from 'vitest';
import { changedJobIds, currentStepActiveMs, stepLabel } from './rowCells';
import { testJob } from '../testJobs';

describe('row cells', () => {
  it('labels a step as "number · title", or whichever part exists', () => {
    expect(stepLabel({ stepNumber: 3, stepTitle: 'Check' })).toBe('3 · Check');
    expect(stepLabel({ stepNumber: '4', stepTitle: null })).toBe('4');
    expect(stepLabel({ stepNumber: null, stepTitle: 'Sign off' })).toBe('Sign off');
    expect(stepLabel(null)).toBeNull();
  });

  it('derives the active time from the step time events, paused time excluded', () => {
    const job = testJob({
      jobId: 'a',
      step: {
        timeEvents: {
          '2026-11-24T10:00:00.000Z': 0,
          '2026-11-24T10:01:00.000Z': 1,
          '2026-11-24T10:03:00.000Z': 0,
        },
      },
    });
    const now = Date.parse('2026-11-24T10:03:30.000Z');
    expect(currentStepActiveMs(job, now)).toBe(90_000);
    expect(currentStepActiveMs(testJob({ jobId: 'b', step: null }), now)).toBeNull();
  });

  it('stops counting a finished job at its last update', () => {
    const job = testJob({
      jobId: 'a',
      status: 'Aborted',
      updated: '2026-11-24T10:00:20.000Z',
      step: { timeEvents: { '2026-11-24T10:00:00.000Z': 0 } },
    });
    expect(currentStepActiveMs(job, Date.parse('2026-11-24T12:00:00.000Z'))).toBe(20_000);
  });

  it('finds rows whose status or current step changed, ignoring new and gone rows', () => {
    const before = [
      testJob({ jobId: 'same' }),
      testJob({ jobId: 'status' }),
      testJob({ jobId: 'step' }),
      testJob({ jobId: 'gone' }),
    ];
    const after = [
      testJob({ jobId: 'same', updated: '2026-11-24T11:00:00.000Z' }),
      testJob({ jobId: 'status', status: 'Paused' }),
      testJob({ jobId: 'step', step: { uniqueStepId: 'step-u4', stepNumber: 4 } }),
      testJob({ jobId: 'new', status: 'Completed' }),
    ];
    expect([...changedJobIds(before, after)].sort()).toEqual(['status', 'step']);
  });
});
