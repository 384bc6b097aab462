import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { logKeys } from '../../../api/queryKeys';
import { stepSpans } from '../../../lib/stepSpans';
import type { Step } from '../../../contract';
import { testLine } from '../testLines';
import { TailSession, type TailSnapshot } from '../tail/TailSession';
import { useStepErrorCounts } from './useStepErrorCounts';

const T = Date.parse('2026-11-29T08:00:00.000Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();
const step = (n: number, from: number, to: number): Step => ({
  uniqueStepId: `u${n}`,
  stepNumber: n,
  started: at(from),
  completed: at(to),
  timeEvents: { [at(from)]: 0, [at(to)]: 2 },
});
const spans = stepSpans(
  {
    completedSteps: [step(1, 0, 60), step(2, 60, 120)],
    cancelledSteps: [],
    metadata: { status: 'Completed', updated: at(120) },
  },
  T + 200_000,
);

function setup(session: TailSession | null) {
  const client = new QueryClient();
  if (session) client.setQueryData<TailSnapshot>(logKeys.job('j1'), session.snapshot());
  const fetch = vi.fn();
  vi.stubGlobal('fetch', fetch);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useStepErrorCounts('j1', spans), { wrapper });
  return { hook, fetch };
}

describe('useStepErrorCounts', () => {
  it('counts the ERROR lines held per step, by time, and follows new lines', () => {
    const session = new TailSession(async () => {
      throw new Error('never fetched here');
    });
    const { store } = session.snapshot();
    store.append([
      testLine(1, 'ERROR', 'a', at(10)),
      testLine(2, 'INFO', 'b', at(20)),
      testLine(3, 'error', 'c', at(59)),
      testLine(4, 'ERROR', 'd', at(90)),
      testLine(5, 'ERROR', 'e', at(500)),
      testLine(6, 'ERROR', 'f', null),
    ]);
    const { hook, fetch } = setup(session);
    expect(hook.result.current.byStep).toEqual(
      new Map([
        ['u1', 2],
        ['u2', 1],
      ]),
    );
    expect(hook.result.current.partial).toBe(false);
    act(() => {
      store.append([testLine(7, 'ERROR', 'g', at(100))]);
    });
    expect(hook.result.current.byStep?.get('u2')).toBe(2);
    // An append places only its own ERROR lines, not every one held.
    const reads = vi.spyOn(store, 'at');
    act(() => {
      store.append([testLine(8, 'INFO', 'h', at(30)), testLine(9, 'ERROR', 'i', at(30))]);
    });
    expect(hook.result.current.byStep?.get('u1')).toBe(3);
    expect(reads).toHaveBeenCalledTimes(1);
    // Older lines inserted above: counted again from the start, and right.
    act(() => {
      store.insertRun([testLine(0, 'ERROR', 'z', at(5))]);
    });
    expect(hook.result.current.byStep).toEqual(
      new Map([
        ['u1', 4],
        ['u2', 2],
      ]),
    );
    expect(fetch).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('has nothing to count before the log is read, and never asks for it', () => {
    const { hook, fetch } = setup(null);
    expect(hook.result.current).toEqual({ byStep: null, partial: false });
    expect(fetch).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
