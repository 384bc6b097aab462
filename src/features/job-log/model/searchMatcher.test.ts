import { describe, expect, it } from 'vitest';
import { compileSearch, type SearchSpec } from './searchMatcher';

const spec = (text: string, mode: Partial<SearchSpec> = {}): SearchSpec => ({
  text,
  caseSensitive: false,
  regex: false,
  ...mode,
});

const r = (start: number, end: number) => ({ start, end });

function matcherOf(text: string, mode: Partial<SearchSpec> = {}) {
  const { matcher, error } = compileSearch(spec(text, mode));
  expect(error).toBeNull();
  return matcher!;
}

describe('compileSearch', () => {
  it('has no matcher and no error for an empty search', () => {
    expect(compileSearch(spec(''))).toEqual({ matcher: null, error: null });
  });

  it('matches text in any case by default, and marks each match', () => {
    const pump = matcherOf('pump');
    expect(pump.test('Pump 3 stopped')).toBe(true);
    expect(pump.test('valve')).toBe(false);
    expect(pump.ranges('PUMP and pump')).toEqual([r(0, 4), r(9, 13)]);
  });

  it('minds case when asked', () => {
    const pump = matcherOf('Pump', { caseSensitive: true });
    expect(pump.test('Pump 3')).toBe(true);
    expect(pump.test('pump 3')).toBe(false);
    expect(pump.ranges('pump Pump')).toEqual([r(5, 9)]);
  });

  it('takes pattern characters literally in text mode', () => {
    const literal = matcherOf('a.c (1)');
    expect(literal.test('abc (1)')).toBe(false);
    expect(literal.test('see a.c (1) here')).toBe(true);
    expect(matcherOf('[x').ranges('y[x')).toEqual([r(1, 3)]);
  });

  it('reads a regular expression, with or without case', () => {
    const code = matcherOf('e\\d{3}', { regex: true });
    expect(code.test('code E404')).toBe(true);
    expect(code.ranges('E404, e500 and e5')).toEqual([r(0, 4), r(6, 10)]);
    expect(matcherOf('E\\d+', { regex: true, caseSensitive: true }).test('e404')).toBe(false);
  });

  it('says in place why a pattern is invalid, and never throws', () => {
    for (const bad of ['(a', '[z-a]', '*', 'a{2,1}', '\\']) {
      const compiled = compileSearch(spec(bad, { regex: true }));
      expect(compiled.matcher).toBeNull();
      expect(compiled.error).toMatch(/^Invalid pattern: \S/);
      expect(compiled.error).not.toContain('Invalid regular expression');
    }
    expect(compileSearch(spec('(a', { regex: true })).error).toBe(
      'Invalid pattern: Unterminated group',
    );
    // The same text is fine as plain text.
    expect(compileSearch(spec('(a')).error).toBeNull();
  });

  it('marks nothing for empty matches, yet ends (x*, ^, lookahead)', () => {
    expect(matcherOf('x*', { regex: true }).ranges('abxxc')).toEqual([r(2, 4)]);
    expect(matcherOf('^', { regex: true }).ranges('abc')).toEqual([]);
    expect(matcherOf('(?=b)', { regex: true }).ranges('abab')).toEqual([]);
  });

  it('keeps test stateless: a pattern matches every line it should, in any order', () => {
    const matcher = matcherOf('a', { regex: true });
    expect(['a', 'a', 'ba', 'a'].map((line) => matcher.test(line))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('caps the marks in one line, keeping the first ones', () => {
    const ranges = matcherOf('a').ranges('a'.repeat(5000));
    expect(ranges.length).toBe(1000);
    expect(ranges.slice(0, 2)).toEqual([r(0, 1), r(1, 2)]);
  });

  it('gives one key per search: same text and modes, same key', () => {
    const keys = [
      matcherOf('a').key,
      matcherOf('a', { caseSensitive: true }).key,
      matcherOf('a', { regex: true }).key,
      matcherOf('b').key,
    ];
    expect(new Set(keys).size).toBe(4);
    expect(matcherOf('a').key).toBe(keys[0]);
  });

  it('treats a line its pattern throws on (a backtracking stack overflow) as no match', () => {
    const matcher = matcherOf('^(a|b)*$', { regex: true });
    const huge = 'ab'.repeat(2_500_000);
    expect(matcher.test(huge)).toBe(false);
    expect(matcher.ranges(huge)).toEqual([]);
    expect(matcher.test('abab')).toBe(true);
  });
});
