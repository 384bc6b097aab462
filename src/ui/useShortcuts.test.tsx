import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShortcuts } from './useShortcuts';

/** Dispatches a keydown on `target` as a browser would; true when it was claimed. */
function press(target: Element, init: KeyboardEventInit): boolean {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

function setup() {
  const j = vi.fn();
  const bottom = vi.fn();
  const slash = vi.fn();
  const left = vi.fn();
  renderHook(() =>
    useShortcuts([
      ['j', j],
      ['shift+G', bottom],
      ['/', slash],
      ['k', left, { preventDefault: false }],
    ]),
  );
  return { j, bottom, slash, left };
}

afterEach(() => document.body.replaceChildren());

describe('useShortcuts', () => {
  it('runs a plain key on the page and claims it', () => {
    const { j, bottom, slash } = setup();
    expect(press(document.body, { key: 'j' })).toBe(true);
    expect(j).toHaveBeenCalledTimes(1);
    press(document.body, { key: 'G', shiftKey: true });
    press(document.body, { key: '/' });
    expect(bottom).toHaveBeenCalledTimes(1);
    expect(slash).toHaveBeenCalledTimes(1);
  });

  it('tells shifted keys apart', () => {
    const { j, bottom } = setup();
    press(document.body, { key: 'g' });
    press(document.body, { key: 'J', shiftKey: true });
    expect(bottom).not.toHaveBeenCalled();
    expect(j).not.toHaveBeenCalled();
  });

  it('ignores keys typed into fields and editable content', () => {
    const { j } = setup();
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const select = document.createElement('select');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    // jsdom does not compute isContentEditable; a browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    document.body.append(input, textarea, select, editable);
    for (const target of [input, textarea, select, editable]) {
      expect(press(target, { key: 'j' })).toBe(false);
    }
    expect(j).not.toHaveBeenCalled();
  });

  it('ignores keys with a modifier held', () => {
    const { j } = setup();
    press(document.body, { key: 'j', ctrlKey: true });
    press(document.body, { key: 'j', metaKey: true });
    press(document.body, { key: 'j', altKey: true });
    expect(j).not.toHaveBeenCalled();
  });

  it('leaves a key another handler took, and every key while a modal dialog is open', () => {
    const { j } = setup();
    const button = document.createElement('button');
    button.addEventListener('keydown', (event) => event.preventDefault());
    document.body.append(button);
    press(button, { key: 'j' });
    expect(j).not.toHaveBeenCalled();

    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    expect(press(document.body, { key: 'j' })).toBe(false);
    expect(j).not.toHaveBeenCalled();
    dialog.remove();
    press(document.body, { key: 'j' });
    expect(j).toHaveBeenCalledTimes(1);
  });

  it('lets a shortcut with preventDefault: false decide whether to claim the key', () => {
    const { left } = setup();
    expect(press(document.body, { key: 'k' })).toBe(false);
    expect(left).toHaveBeenCalledTimes(1);
  });
});
