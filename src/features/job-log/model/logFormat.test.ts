import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import { displayText, formatLogLine, isoTime } from './logFormat';

describe('logFormat', () => {
  it('formats a line as id, ISO time, level and message', () => {
    const line = testLine(42, 'warn', 'disk <b>low</b>', '2026-11-24T10:00:01Z');
    expect(formatLogLine(line)).toBe('42 2026-11-24T10:00:01.000Z WARN disk <b>low</b>');
  });

  it('keeps one line per log and marks a missing time', () => {
    const line = testLine(7, '', 'a\nb\r\nc');
    expect(formatLogLine(line)).toBe('7 - - a\\nb\\nc');
    expect(isoTime('not a time')).toBe('-');
  });

  it('removes ANSI sequences and control characters for display', () => {
    expect(displayText('\u001b[31mred\u001b[0m text\u0007')).toBe('red text');
    expect(displayText('plain\ttext')).toBe('plain\ttext');
    expect(displayText('two\nlines')).toBe('two \u21b5 lines');
  });

  it('shows bidi overrides as code points instead of letting them reorder the text', () => {
    expect(displayText('invoice-\u202etxt.exe')).toBe('invoice-<U+202E>txt.exe');
    expect(displayText('a\u2066b\u2069')).toBe('a<U+2066>b<U+2069>');
    expect(displayText('plain')).toBe('plain');
  });
});
