import { describe, expect, it } from 'vitest';
import { revealBidi } from './bidi';

describe('revealBidi', () => {
  it('shows overrides and isolates as code points', () => {
    expect(revealBidi('invoice-\u202etxt.exe')).toBe('invoice-<U+202E>txt.exe');
    expect(revealBidi('a\u2066b\u2069')).toBe('a<U+2066>b<U+2069>');
  });
  it('leaves other text, right-to-left scripts included, alone', () => {
    expect(revealBidi('plain')).toBe('plain');
    expect(revealBidi('שלום')).toBe('שלום');
  });
});
