import { afterEach, describe, expect, it, vi } from 'vitest';
import { Demo } from './demo.ts';

const line = (id: number) => ({ id, level: 'INFO', message: `m${id}`, creationDate: 'x' });

/** A log route that answers from a script: one entry per request, in order. */
function scripted(answers: { status?: number; ids?: number[]; state?: string }[]) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url.slice(url.lastIndexOf('/') + 1));
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    const body = {
      payload: { job: {}, logs: (next.ids ?? []).map(line) },
      ...(next.state ? { gateway: { state: next.state } } : {}),
    };
    return new Response(JSON.stringify(body), { status: next.status ?? 200 });
  });
  return asked;
}

const demo = () => new Demo('http://sim', { reading: 0, retry: 0 });

afterEach(() => void vi.unstubAllGlobals());

describe('Demo.lines', () => {
  it('reads the plain double in one answer and stops at the empty one after it', async () => {
    const asked = scripted([{ ids: [1, 2, 3] }, { ids: [] }]);
    expect((await demo().lines('j')).map((l) => l.id)).toEqual([1, 2, 3]);
    expect(asked).toEqual(['0', '3']);
  });

  it("follows a gateway's pages and waits out a read that brings nothing yet", async () => {
    const asked = scripted([
      { status: 503 },
      { ids: [1, 2], state: 'reading' },
      { ids: [], state: 'reading' },
      { ids: [3], state: 'reading' },
      { ids: [], state: 'live' },
    ]);
    expect((await demo().lines('j')).map((l) => l.id)).toEqual([1, 2, 3]);
    expect(asked).toEqual(['0', '0', '2', '2', '3']);
  });

  it('skips the all-null row of a job without lines', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ payload: { logs: [{ id: null }] } })),
    );
    expect(await demo().lines('j')).toEqual([]);
  });
});
