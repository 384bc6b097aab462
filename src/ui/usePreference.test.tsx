import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePreference } from './usePreference';

const KEY = 'jobscope.test.pref';
const render = () => renderHook(() => usePreference(KEY, ['on', 'off'] as const, 'off'));

afterEach(() => vi.restoreAllMocks());

describe('usePreference', () => {
  it('reads the stored plain string on the first render', () => {
    localStorage.setItem(KEY, 'on');
    const seen: string[] = [];
    renderHook(() => {
      const [value] = usePreference(KEY, ['on', 'off'] as const, 'off');
      seen.push(value);
    });
    expect(seen[0]).toBe('on');
  });

  it('remembers a change as the plain string earlier versions wrote', () => {
    const { result } = render();
    act(() => result.current[1]('on'));
    expect(result.current[0]).toBe('on');
    expect(localStorage.getItem(KEY)).toBe('on');
    act(() => result.current[1]((current) => (current === 'on' ? 'off' : 'on')));
    expect(localStorage.getItem(KEY)).toBe('off');
  });

  it('falls back for a value it does not know', () => {
    localStorage.setItem(KEY, '"on"');
    expect(render().result.current[0]).toBe('off');
  });

  it('falls back when storage throws, and still applies a change to this page', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('blocked');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('quota');
    });
    const { result } = render();
    expect(result.current[0]).toBe('off');
    act(() => result.current[1]('on'));
    expect(result.current[0]).toBe('on');
  });
});
