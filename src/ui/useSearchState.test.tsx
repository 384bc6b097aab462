import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { useSearchState } from './useSearchState';

const schema = z.object({
  q: z.catch(z.string(), ''),
  n: z.catch(
    z.codec(z.string().check(z.regex(/^\d+$/)), z.number(), { decode: Number, encode: String }),
    0,
  ),
});

type Setter = ReturnType<typeof useSearchState<typeof schema>>[1];

function setup(entry: { pathname: string; search?: string; hash?: string; state?: unknown }) {
  const seen: { q: string; n: number }[] = [];
  const probe = { set: (() => {}) as Setter };
  function Probe({ replace }: { replace: boolean }) {
    const [value, setValue] = useSearchState(schema, { replace });
    seen.push(value);
    probe.set = setValue;
    return null;
  }
  const router = createMemoryRouter(
    [
      { path: '/jobs', element: <Probe replace={false} /> },
      { path: '/jobs/:id', element: <Probe replace /> },
    ],
    { initialEntries: [entry] },
  );
  render(<RouterProvider router={router} />);
  const { location } = router.state;
  return {
    router,
    seen,
    where: () => {
      const { pathname, search, hash } = router.state.location;
      return pathname + search + hash;
    },
    set: (...changes: Parameters<Setter>[0][]) =>
      act(async () => changes.forEach((change) => probe.set(change))),
    firstKey: location.key,
  };
}

describe('useSearchState', () => {
  it('reads the state through the schema, invalid values as defaults', () => {
    const { seen } = setup({ pathname: '/jobs', search: '?q=pump&n=x' });
    expect(seen.at(-1)).toEqual({ q: 'pump', n: 0 });
  });

  it('without replace: each change is a history entry holding the whole state alone', async () => {
    const { router, where, set, seen } = setup({ pathname: '/jobs', search: '?n=2&other=1' });
    await set({ q: 'pump' });
    expect(where()).toBe('/jobs?q=pump&n=2');
    expect(router.state.historyAction).toBe('PUSH');
    expect(seen.at(-1)).toEqual({ q: 'pump', n: 2 });
    await set({ n: 0 });
    expect(where()).toBe('/jobs?q=pump');
    await act(() => router.navigate(-1));
    expect(where()).toBe('/jobs?q=pump&n=2');
  });

  it('with replace: changes its fields in place; other parameters, hash and state stay', async () => {
    const { router, where, set } = setup({
      pathname: '/jobs/a',
      search: '?tab=log&n=2',
      hash: '#L5',
      state: { fromList: '/jobs?q=x' },
    });
    await set({ n: 3 });
    expect(where()).toBe('/jobs/a?tab=log&n=3#L5');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(router.state.location.state).toEqual({ fromList: '/jobs?q=x' });
    await set({ q: 'a,b' });
    expect(where()).toBe('/jobs/a?tab=log&n=3&q=a,b#L5');
  });

  it('builds quick changes on each other, before the router has re-rendered', async () => {
    const { where, set } = setup({ pathname: '/jobs/a' });
    const bump = (current: { n: number }) => ({ n: current.n + 1 });
    await set(bump, bump);
    expect(where()).toBe('/jobs/a?n=2');
  });

  it('does not navigate when nothing changes', async () => {
    const { router, set, firstKey } = setup({ pathname: '/jobs/a', search: '?q=pump' });
    await set({ q: 'pump' }, { n: 0 });
    expect(router.state.location.key).toBe(firstKey);
  });
});
