import { describe, expect, it } from 'vitest';
import { isShortcutEvent } from './keyboard';

function keydown(target: HTMLElement, init: KeyboardEventInit = {}): KeyboardEvent {
  let seen: KeyboardEvent | null = null;
  target.addEventListener('keydown', (event) => (seen = event), { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, ...init }));
  return seen!;
}

describe('isShortcutEvent', () => {
  it('accepts a plain key on the page', () => {
    expect(isShortcutEvent(keydown(document.body))).toBe(true);
  });

  it('ignores keys typed into fields and editable content', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    editable.append(inner);
    document.body.append(input, textarea, editable);
    expect(isShortcutEvent(keydown(input))).toBe(false);
    expect(isShortcutEvent(keydown(textarea))).toBe(false);
    expect(isShortcutEvent(keydown(inner))).toBe(false);
    document.body.replaceChildren();
  });

  it('ignores keys with a modifier held', () => {
    expect(isShortcutEvent(keydown(document.body, { ctrlKey: true }))).toBe(false);
    expect(isShortcutEvent(keydown(document.body, { metaKey: true }))).toBe(false);
    expect(isShortcutEvent(keydown(document.body, { altKey: true }))).toBe(false);
  });
});
