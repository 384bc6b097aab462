import { describe, expect, it } from 'vitest';
import { rowKeys } from './rowKeys';

describe('rowKeys', () => {
  it('keeps unique ids as they are', () => {
    expect(rowKeys(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('makes blank and repeated ids unique', () => {
    const keys = rowKeys(['', 'a', '', 'a', 'b']);
    expect(new Set(keys).size).toBe(5);
    expect(keys[1]).toBe('a');
    expect(keys[4]).toBe('b');
  });
});
