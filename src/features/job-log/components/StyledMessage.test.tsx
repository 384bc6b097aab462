import { render } from '@testing-library/react';
import { isValidElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { StyledRun } from '../model/ansi';
import { styleMessage } from '../model/ansi';
import type { TextRange } from '../model/searchMatcher';
import { styledNodes } from './StyledMessage';

const red: StyledRun['style'] = { color: '#bb0000', bold: true };
const blue: StyledRun['style'] = { color: '#0000bb', background: '#eeeeee', underline: true };

interface MessageProps {
  text: string;
  runs: readonly StyledRun[];
  marks?: readonly TextRange[];
  markClassName?: string;
}

function renderMessage({ text, runs, marks, markClassName }: MessageProps) {
  return render(
    <div data-testid="message">{styledNodes(text, runs, marks, markClassName)}</div>,
  ).getByTestId('message');
}

describe('styledNodes', () => {
  it('renders runs as spans with inline styles', () => {
    const el = renderMessage({
      text: 'plain red blue dim',
      runs: [
        { start: 6, end: 9, style: red },
        { start: 10, end: 14, style: blue },
        { start: 15, end: 18, style: { italic: true, dim: true, strike: true, overline: true } },
      ],
    });
    expect(el).toHaveTextContent('plain red blue dim');
    const [r, b, d] = el.querySelectorAll('span');
    expect(r).toHaveTextContent(/^red$/);
    expect(r).toHaveStyle({ color: '#bb0000', fontWeight: '700' });
    expect(b).toHaveStyle({ color: '#0000bb', backgroundColor: '#eeeeee' });
    expect(b?.style.textDecorationLine).toBe('underline');
    expect(d).toHaveStyle({ fontStyle: 'italic', opacity: '0.7' });
    expect(d?.style.textDecorationLine).toBe('line-through overline');
  });

  it('keeps light-dark() colours in the inline style', () => {
    // jsdom drops light-dark() from a DOM style, so this reads the element React would render.
    const nodes = styledNodes('ab', [
      { start: 0, end: 1, style: { color: 'light-dark(#b02525, #ff6b6b)' } },
    ]) as ReactElement<{ style: unknown }>[];
    expect(isValidElement(nodes[0])).toBe(true);
    expect(nodes[0]?.props.style).toEqual({ color: 'light-dark(#b02525, #ff6b6b)' });
    expect(nodes[1]).toBe('b');
  });

  it('splits marks across run boundaries, the mark keeping its own colours', () => {
    const el = renderMessage({
      text: 'aaabbbccc',
      runs: [
        { start: 0, end: 3, style: red },
        { start: 3, end: 6, style: blue },
      ],
      marks: [
        { start: 2, end: 4 },
        { start: 5, end: 8 },
      ],
      markClassName: 'match',
    });
    const marks = [...el.querySelectorAll('mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['a', 'b', 'b', 'cc']);
    expect(marks.every((mark) => mark.className === 'match')).toBe(true);
    // Inside a mark only weight and decoration carry over; colours are the mark's.
    expect(marks[0]?.querySelector('span')).toHaveStyle({ fontWeight: '700' });
    expect(marks[0]?.querySelector('span')?.style.color).toBe('');
    expect(marks[1]?.querySelector('span')?.style.textDecorationLine).toBe('underline');
    expect(marks[3]?.querySelector('span')).toBeNull();
    expect(el.textContent).toBe('aaabbbccc');
    const outside = [...el.children].filter((child) => child.tagName === 'SPAN');
    expect(outside.map((span) => span.textContent)).toEqual(['aa', 'b']);
  });

  it('renders plain text as text, with or without marks', () => {
    expect(styledNodes('plain', [])).toBe('plain');
    const el = renderMessage({ text: 'find me', runs: [], marks: [{ start: 5, end: 7 }] });
    expect(el.innerHTML).toBe('find <mark>me</mark>');
  });

  it('renders hostile text inert: no element is created from it', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const styled = styleMessage(`\u001b[31m${hostile}\u001b[0m`)!;
    const el = renderMessage({ ...styled, marks: [{ start: 0, end: 8 }] });
    expect(el.textContent).toBe(hostile);
    expect(el.querySelector('script, img')).toBeNull();
    // A mark drops colour-only styling, so the red run is a mark and then a span.
    expect([...el.querySelectorAll('*')].map((node) => node.tagName)).toEqual(['MARK', 'SPAN']);
    expect(el.innerHTML).toContain('&lt;script&gt;');
  });
});
